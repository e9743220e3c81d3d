package dev.tessera.engine.geojson;

import static dev.tessera.engine.geojson.GeoJsonException.CRS_AFTER_FEATURES;
import static dev.tessera.engine.geojson.GeoJsonException.INVALID_GEOMETRY;
import static dev.tessera.engine.geojson.GeoJsonException.INVALID_TYPE;
import static dev.tessera.engine.geojson.GeoJsonException.MALFORMED_JSON;
import static dev.tessera.engine.geojson.GeoJsonException.MISSING_FEATURES;
import static dev.tessera.engine.geojson.GeoJsonException.MISSING_GEOMETRY;

import dev.tessera.engine.proj.Crs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Streams the features of a GeoJSON document (a FeatureCollection or a single Feature) one at a time, in constant
 * memory: only the current feature is ever held, so a 200 MB upload costs no more than its largest feature.
 *
 * <p>Members may come in any order and foreign members ({@code bbox}, {@code name}, ...) are skipped. Incoming
 * {@code id}s are ignored because the server assigns ids. A GeoJSON 2008 {@code crs} on the collection, feature or
 * geometry is honoured: coordinates are transformed to EPSG:4326 (x is always easting/longitude). Because features are
 * handed out as they are read, a non-WGS 84 collection {@code crs} after {@code features} is an error
 * ({@code crs_after_features}), and so is a {@code type} after {@code features} that turns out not to be
 * FeatureCollection: callers importing a stream should apply the features transactionally.
 *
 * <p>Every feature is validated: positions, ranges, ring closure and JTS validity. Invalid geometries are rejected,
 * not repaired; see {@link GeoJsonException} for the error codes. The first error ends the iteration: it is thrown
 * from {@code hasNext()}/{@code next()} and again from any later call.
 *
 * <p>Not thread-safe. {@link #close()} closes the input stream.
 */
public final class GeoJsonFeatureReader implements Iterator<GeoJsonFeature>, AutoCloseable {
  private static final String FEATURE = "Feature";
  private static final String FEATURE_COLLECTION = "FeatureCollection";

  private enum State {
    START,
    ROOT_MEMBERS,
    IN_FEATURES,
    DONE
  }

  private final JsonParser parser;
  private final JsonCursor cursor;
  private final FeatureParser features;
  private final CrsReader crsReader;
  private final boolean singleFeatureOnly;
  private final FeatureParser.Parts topLevelFeature = new FeatureParser.Parts();
  private State state = State.START;
  private String rootType;
  private Crs rootCrs;
  private boolean featuresSeen;
  private long elementIndex;
  private long featuresRead;
  private GeoJsonFeature next;
  private RuntimeException failure;

  private GeoJsonFeatureReader(InputStream in, boolean singleFeatureOnly) {
    this(in, singleFeatureOnly, false);
  }

  private GeoJsonFeatureReader(InputStream in, boolean singleFeatureOnly, boolean repairInvalid) {
    this.parser = JsonText.READ_FACTORY.createParser(ObjectReadContext.empty(), Objects.requireNonNull(in, "in"));
    this.cursor = new JsonCursor(parser);
    this.features = new FeatureParser(cursor, repairInvalid);
    this.crsReader = new CrsReader(cursor);
    this.singleFeatureOnly = singleFeatureOnly;
  }

  /** A reader over a FeatureCollection or Feature document; nothing is read until {@link #hasNext()}. */
  public static GeoJsonFeatureReader open(InputStream in) {
    return new GeoJsonFeatureReader(in, false);
  }

  /**
   * A reader that repairs invalid geometries (JTS GeometryFixer) instead of rejecting them; {@link #repairedCount()}
   * tells how many were repaired. Everything else is refused as by {@link #open(InputStream)}.
   */
  public static GeoJsonFeatureReader open(InputStream in, boolean repairInvalid) {
    return new GeoJsonFeatureReader(in, false, repairInvalid);
  }

  /** How many features returned so far had their geometry repaired. */
  public long repairedCount() {
    return features.repaired();
  }

  /**
   * Reads a document that must be exactly one Feature (not a FeatureCollection), e.g. the body of a PUT. Closes
   * {@code in}.
   *
   * @throws GeoJsonException if the document is not a single valid Feature
   */
  public static GeoJsonFeature readSingleFeature(InputStream in) {
    try (GeoJsonFeatureReader reader = new GeoJsonFeatureReader(in, true)) {
      // In single-feature mode the document either yields exactly one feature or fails.
      return reader.next();
    }
  }

  /**
   * Reads one geometry object from {@code parser}, which is on the object's START_OBJECT (or just before it, or on
   * the member name), and leaves it on the matching END_OBJECT. The geometry is transformed from its own {@code crs}
   * member if any, range-checked and validated like a feature's; pointers in errors are relative to the parser's
   * document.
   *
   * @throws GeoJsonException with code {@code missing_geometry} for {@code null}, or any geometry error code
   */
  public static Geometry readGeometry(JsonParser parser) {
    JsonCursor cursor = new JsonCursor(parser);
    try {
      JsonToken t = parser.currentToken();
      if (t == null || t == JsonToken.PROPERTY_NAME) {
        t = cursor.next();
      }
      if (t == JsonToken.VALUE_NULL) {
        throw cursor.fail(MISSING_GEOMETRY, "Geometry is null");
      }
      if (t != JsonToken.START_OBJECT) {
        throw cursor.fail(INVALID_GEOMETRY, "Expected a geometry object, found " + JsonCursor.describe(t));
      }
      ParsedGeometry parsed = new GeometryReader(cursor).read(true);
      Geometry geometry = parsed.geometry();
      try {
        GeometryChecks.finish(geometry, parsed.crs() == null ? Crs.wgs84() : parsed.crs());
      } catch (GeometryProblem problem) {
        throw cursor.fail(problem, cursor.pointer());
      }
      return geometry;
    } catch (StreamReadException | StreamConstraintsException e) {
      throw cursor.malformed(e);
    } catch (JacksonIOException e) {
      throw io(e);
    }
  }

  /**
   * Whether the document is a single Feature rather than a FeatureCollection; known once {@link #hasNext()} has
   * returned a feature.
   */
  public boolean singleFeature() {
    return FEATURE.equals(rootType);
  }

  /** Number of features returned by {@link #next()} so far. */
  public long featuresRead() {
    return featuresRead;
  }

  @Override
  public boolean hasNext() {
    if (failure != null) {
      throw failure;
    }
    if (next == null && state != State.DONE) {
      try {
        next = advance();
      } catch (GeoJsonException e) {
        throw failed(e);
      } catch (StreamReadException | StreamConstraintsException e) {
        throw failed(cursor.malformed(e));
      } catch (JacksonIOException e) {
        throw failed(io(e));
      }
    }
    return next != null;
  }

  @Override
  public GeoJsonFeature next() {
    if (!hasNext()) {
      throw new NoSuchElementException("No more features");
    }
    GeoJsonFeature feature = next;
    next = null;
    featuresRead++;
    return feature;
  }

  /** Closes the parser and the input stream. */
  @Override
  public void close() {
    state = State.DONE;
    parser.close();
  }

  private RuntimeException failed(RuntimeException e) {
    state = State.DONE;
    failure = e;
    return e;
  }

  private static UncheckedIOException io(JacksonIOException e) {
    IOException cause = e.getCause() != null ? e.getCause() : new IOException(e.getMessage(), e);
    return new UncheckedIOException("Reading GeoJSON failed: " + cause.getMessage(), cause);
  }

  /** Reads up to the next feature; null once the document has been read to its end. */
  private GeoJsonFeature advance() {
    if (state == State.START) {
      start();
    }
    while (true) {
      switch (state) {
        case IN_FEATURES -> {
          cursor.featureIndex = elementIndex; // set first so malformed JSON between features is attributed too
          JsonToken t = cursor.next();
          if (t != JsonToken.END_ARRAY) {
            elementIndex++;
            GeoJsonFeature feature = features.read(t, rootCrs);
            cursor.featureIndex = -1;
            return feature;
          }
          cursor.featureIndex = -1;
          state = State.ROOT_MEMBERS;
        }
        case ROOT_MEMBERS -> {
          if (cursor.next() == JsonToken.END_OBJECT) {
            return end();
          }
          rootMember();
        }
        default -> {
          return null;
        }
      }
    }
  }

  private void start() {
    JsonToken t = parser.nextToken();
    if (t == null) {
      throw cursor.fail(MALFORMED_JSON, "", "Malformed JSON: the document is empty");
    }
    if (t != JsonToken.START_OBJECT) {
      throw cursor.fail(INVALID_TYPE, "Expected a GeoJSON Feature or FeatureCollection object, found "
          + JsonCursor.describe(t));
    }
    state = State.ROOT_MEMBERS;
  }

  /** One member of the root object; the parser is on its name. */
  private void rootMember() {
    String name = parser.currentName();
    JsonToken value = cursor.next();
    switch (name) {
      case "type" -> rootType(value);
      case "crs" -> rootCrs(value);
      case "features" -> {
        if (FEATURE.equals(rootType)) {
          parser.skipChildren(); // a foreign member of a Feature
        } else {
          startFeatures(value);
        }
      }
      case "geometry", "properties" -> {
        if (FEATURE_COLLECTION.equals(rootType) || featuresSeen) {
          parser.skipChildren(); // foreign members of a FeatureCollection
        } else {
          features.member(name, value, topLevelFeature);
        }
      }
      default -> parser.skipChildren();
    }
  }

  private void rootType(JsonToken value) {
    String type = value == JsonToken.VALUE_STRING ? parser.getString() : null;
    if (!FEATURE.equals(type) && !FEATURE_COLLECTION.equals(type)) {
      String found = type == null ? JsonCursor.describe(value) : "\"" + type + "\"";
      throw cursor.fail(INVALID_TYPE, "Expected type \"Feature\" or \"FeatureCollection\", found " + found);
    }
    if (singleFeatureOnly && type.equals(FEATURE_COLLECTION)) {
      throw cursor.fail(INVALID_TYPE, "Expected a single Feature, found a FeatureCollection");
    }
    if (featuresSeen && type.equals(FEATURE)) {
      throw cursor.fail(INVALID_TYPE, "A document with a features array must have type \"FeatureCollection\"");
    }
    rootType = type;
  }

  private void rootCrs(JsonToken value) {
    Crs crs = crsReader.read(value);
    if (!featuresSeen) {
      rootCrs = crs;
    } else if (crs != null && !crs.isWgs84()) {
      throw cursor.fail(CRS_AFTER_FEATURES, "The FeatureCollection crs (" + crs.name() + ") comes after its features,"
          + " which were already read as WGS 84; put crs before features");
    }
  }

  private void startFeatures(JsonToken value) {
    if (singleFeatureOnly) {
      throw cursor.fail(INVALID_TYPE, "Expected a single Feature, found a FeatureCollection");
    }
    if (featuresSeen) {
      throw cursor.fail(INVALID_TYPE, "The FeatureCollection has more than one features member");
    }
    if (value != JsonToken.START_ARRAY) {
      throw cursor.fail(INVALID_TYPE, "features must be an array, found " + JsonCursor.describe(value));
    }
    featuresSeen = true;
    state = State.IN_FEATURES;
  }

  /** On the root END_OBJECT: checks the root type and returns the top-level Feature, if that is what it was. */
  private GeoJsonFeature end() {
    GeoJsonFeature single = null;
    if (rootType == null) {
      throw cursor.fail(INVALID_TYPE, "", "The document has no type member; expected \"Feature\" or"
          + " \"FeatureCollection\"");
    } else if (rootType.equals(FEATURE_COLLECTION)) {
      if (!featuresSeen) {
        throw cursor.fail(MISSING_FEATURES, "", "The FeatureCollection has no features array");
      }
    } else {
      single = features.finish(topLevelFeature, rootCrs);
    }
    state = State.DONE;
    if (parser.nextToken() != null) {
      throw cursor.fail(MALFORMED_JSON, "", "Malformed JSON: unexpected content after the end of the document");
    }
    return single;
  }
}
