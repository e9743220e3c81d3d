package dev.tessera.engine.geojson;

import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/**
 * Streams a GeoJSON FeatureCollection: {@code {"type":"FeatureCollection","features":[...], <foreign members>}}.
 *
 * <p>Usage: {@link #featureCollection}, any number of {@link #writeFeature}, optionally {@link #endFeatures} and
 * {@link #writeForeignMember} (e.g. {@code next_cursor}), then {@link #close}. Geometries are written as 2D
 * positions, each ordinate in shortest round-trip form ({@code Double.toString} semantics, never rounded); empty
 * geometries as empty {@code coordinates}/{@code geometries} arrays (empty points inside a MultiPoint are omitted, as
 * GeoJSON has no empty position).
 *
 * <p>{@link #close} completes the document and flushes but does not close the output stream, which the caller owns.
 * If writing a feature failed, close only flushes, leaving the output visibly truncated. Not thread-safe.
 */
public final class GeoJsonWriter implements AutoCloseable {
  private static final Set<String> RESERVED_FEATURE_MEMBERS = Set.of("type", "id", "geometry", "properties");
  private final JsonGenerator generator;
  private boolean featuresOpen = true;
  private boolean closed;
  private boolean failed;

  private GeoJsonWriter(JsonGenerator generator) {
    this.generator = generator;
  }

  /** Starts a FeatureCollection on {@code out} (UTF-8), writing up to the opening of the features array. */
  public static GeoJsonWriter featureCollection(OutputStream out) {
    JsonGenerator g = JsonText.WRITE_FACTORY.createGenerator(ObjectWriteContext.empty(),
        Objects.requireNonNull(out, "out"), JsonEncoding.UTF8);
    g.writeStartObject();
    g.writeStringProperty("type", "FeatureCollection");
    g.writeName("features");
    g.writeStartArray();
    return new GeoJsonWriter(g);
  }

  /**
   * Writes one feature.
   *
   * @param id written as a string; omitted when null
   * @param geometry written as {@code "geometry": null} when null
   * @param propertiesJson a JSON object, copied through as-is apart from surrounding whitespace; {@code {}} when null
   * @throws IllegalArgumentException if {@code propertiesJson} is not a JSON object or a coordinate is not finite
   * @throws IllegalStateException after {@link #endFeatures} or {@link #close}
   */
  public void writeFeature(String id, Geometry geometry, String propertiesJson) {
    requireOpen();
    if (!featuresOpen) {
      throw new IllegalStateException("The features array has already been ended");
    }
    String properties = checkedProperties(propertiesJson);
    try {
      writeFeature(generator, id, geometry, properties);
    } catch (RuntimeException e) {
      failed = true;
      throw e;
    }
  }

  /** Closes the features array; later calls do nothing. Called by {@link #writeForeignMember} and {@link #close}. */
  public void endFeatures() {
    requireOpen();
    if (featuresOpen) {
      generator.writeEndArray();
      featuresOpen = false;
    }
  }

  /**
   * Writes a foreign member after the features array (ending it if needed), e.g. {@code "next_cursor"}.
   *
   * @param value null, a String, a Boolean or a Number (non-finite floating point numbers are rejected)
   * @throws IllegalArgumentException for the reserved names {@code type} and {@code features} or another value type
   */
  public void writeForeignMember(String name, Object value) {
    Objects.requireNonNull(name, "name");
    if (name.equals("type") || name.equals("features")) {
      throw new IllegalArgumentException("'" + name + "' is not a foreign member name");
    }
    checkScalar(value);
    endFeatures();
    generator.writeName(name);
    switch (value) {
      case null -> generator.writeNull();
      case String s -> generator.writeString(s);
      case Boolean b -> generator.writeBoolean(b);
      case BigDecimal d -> generator.writeNumber(d);
      case BigInteger i -> generator.writeNumber(i);
      case Double d -> generator.writeNumber(d.doubleValue());
      case Float f -> generator.writeNumber(f.floatValue());
      case Number n -> generator.writeNumber(n.longValue());
      default -> throw new IllegalArgumentException("Not a scalar: " + value.getClass().getName());
    }
  }

  /**
   * Writes a foreign member whose value is JSON text, such as the {@code links} array of an OGC API response. The
   * text is checked and copied as compact JSON before anything is written, so a bad value leaves no half member.
   *
   * @throws IllegalArgumentException for the reserved names {@code type} and {@code features}, or if {@code json} is
   *     not exactly one JSON value
   */
  public void writeForeignMemberJson(String name, String json) {
    Objects.requireNonNull(name, "name");
    if (name.equals("type") || name.equals("features")) {
      throw new IllegalArgumentException("'" + name + "' is not a foreign member name");
    }
    String value = checkedJson(json);
    endFeatures();
    generator.writeName(name);
    generator.writeRawValue(value);
  }

  /** Pushes buffered output to the stream, e.g. between pages of a long response. */
  public void flush() {
    generator.flush();
  }

  /** Ends the features array and the document, and flushes; the output stream stays open. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (!failed) {
      endFeatures();
      generator.writeEndObject();
    }
    closed = true;
    generator.close();
  }

  /** Writes {@code geometry} as a GeoJSON geometry object. */
  public static void writeGeometry(JsonGenerator g, Geometry geometry) {
    g.writeStartObject();
    switch (geometry) {
      case Point p -> {
        g.writeStringProperty("type", "Point");
        g.writeName("coordinates");
        if (p.isEmpty()) {
          g.writeStartArray();
          g.writeEndArray();
        } else {
          position(g, p.getCoordinateSequence(), 0);
        }
      }
      case LineString l -> {
        g.writeStringProperty("type", "LineString");
        g.writeName("coordinates");
        positions(g, l.getCoordinateSequence());
      }
      case Polygon p -> {
        g.writeStringProperty("type", "Polygon");
        g.writeName("coordinates");
        rings(g, p);
      }
      case MultiPoint mp -> {
        g.writeStringProperty("type", "MultiPoint");
        g.writeName("coordinates");
        g.writeStartArray();
        for (int i = 0; i < mp.getNumGeometries(); i++) {
          Point p = (Point) mp.getGeometryN(i);
          if (!p.isEmpty()) {
            position(g, p.getCoordinateSequence(), 0);
          }
        }
        g.writeEndArray();
      }
      case MultiLineString ml -> {
        g.writeStringProperty("type", "MultiLineString");
        g.writeName("coordinates");
        g.writeStartArray();
        for (int i = 0; i < ml.getNumGeometries(); i++) {
          positions(g, ((LineString) ml.getGeometryN(i)).getCoordinateSequence());
        }
        g.writeEndArray();
      }
      case MultiPolygon mp -> {
        g.writeStringProperty("type", "MultiPolygon");
        g.writeName("coordinates");
        g.writeStartArray();
        for (int i = 0; i < mp.getNumGeometries(); i++) {
          rings(g, (Polygon) mp.getGeometryN(i));
        }
        g.writeEndArray();
      }
      case GeometryCollection gc -> {
        g.writeStringProperty("type", "GeometryCollection");
        g.writeName("geometries");
        g.writeStartArray();
        for (int i = 0; i < gc.getNumGeometries(); i++) {
          writeGeometry(g, gc.getGeometryN(i));
        }
        g.writeEndArray();
      }
      default -> throw new IllegalArgumentException("Unsupported geometry type " + geometry.getGeometryType());
    }
    g.writeEndObject();
  }

  /** {@code geometry} as compact GeoJSON text. */
  public static String toJson(Geometry geometry) {
    Objects.requireNonNull(geometry, "geometry");
    StringWriter out = new StringWriter(128);
    try (JsonGenerator g = JsonText.WRITE_FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      writeGeometry(g, geometry);
    }
    return out.toString();
  }

  /** One Feature as compact GeoJSON text, with the same rules as {@link #writeFeature}. */
  public static String featureJson(String id, Geometry geometry, String propertiesJson) {
    String properties = checkedProperties(propertiesJson);
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = JsonText.WRITE_FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      writeFeature(g, id, geometry, properties);
    }
    return out.toString();
  }

  /**
   * One Feature as compact GeoJSON text with foreign members after its properties (e.g. OGC API {@code links}),
   * each given as JSON text.
   *
   * @throws IllegalArgumentException for a reserved member name or a value that is not exactly one JSON value
   */
  public static String featureJson(
      String id, Geometry geometry, String propertiesJson, Map<String, String> foreignMembersJson) {
    String properties = checkedProperties(propertiesJson);
    Map<String, String> members = new LinkedHashMap<>();
    foreignMembersJson.forEach((name, json) -> {
      if (RESERVED_FEATURE_MEMBERS.contains(name)) {
        throw new IllegalArgumentException("'" + name + "' is not a foreign member name");
      }
      members.put(name, checkedJson(json));
    });
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = JsonText.WRITE_FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      writeFeatureMembers(g, id, geometry, properties);
      members.forEach((name, json) -> {
        g.writeName(name);
        g.writeRawValue(json);
      });
      g.writeEndObject();
    }
    return out.toString();
  }

  private static void writeFeature(JsonGenerator g, String id, Geometry geometry, String properties) {
    writeFeatureMembers(g, id, geometry, properties);
    g.writeEndObject();
  }

  /** Opens a Feature object and writes its own members, leaving it open for foreign members. */
  private static void writeFeatureMembers(JsonGenerator g, String id, Geometry geometry, String properties) {
    g.writeStartObject();
    g.writeStringProperty("type", "Feature");
    if (id != null) {
      g.writeStringProperty("id", id);
    }
    g.writeName("geometry");
    if (geometry == null) {
      g.writeNull();
    } else {
      writeGeometry(g, geometry);
    }
    g.writeName("properties");
    g.writeRawValue(properties);
  }

  private static String checkedJson(String json) {
    String value = json == null ? null : JsonText.compactValue(json);
    if (value == null) {
      throw new IllegalArgumentException("A foreign member's JSON text must be exactly one JSON value");
    }
    return value;
  }

  /** Validated before anything of the feature is written, so a bad value cannot leave half a feature behind. */
  private static String checkedProperties(String propertiesJson) {
    if (propertiesJson == null) {
      return "{}";
    }
    if (!JsonText.isObject(propertiesJson)) {
      throw new IllegalArgumentException("propertiesJson is not a JSON object");
    }
    return propertiesJson.strip();
  }

  private static void checkScalar(Object value) {
    boolean ok = switch (value) {
      case null -> true;
      case String s -> true;
      case Boolean b -> true;
      case Double d -> Double.isFinite(d);
      case Float f -> Float.isFinite(f);
      case Number n -> n instanceof BigDecimal || n instanceof BigInteger || n instanceof Long
          || n instanceof Integer || n instanceof Short || n instanceof Byte;
      default -> false;
    };
    if (!ok) {
      throw new IllegalArgumentException("A foreign member must be null, a string, a boolean or a finite number: "
          + value);
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("The writer is closed");
    }
  }

  private static void rings(JsonGenerator g, Polygon p) {
    g.writeStartArray();
    if (!p.isEmpty()) {
      positions(g, p.getExteriorRing().getCoordinateSequence());
      for (int i = 0; i < p.getNumInteriorRing(); i++) {
        positions(g, p.getInteriorRingN(i).getCoordinateSequence());
      }
    }
    g.writeEndArray();
  }

  private static void positions(JsonGenerator g, CoordinateSequence seq) {
    g.writeStartArray();
    for (int i = 0; i < seq.size(); i++) {
      position(g, seq, i);
    }
    g.writeEndArray();
  }

  private static void position(JsonGenerator g, CoordinateSequence seq, int i) {
    double x = seq.getX(i);
    double y = seq.getY(i);
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      throw new IllegalArgumentException("Cannot write a non-finite coordinate as GeoJSON: [" + x + ", " + y + "]");
    }
    g.writeStartArray();
    g.writeNumber(x);
    g.writeNumber(y);
    g.writeEndArray();
  }
}
