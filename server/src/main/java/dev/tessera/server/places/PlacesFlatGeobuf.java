package dev.tessera.server.places;

import com.google.flatbuffers.FlatBufferBuilder;
import dev.tessera.engine.points.Place;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.wololo.flatgeobuf.ColumnMeta;
import org.wololo.flatgeobuf.Constants;
import org.wololo.flatgeobuf.GeometryConversions;
import org.wololo.flatgeobuf.HeaderMeta;
import org.wololo.flatgeobuf.generated.ColumnType;
import org.wololo.flatgeobuf.generated.Feature;
import org.wololo.flatgeobuf.generated.GeometryType;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The compact binary answer: FlatGeobuf 3 (no spatial index) written with the flatgeobuf Java library and read in
 * browsers by the {@code flatgeobuf} npm package. One Point feature per item with the columns below; points carry
 * their chosen properties as one JSON column.
 */
final class PlacesFlatGeobuf {
  private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);
  private static final JsonFactory JSON = new JsonFactory();
  private static final String[] NAMES = {"dataset", "id", "cluster", "cluster_id", "count", "expansion_zoom", "properties"};
  private static final byte[] TYPES = {
    ColumnType.String, ColumnType.String, ColumnType.Bool, ColumnType.String, ColumnType.UInt, ColumnType.UByte,
    ColumnType.Json
  };

  private PlacesFlatGeobuf() {}

  static byte[] write(List<DatasetAnswer> answers, PlacesQuery query) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
      FlatBufferBuilder builder = new FlatBufferBuilder(1024);
      HeaderMeta header = new HeaderMeta();
      header.name = "places";
      header.geometryType = (byte) GeometryType.Point;
      header.srid = 4326;
      header.indexNodeSize = 0;
      header.featuresCount = answers.stream().mapToLong(a -> a.places().size()).sum();
      header.columns = new ArrayList<>();
      for (int i = 0; i < NAMES.length; i++) {
        ColumnMeta column = new ColumnMeta();
        column.name = NAMES[i];
        column.type = TYPES[i];
        column.nullable = true;
        header.columns.add(column);
      }
      out.write(Constants.MAGIC_BYTES);
      HeaderMeta.write(header, out, builder);
      ByteBuffer properties = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
      for (DatasetAnswer answer : answers) {
        byte[] dataset = answer.name().getBytes(StandardCharsets.UTF_8);
        for (Place place : answer.places()) {
          properties.clear();
          string(properties, 0, dataset);
          if (place.cluster()) {
            properties.putShort((short) 2).put((byte) 1);
            string(properties, 3, utf8(DatasetAnswer.clusterId(answer.layerId(), place.clusterId())));
            properties.putShort((short) 4).putInt(place.count());
            properties.putShort((short) 5).put((byte) place.expansionZoom());
          } else {
            string(properties, 1, utf8(place.id().toString()));
            String json = propertiesJson(place, query);
            if (json != null) {
              properties = ensure(properties, json.length() * 3 + 16);
              string(properties, 6, utf8(json));
            }
          }
          writeFeature(out, builder, place, properties);
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeFeature(ByteArrayOutputStream out, FlatBufferBuilder builder, Place place, ByteBuffer props)
      throws IOException {
    builder.clear();
    int geometry =
        GeometryConversions.serialize(
            builder, GEOMETRY.createPoint(new Coordinate(place.lon(), place.lat())), (byte) GeometryType.Point);
    byte[] bytes = new byte[props.position()];
    props.flip();
    props.get(bytes);
    int propertiesOffset = Feature.createPropertiesVector(builder, bytes);
    int feature = Feature.createFeature(builder, geometry, propertiesOffset, 0);
    builder.finishSizePrefixed(feature);
    ByteBuffer data = builder.dataBuffer();
    out.write(data.array(), data.position(), data.remaining());
  }

  private static String propertiesJson(Place place, PlacesQuery query) {
    if (place.payload() == null || (query.fields() != null && query.fields().isEmpty())) {
      return null;
    }
    StringWriter text = new StringWriter(64);
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
      g.writeStartObject();
      PlacesWriter.copyProperties(g, StoredPoint.properties(place), query.fields());
      g.writeEndObject();
    }
    String json = text.toString();
    return json.equals("{}") ? null : json;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void string(ByteBuffer buffer, int column, byte[] value) {
    buffer.putShort((short) column).putInt(value.length).put(value);
  }

  private static ByteBuffer ensure(ByteBuffer buffer, int more) {
    if (buffer.remaining() >= more) {
      return buffer;
    }
    ByteBuffer bigger = ByteBuffer.allocate(buffer.capacity() + more * 2).order(ByteOrder.LITTLE_ENDIAN);
    buffer.flip();
    bigger.put(buffer);
    return bigger;
  }
}
