package dev.tessera.server.places;

import dev.tessera.engine.points.Place;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes answers as JSON keyed by dataset (the reference service's shape) or as one GeoJSON FeatureCollection.
 * Point properties are copied from their stored JSON text, filtered by {@code fields}. Stateless; thread-safe.
 */
final class PlacesWriter {
  private static final JsonFactory JSON = new JsonFactory();
  /** Members every item has; properties of the same name are left out rather than written twice. */
  private static final Set<String> OWN = Set.of("id", "lat", "lng", "cluster", "cluster_id", "count", "dataset");

  private PlacesWriter() {}

  static byte[] write(List<DatasetAnswer> answers, PlacesQuery query, boolean clustered) {
    return switch (query.format()) {
      case JSON -> json(answers, query, clustered);
      case GEOJSON -> geoJson(answers, query);
      case FGB -> PlacesFlatGeobuf.write(answers, query);
      case ARROW -> PlacesArrow.write(answers, query);
    };
  }

  private static byte[] json(List<DatasetAnswer> answers, PlacesQuery query, boolean clustered) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      for (DatasetAnswer answer : answers) {
        g.writeArrayPropertyStart(answer.name());
        for (Place place : answer.places()) {
          g.writeStartObject();
          if (place.cluster()) {
            g.writeBooleanProperty("cluster", true);
            g.writeStringProperty("cluster_id", DatasetAnswer.clusterId(answer.layerId(), place.clusterId()));
            g.writeNumberProperty("count", place.count());
            g.writeNumberProperty("lat", place.lat());
            g.writeNumberProperty("lng", place.lon());
            g.writeNumberProperty("expansion_zoom", place.expansionZoom());
          } else {
            g.writeStringProperty("id", place.id().toString());
            g.writeNumberProperty("lat", place.lat());
            g.writeNumberProperty("lng", place.lon());
            copyProperties(g, (String) place.payload(), query.fields());
          }
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      // Slugs cannot start with '_' and ids are UUIDs, so this member never collides with a dataset.
      g.writeObjectPropertyStart("_meta");
      g.writeNumberProperty("zoom", query.zoom() == null ? -1 : query.zoom());
      g.writeBooleanProperty("clustered", clustered);
      g.writeStringProperty("bbox", query.describeBox());
      g.writeObjectPropertyStart("truncated");
      for (DatasetAnswer answer : answers) {
        g.writeBooleanProperty(answer.name(), answer.truncated());
      }
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  private static byte[] geoJson(List<DatasetAnswer> answers, PlacesQuery query) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      g.writeStringProperty("type", "FeatureCollection");
      g.writeArrayPropertyStart("features");
      for (DatasetAnswer answer : answers) {
        for (Place place : answer.places()) {
          g.writeStartObject();
          g.writeStringProperty("type", "Feature");
          g.writeStringProperty(
              "id",
              place.cluster() ? DatasetAnswer.clusterId(answer.layerId(), place.clusterId()) : place.id().toString());
          g.writeObjectPropertyStart("geometry");
          g.writeStringProperty("type", "Point");
          g.writeArrayPropertyStart("coordinates");
          g.writeNumber(place.lon());
          g.writeNumber(place.lat());
          g.writeEndArray();
          g.writeEndObject();
          g.writeObjectPropertyStart("properties");
          g.writeStringProperty("dataset", answer.name());
          if (place.cluster()) {
            g.writeBooleanProperty("cluster", true);
            g.writeStringProperty("cluster_id", DatasetAnswer.clusterId(answer.layerId(), place.clusterId()));
            g.writeNumberProperty("point_count", place.count());
            g.writeNumberProperty("expansion_zoom", place.expansionZoom());
          } else {
            copyProperties(g, (String) place.payload(), query.fields());
          }
          g.writeEndObject();
          g.writeEndObject();
        }
      }
      g.writeEndArray();
      g.writeObjectPropertyStart("truncated");
      for (DatasetAnswer answer : answers) {
        g.writeBooleanProperty(answer.name(), answer.truncated());
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    return out.toByteArray();
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
