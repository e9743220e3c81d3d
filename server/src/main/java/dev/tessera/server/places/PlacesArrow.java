package dev.tessera.server.places;

import com.google.flatbuffers.FlatBufferBuilder;
import dev.tessera.engine.points.Place;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.Endianness;
import org.apache.arrow.flatbuf.Field;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.FixedSizeBinary;
import org.apache.arrow.flatbuf.FloatingPoint;
import org.apache.arrow.flatbuf.Int;
import org.apache.arrow.flatbuf.KeyValue;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.apache.arrow.flatbuf.Precision;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.flatbuf.Schema;
import org.apache.arrow.flatbuf.Type;
import org.apache.arrow.flatbuf.Utf8;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The columnar binary answer: an Apache Arrow IPC stream (one schema, one record batch), read in browsers by the
 * {@code apache-arrow} npm package ({@code tableFromIPC}). Written from the Arrow format's own FlatBuffers classes
 * ({@code arrow-format}), without Arrow's Java memory library. Columns, one row per item:
 *
 * <ul>
 *   <li>{@code dataset} int8: index into the schema metadata {@code datasets} (names) and {@code layer_ids};
 *   <li>{@code id} fixed 16 bytes: a point's UUID; for a cluster its id as a big-endian int64 in the first 8 bytes
 *       (the cluster endpoints take {@code <layer id>.<that number>});
 *   <li>{@code lng}, {@code lat} float64; {@code count} int32 (1 for a point); {@code expansion_zoom} int8 (0 for a
 *       point, which tells points from clusters);
 *   <li>one utf8 column per name in {@code fields=}, or, without {@code fields}, one utf8 {@code properties} column
 *       of JSON text ("" where none).
 * </ul>
 */
final class PlacesArrow {
  private static final JsonFactory JSON = new JsonFactory();

  private PlacesArrow() {}

  static byte[] write(List<DatasetAnswer> answers, PlacesQuery query) {
    int rows = answers.stream().mapToInt(a -> a.places().size()).sum();
    List<String> textColumns = query.fields() == null ? List.of("properties") : List.copyOf(query.fields());
    Columns c = new Columns(rows, textColumns.size());
    for (int d = 0; d < answers.size(); d++) {
      DatasetAnswer answer = answers.get(d);
      for (Place place : answer.places()) {
        c.dataset.put((byte) d);
        if (place.cluster()) {
          c.id.order(ByteOrder.BIG_ENDIAN).putLong(place.clusterId()).putLong(0).order(ByteOrder.LITTLE_ENDIAN);
        } else {
          c.id.order(ByteOrder.BIG_ENDIAN).putLong(place.id().getMostSignificantBits())
              .putLong(place.id().getLeastSignificantBits()).order(ByteOrder.LITTLE_ENDIAN);
        }
        c.lng.putDouble(place.lon());
        c.lat.putDouble(place.lat());
        c.count.putInt(place.count());
        c.expansion.put((byte) (place.cluster() ? place.expansionZoom() : 0));
        String properties = place.cluster() ? null : StoredPoint.properties(place);
        for (int t = 0; t < textColumns.size(); t++) {
          c.text(t, query.fields() == null ? propertiesJson(properties) : value(properties, textColumns.get(t)));
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + rows * 48);
    message(out, schema(answers, textColumns), new byte[0]);
    byte[][] buffers = c.buffers();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    long[] offsets = new long[buffers.length];
    for (int i = 0; i < buffers.length; i++) {
      offsets[i] = body.size();
      body.writeBytes(buffers[i]);
      body.writeBytes(new byte[pad(buffers[i].length)]);
    }
    message(out, recordBatch(rows, 6 + textColumns.size(), buffers, offsets, body.size()), body.toByteArray());
    out.writeBytes(new byte[] {-1, -1, -1, -1, 0, 0, 0, 0}); // end of stream
    return out.toByteArray();
  }

  /** The columns' buffers, little-endian, in schema order; text columns grow as needed. */
  private static final class Columns {
    final ByteBuffer dataset;
    final ByteBuffer id;
    final ByteBuffer lng;
    final ByteBuffer lat;
    final ByteBuffer count;
    final ByteBuffer expansion;
    final ByteBuffer[] offsets;
    final ByteArrayOutputStream[] texts;

    Columns(int rows, int textColumns) {
      dataset = le(rows);
      id = le(rows * 16);
      lng = le(rows * 8);
      lat = le(rows * 8);
      count = le(rows * 4);
      expansion = le(rows);
      offsets = new ByteBuffer[textColumns];
      texts = new ByteArrayOutputStream[textColumns];
      for (int t = 0; t < textColumns; t++) {
        offsets[t] = le((rows + 1) * 4).putInt(0);
        texts[t] = new ByteArrayOutputStream();
      }
    }

    void text(int column, String value) {
      if (value != null) {
        texts[column].writeBytes(value.getBytes(StandardCharsets.UTF_8));
      }
      offsets[column].putInt(texts[column].size());
    }

    /** Per column: validity (empty: no nulls) then data (and offsets before data for utf8). */
    byte[][] buffers() {
      List<byte[]> all = new ArrayList<>();
      for (ByteBuffer b : List.of(dataset, id, lng, lat, count, expansion)) {
        all.add(new byte[0]);
        all.add(b.array());
      }
      for (int t = 0; t < texts.length; t++) {
        all.add(new byte[0]);
        all.add(offsets[t].array());
        all.add(texts[t].toByteArray());
      }
      return all.toArray(byte[][]::new);
    }

    private static ByteBuffer le(int bytes) {
      return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
  }

  private static byte[] schema(List<DatasetAnswer> answers, List<String> textColumns) {
    FlatBufferBuilder b = new FlatBufferBuilder(1024);
    List<Integer> fields = new ArrayList<>();
    fields.add(field(b, "dataset", Type.Int, Int.createInt(b, 8, true)));
    fields.add(field(b, "id", Type.FixedSizeBinary, FixedSizeBinary.createFixedSizeBinary(b, 16)));
    fields.add(field(b, "lng", Type.FloatingPoint, FloatingPoint.createFloatingPoint(b, Precision.DOUBLE)));
    fields.add(field(b, "lat", Type.FloatingPoint, FloatingPoint.createFloatingPoint(b, Precision.DOUBLE)));
    fields.add(field(b, "count", Type.Int, Int.createInt(b, 32, true)));
    fields.add(field(b, "expansion_zoom", Type.Int, Int.createInt(b, 8, true)));
    for (String name : textColumns) {
      Utf8.startUtf8(b);
      fields.add(field(b, name, Type.Utf8, Utf8.endUtf8(b)));
    }
    int fieldsVector = Schema.createFieldsVector(b, fields.stream().mapToInt(Integer::intValue).toArray());
    int names = keyValue(b, "datasets", jsonArray(answers.stream().map(DatasetAnswer::name).toList()));
    int ids = keyValue(b, "layer_ids", jsonArray(answers.stream().map(a -> a.layerId().toString()).toList()));
    int truncated = keyValue(b, "truncated", jsonArray(answers.stream().map(a -> String.valueOf(a.truncated())).toList()));
    int metadata = Schema.createCustomMetadataVector(b, new int[] {names, ids, truncated});
    int schema = Schema.createSchema(b, Endianness.Little, fieldsVector, metadata, 0);
    b.finish(Message.createMessage(b, MetadataVersion.V5, MessageHeader.Schema, schema, 0, 0));
    return b.sizedByteArray();
  }

  private static byte[] recordBatch(int rows, int columns, byte[][] buffers, long[] offsets, long bodyLength) {
    FlatBufferBuilder b = new FlatBufferBuilder(1024);
    RecordBatch.startNodesVector(b, columns);
    for (int i = columns - 1; i >= 0; i--) {
      FieldNode.createFieldNode(b, rows, 0);
    }
    int nodes = b.endVector();
    RecordBatch.startBuffersVector(b, buffers.length);
    for (int i = buffers.length - 1; i >= 0; i--) {
      Buffer.createBuffer(b, offsets[i], buffers[i].length);
    }
    int bufferVector = b.endVector();
    int batch = RecordBatch.createRecordBatch(b, rows, nodes, bufferVector, 0, 0);
    b.finish(Message.createMessage(b, MetadataVersion.V5, MessageHeader.RecordBatch, batch, bodyLength, 0));
    return b.sizedByteArray();
  }

  private static int field(FlatBufferBuilder b, String name, byte type, int typeOffset) {
    int nameOffset = b.createString(name);
    int children = Field.createChildrenVector(b, new int[0]);
    return Field.createField(b, nameOffset, false, type, typeOffset, 0, children, 0);
  }

  private static int keyValue(FlatBufferBuilder b, String key, String value) {
    return KeyValue.createKeyValue(b, b.createString(key), b.createString(value));
  }

  /** An encapsulated IPC message: continuation, metadata length (padded to 8), metadata, padding, body. */
  private static void message(ByteArrayOutputStream out, byte[] metadata, byte[] body) {
    int padded = metadata.length + pad(8 + metadata.length);
    ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(-1).putInt(padded);
    out.writeBytes(prefix.array());
    out.writeBytes(metadata);
    out.writeBytes(new byte[padded - metadata.length]);
    out.writeBytes(body);
  }

  private static int pad(int length) {
    return (8 - length % 8) % 8;
  }

  private static String jsonArray(List<String> values) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
      g.writeStartArray();
      for (String v : values) {
        g.writeString(v);
      }
      g.writeEndArray();
    }
    return text.toString();
  }

  private static String propertiesJson(String properties) {
    if (properties == null) {
      return "";
    }
    StringWriter text = new StringWriter(64);
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
      g.writeStartObject();
      PlacesWriter.copyProperties(g, properties, null);
      g.writeEndObject();
    }
    String json = text.toString();
    return json.equals("{}") ? "" : json;
  }

  /** One property as text: strings as they are, other values as JSON; "" when absent. */
  private static String value(String properties, String name) {
    if (properties == null) {
      return "";
    }
    StringWriter text = new StringWriter(32);
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
      g.writeStartObject();
      PlacesWriter.copyProperties(g, properties, Set.of(name));
      g.writeEndObject();
    }
    String json = text.toString();
    int colon = json.indexOf(':');
    if (colon < 0) {
      return "";
    }
    String raw = json.substring(colon + 1, json.length() - 1);
    return raw.startsWith("\"") ? tools.jackson.databind.json.JsonMapper.shared().readValue(raw, String.class) : raw;
  }
}
