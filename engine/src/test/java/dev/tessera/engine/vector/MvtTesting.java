package dev.tessera.engine.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.engine.tile.TileCoord;
import dev.tessera.engine.tile.WebMercator;
import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;

/**
 * Decodes tiles with an independent MVT reader (sebasbaumh/mapbox-vector-tile-java: its generated protobuf classes
 * and its JTS geometry decoder), so the engine's encoder is checked against another reading of the spec.
 */
final class MvtTesting {
  static final GeometryFactory FACTORY = new GeometryFactory();

  private MvtTesting() {}

  /** A decoded feature: geometry in tile units (y down), properties as {@code type:value} strings by key. */
  record Decoded(long id, VectorTile.Tile.GeomType type, Geometry geometry, Map<String, String> properties) {}

  static List<Decoded> decode(byte[] bytes, String layerName) {
    try {
      VectorTile.Tile tile = VectorTile.Tile.parseFrom(bytes);
      assertThat(tile.getLayersList()).hasSize(1);
      VectorTile.Tile.Layer layer = tile.getLayers(0);
      assertThat(layer.getName()).isEqualTo(layerName);
      assertThat(layer.getVersion()).isEqualTo(2);
      // Keys and values are deduplicated per layer, as the spec requires.
      assertThat(layer.getKeysList()).doesNotHaveDuplicates();
      assertThat(layer.getValuesList()).doesNotHaveDuplicates();
      JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(bytes), FACTORY,
          (id, tags, keys, values) -> new Object[] {id, properties(tags, keys, values)},
          MvtReader.RING_CLASSIFIER_V2_1);
      JtsLayer jts = mvt.getLayer(layerName);
      List<Geometry> geometries = new ArrayList<>(jts.getGeometries());
      assertThat(geometries).as("features decoded with a geometry").hasSize(layer.getFeaturesCount());
      List<Decoded> out = new ArrayList<>();
      for (int i = 0; i < geometries.size(); i++) {
        Geometry g = geometries.get(i);
        Object[] data = (Object[]) g.getUserData();
        g.setUserData(null);
        @SuppressWarnings("unchecked")
        Map<String, String> props = (Map<String, String>) data[1];
        out.add(new Decoded((Long) data[0], layer.getFeatures(i).getType(), g, props));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> properties(List<Integer> tags, List<String> keys,
      List<VectorTile.Tile.Value> values) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < tags.size(); i += 2) {
      out.put(keys.get(tags.get(i)), typed(values.get(tags.get(i + 1))));
    }
    return out;
  }

  static String typed(VectorTile.Tile.Value v) {
    if (v.hasStringValue()) {
      return "string:" + v.getStringValue();
    } else if (v.hasIntValue()) {
      return "int:" + v.getIntValue();
    } else if (v.hasSintValue()) {
      return "sint:" + v.getSintValue();
    } else if (v.hasUintValue()) {
      return "uint:" + v.getUintValue();
    } else if (v.hasDoubleValue()) {
      return "double:" + v.getDoubleValue();
    } else if (v.hasFloatValue()) {
      return "float:" + v.getFloatValue();
    } else if (v.hasBoolValue()) {
      return "bool:" + v.getBoolValue();
    }
    return "none";
  }

  /** A canonical, readable dump of a tile: layer, then features by id with WKT in tile units and typed properties. */
  static String dump(byte[] bytes, String layerName) throws IOException {
    VectorTile.Tile.Layer layer = VectorTile.Tile.parseFrom(bytes).getLayers(0);
    List<Decoded> features = new ArrayList<>(decode(bytes, layerName));
    features.sort((a, b) -> a.id() != b.id() ? Long.compareUnsigned(a.id(), b.id()) : a.type().compareTo(b.type()));
    StringBuilder sb = new StringBuilder();
    sb.append("layer ").append(layer.getName()).append(" version=").append(layer.getVersion()).append(" extent=")
        .append(layer.getExtent()).append(" features=").append(features.size()).append('\n');
    WKTWriter wkt = new WKTWriter();
    for (Decoded f : features) {
      sb.append("feature id=").append(Long.toUnsignedString(f.id())).append(' ').append(f.type()).append('\n');
      f.properties().forEach((k, v) -> sb.append("  ").append(k).append(" = ").append(v).append('\n'));
      sb.append("  ").append(wkt.write(f.geometry())).append('\n');
    }
    return sb.toString();
  }

  /** {@code lonLat} in tile units of {@code tile} (y down), like the engine's transform but without rounding. */
  static Geometry toTileUnits(Geometry lonLat, TileCoord tile, int extent) {
    Geometry g = lonLat.copy();
    double scale = (double) (1L << tile.z()) * extent;
    g.apply(new CoordinateSequenceFilter() {
      @Override
      public void filter(CoordinateSequence seq, int i) {
        seq.setOrdinate(i, 0, WebMercator.x(seq.getX(i)) * scale - (double) tile.x() * extent);
        seq.setOrdinate(i, 1, WebMercator.y(seq.getY(i)) * scale - (double) tile.y() * extent);
      }

      @Override
      public boolean isDone() {
        return false;
      }

      @Override
      public boolean isGeometryChanged() {
        return true;
      }
    });
    return g;
  }

  /** The buffered tile in tile units. */
  static Geometry bufferedTile(int extent, int buffer) {
    return FACTORY.toGeometry(new Envelope(-buffer, extent + buffer, -buffer, extent + buffer));
  }

  static Geometry wkt(String text) {
    try {
      return new WKTReader(FACTORY).read(text);
    } catch (org.locationtech.jts.io.ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static String round(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }

  static Coordinate c(double x, double y) {
    return new Coordinate(x, y);
  }
}
