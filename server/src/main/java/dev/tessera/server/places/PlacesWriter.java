package dev.tessera.server.places;

import dev.tessera.engine.points.Place;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes answers as JSON keyed by dataset (the reference service's shape) or as one GeoJSON FeatureCollection,
 * straight into bytes ({@link JsonBytes}): point properties are copied from their stored bytes, filtered by
 * {@code fields}. Stateless; thread-safe.
 */
final class PlacesWriter {
  private static final JsonFactory JSON = new JsonFactory();
  /** Members every item has; properties of the same name are left out rather than written twice. */
  private static final Set<String> OWN = Set.of("id", "lat", "lng", "cluster", "cluster_id", "count", "dataset");
  private static final byte[][] OWN_QUOTED = JsonBytes.quotedAll(OWN);

  private PlacesWriter() {}

  static byte[] write(List<DatasetAnswer> answers, PlacesQuery query, boolean clustered) {
    return switch (query.format()) {
      case JSON -> json(answers, query, clustered);
      case GEOJSON -> geoJson(answers, query);
      case FGB -> PlacesFlatGeobuf.write(answers, query);
      case ARROW -> PlacesArrow.write(answers, query);
    };
  }

  private static int capacity(List<DatasetAnswer> answers) {
    int n = 0;
    for (DatasetAnswer answer : answers) {
      n += answer.places().size();
    }
    return 256 + 96 * n;
  }

  private static byte[] json(List<DatasetAnswer> answers, PlacesQuery query, boolean clustered) {
    JsonBytes out = new JsonBytes(capacity(answers));
    byte[][] include = include(query);
    out.raw('{');
    for (DatasetAnswer answer : answers) {
      out.string(answer.name()).ascii(":[");
      String layer = answer.layerId() + ".";
      boolean first = true;
      for (Place place : answer.places()) {
        out.ascii(first ? "{" : ",{");
        first = false;
        if (place.cluster()) {
          out.ascii("\"cluster\":true,\"cluster_id\":\"").ascii(layer).number(place.clusterId())
              .ascii("\",\"count\":").number(place.count())
              .ascii(",\"lat\":").number(place.lat()).ascii(",\"lng\":").number(place.lon())
              .ascii(",\"expansion_zoom\":").number(place.expansionZoom());
        } else {
          out.ascii("\"id\":").uuid(place.id())
              .ascii(",\"lat\":").number(place.lat()).ascii(",\"lng\":").number(place.lon());
          properties(out, place, include);
        }
        out.raw('}');
      }
      out.ascii("],");
    }
    // Slugs cannot start with '_' and ids are UUIDs, so this member never collides with a dataset.
    out.ascii("\"_meta\":{\"zoom\":").number(query.zoom() == null ? -1.0 : query.zoom())
        .ascii(",\"clustered\":").bool(clustered)
        .ascii(",\"bbox\":").string(query.describeBox())
        .ascii(",\"truncated\":");
    truncated(out, answers);
    out.ascii("}}");
    return out.toByteArray();
  }

  private static byte[] geoJson(List<DatasetAnswer> answers, PlacesQuery query) {
    JsonBytes out = new JsonBytes(capacity(answers) * 3 / 2);
    byte[][] include = include(query);
    out.ascii("{\"type\":\"FeatureCollection\",\"features\":[");
    boolean first = true;
    for (DatasetAnswer answer : answers) {
      String layer = answer.layerId() + ".";
      for (Place place : answer.places()) {
        out.ascii(first ? "{" : ",{");
        first = false;
        out.ascii("\"type\":\"Feature\",\"id\":");
        if (place.cluster()) {
          out.raw('"').ascii(layer).number(place.clusterId()).raw('"');
        } else {
          out.uuid(place.id());
        }
        out.ascii(",\"geometry\":{\"type\":\"Point\",\"coordinates\":[").number(place.lon()).raw(',')
            .number(place.lat()).ascii("]},\"properties\":{\"dataset\":").string(answer.name());
        if (place.cluster()) {
          out.ascii(",\"cluster\":true,\"cluster_id\":\"").ascii(layer).number(place.clusterId())
              .ascii("\",\"point_count\":").number(place.count())
              .ascii(",\"expansion_zoom\":").number(place.expansionZoom());
        } else {
          properties(out, place, include);
        }
        out.ascii("}}");
      }
    }
    out.ascii("],\"truncated\":");
    truncated(out, answers);
    out.raw('}');
    return out.toByteArray();
  }

  private static void truncated(JsonBytes out, List<DatasetAnswer> answers) {
    out.raw('{');
    for (int i = 0; i < answers.size(); i++) {
      out.ascii(i == 0 ? "" : ",").string(answers.get(i).name()).raw(':').bool(answers.get(i).truncated());
    }
    out.raw('}');
  }

  /** The quoted names {@code fields} asks for, or null for all. */
  private static byte[][] include(PlacesQuery query) {
    return query.fields() == null ? null : JsonBytes.quotedAll(query.fields());
  }

  private static void properties(JsonBytes out, Place place, byte[][] include) {
    if (place.payload() instanceof StoredPoint stored && (include == null || include.length > 0)) {
      out.members(stored.json(), include, OWN_QUOTED);
    }
  }

  /** Copies the members of a stored properties object that {@code fields} asks for (all when null). */
  static void copyProperties(JsonGenerator g, String propertiesJson, Set<String> fields) {
    if (propertiesJson == null || (fields != null && fields.isEmpty())) {
      return;
    }
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), propertiesJson)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return;
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        p.nextToken();
        if ((fields == null || fields.contains(name)) && !OWN.contains(name)) {
          g.writeName(name);
          g.copyCurrentStructure(p);
        } else {
          p.skipChildren();
        }
      }
    }
  }
}
