package dev.tessera.engine.vector;

import static dev.tessera.engine.vector.MvtTesting.bufferedTile;
import static dev.tessera.engine.vector.MvtTesting.decode;
import static dev.tessera.engine.vector.MvtTesting.toTileUnits;
import static dev.tessera.engine.vector.MvtTesting.wkt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.engine.tile.TileCoord;
import dev.tessera.engine.tile.WebMercator;
import dev.tessera.engine.vector.MvtTesting.Decoded;
import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import io.github.sebasbaumh.mapbox.vectortile.VectorTile.Tile.GeomType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

class VectorTileIndexTest {
  private static final TilerOptions OPTIONS = TilerOptions.defaults();
  /** Rounding (0.5) plus simplification at 1 unit of tolerance, plus slack for the Hausdorff densification. */
  private static final double TOLERANCE_UNITS = 1.6;

  private static final String POLYGON_WITH_HOLE =
      "POLYGON ((2.2 48.8, 2.5 48.8, 2.5 48.95, 2.2 48.95, 2.2 48.8), (2.3 48.85, 2.3 48.9, 2.4 48.9, 2.4 48.85, 2.3 48.85))";
  private static final String LINE = "LINESTRING (2.1 48.7, 2.35 48.86, 2.6 48.83, 2.7 49.0)";

  private static VectorTileIndex index(SourceFeature... features) {
    return VectorTileIndex.build(List.of(features), OPTIONS);
  }

  @Test
  void propertiesKeepTheirJsonTypes() {
    VectorTileIndex index = index(new SourceFeature(7, wkt("POINT (2.35 48.85)"),
        "{\"name\":\"Paris\",\"rank\":1,\"delta\":-3,\"ratio\":2.5,\"capital\":true,\"gone\":null,"
            + "\"tags\":{\"a\":[1,2]},\"list\":[\"x\"],\"huge\":123456789012345678901234,\"one\":1.0}"));
    List<Decoded> features = decode(index.tile(TileCoord.of(0, 0, 0), "places"), "places");
    assertThat(features).singleElement().satisfies(f -> {
      assertThat(f.id()).isEqualTo(7);
      assertThat(f.type()).isEqualTo(GeomType.POINT);
      assertThat(f.properties()).containsExactly(
          Map.entry("name", "string:Paris"),
          Map.entry("rank", "int:1"),
          Map.entry("delta", "sint:-3"),
          Map.entry("ratio", "double:2.5"),
          Map.entry("capital", "bool:true"),
          Map.entry("tags", "string:{\"a\":[1,2]}"),
          Map.entry("list", "string:[\"x\"]"),
          Map.entry("huge", "double:1.2345678901234569E23"),
          Map.entry("one", "double:1.0"));
    });
    assertThat(index.fields()).containsExactly(Map.entry("name", "String"), Map.entry("rank", "Number"),
        Map.entry("delta", "Number"), Map.entry("ratio", "Number"), Map.entry("capital", "Boolean"),
        Map.entry("tags", "String"), Map.entry("list", "String"), Map.entry("huge", "Number"),
        Map.entry("one", "Number"));
    assertThat(index.fieldNames()).startsWith("name", "rank").doesNotContain("gone");
  }

  @Test
  void keysAndValuesAreSharedAcrossFeaturesOfTheLayer() throws Exception {
    VectorTileIndex index = index(
        new SourceFeature(1, wkt("POINT (1 1)"), "{\"kind\":\"a\",\"n\":1}"),
        new SourceFeature(2, wkt("POINT (2 2)"), "{\"kind\":\"a\",\"n\":2}"),
        new SourceFeature(3, wkt("POINT (3 3)"), "{\"n\":1,\"kind\":\"b\"}"));
    VectorTile.Tile.Layer layer = VectorTile.Tile.parseFrom(index.tile(TileCoord.of(0, 0, 0), "l")).getLayers(0);
    assertThat(layer.getKeysList()).containsExactly("kind", "n");
    assertThat(layer.getValuesList()).hasSize(4);
    assertThat(layer.getExtent()).isEqualTo(4096);
  }

  @Test
  void polygonSquareIsWrittenAsExactCommands() throws Exception {
    // lon -90..0, lat 0..66.513 is exactly x 1024..2048, y 1024..2048 in tile 0/0/0.
    VectorTileIndex index = index(new SourceFeature(1,
        wkt("POLYGON ((-90 0, 0 0, 0 66.51326044311186, -90 66.51326044311186, -90 0))"), "{}"));
    VectorTile.Tile.Feature f = VectorTile.Tile.parseFrom(index.tile(TileCoord.of(0, 0, 0), "l")).getLayers(0)
        .getFeatures(0);
    assertThat(f.getType()).isEqualTo(GeomType.POLYGON);
    // Source is counter-clockwise on the map (y up); MVT wants it clockwise with y down: reversed.
    // MoveTo(1) 1024,2048; LineTo(3) (1024,1024) (2048,1024) (2048,2048); ClosePath.
    assertThat(f.getGeometryList()).containsExactly(9, 2048, 4096, 26, 0, 2047, 2048, 0, 0, 2048, 15);
    assertThat(f.getTagsList()).isEmpty();
  }

  @Test
  void multiPolygonIsOnePolygonFeatureWithSeveralExteriorRings() {
    VectorTileIndex index = index(new SourceFeature(5,
        wkt("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 8, 8 8, 8 2, 2 2)), ((20 0, 30 0, 30 10, 20 0)))"),
        "{}"));
    List<Decoded> features = decode(index.tile(TileCoord.of(2, 2, 1), "l"), "l");
    assertThat(features).singleElement().satisfies(f -> {
      assertThat(f.type()).isEqualTo(GeomType.POLYGON);
      assertThat(f.geometry().getNumGeometries()).isEqualTo(2);
      assertThat(((Polygon) f.geometry().getGeometryN(0)).getNumInteriorRing()).isEqualTo(1);
      assertThat(f.geometry().isValid()).isTrue();
    });
  }

  @Test
  void geometryCollectionMembersBecomeFeaturesOfEachTypeSharingTheId() {
    VectorTileIndex index = index(new SourceFeature(9,
        wkt("GEOMETRYCOLLECTION (POINT (1 1), LINESTRING (0 0, 5 5), POLYGON ((0 0, 4 0, 4 4, 0 0)), POINT (2 2))"),
        "{\"k\":\"v\"}"));
    List<Decoded> features = decode(index.tile(TileCoord.of(0, 0, 0), "l"), "l");
    assertThat(features).extracting(Decoded::type)
        .containsExactlyInAnyOrder(GeomType.POINT, GeomType.LINESTRING, GeomType.POLYGON);
    assertThat(features).allSatisfy(f -> {
      assertThat(f.id()).isEqualTo(9);
      assertThat(f.properties()).containsExactly(Map.entry("k", "string:v"));
    });
    assertThat(features).filteredOn(f -> f.type() == GeomType.POINT).singleElement()
        .satisfies(f -> assertThat(f.geometry().getNumPoints()).isEqualTo(2));
    assertThat(index.featureCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({
    // zoom, a point the tile contains
    "0, 0, 0", "5, 2.35, 48.85", "8, 2.35, 48.85", "10, 2.2, 48.8", "10, 2.6, 48.83", "12, 2.35, 48.86",
    "12, 2.5, 48.9", "14, 2.3, 48.85", "14, 2.69, 48.98", "16, 2.4, 48.9", "18, 2.2, 48.95", "18, 2.35, 48.86",
    "20, 2.35, 48.86", "22, 2.3, 48.87", "24, 2.5, 48.8"
  })
  void geometryMatchesTheSourceCutToTheBufferedTile(int z, double lon, double lat) {
    VectorTileIndex index = index(new SourceFeature(1, wkt(POLYGON_WITH_HOLE), "{}"),
        new SourceFeature(2, wkt(LINE), "{}"));
    TileCoord tile = tileAt(z, lon, lat);
    byte[] bytes = index.tile(tile, "l");
    Geometry box = bufferedTile(4096, 64);
    Geometry expectedPolygon = toTileUnits(wkt(POLYGON_WITH_HOLE), tile, 4096).intersection(box);
    Geometry expectedLine = toTileUnits(wkt(LINE), tile, 4096).intersection(box);
    List<Decoded> features = bytes == null ? List.of() : decode(bytes, "l");
    for (Decoded f : features) {
      Geometry expected = f.id() == 1 ? expectedPolygon : expectedLine;
      assertThat(DiscreteHausdorffDistance.distance(f.geometry(), expected, 0.05))
          .as("feature %d at %s", f.id(), tile).isLessThanOrEqualTo(TOLERANCE_UNITS);
      assertThat(f.geometry().isValid()).isTrue();
      assertThat(box.covers(f.geometry())).isTrue();
    }
    // Anything big enough to survive rounding is there.
    if (expectedPolygon.getArea() > 16) {
      assertThat(features).extracting(Decoded::id).contains(1L);
    }
    if (expectedLine.getLength() > 4) {
      assertThat(features).extracting(Decoded::id).contains(2L);
    }
  }

  @Test
  void tileWithNothingInItsBufferedExtentIsNull() {
    VectorTileIndex index = index(new SourceFeature(1, wkt(POLYGON_WITH_HOLE), "{}"));
    assertThat(index.tile(TileCoord.of(3, 0, 0), "l")).isNull();
    assertThat(index.tile(TileCoord.of(12, 0, 0), "l")).isNull();
    assertThat(index.tile(tileAt(14, 2.35, 48.8), "l")).isNotNull();
    // Inside the hole, beyond the buffer of its edges.
    assertThat(index.tile(tileAt(18, 2.35, 48.875), "l")).isNull();
  }

  /** The tile of zoom {@code z} containing a longitude/latitude. */
  static TileCoord tileAt(int z, double lon, double lat) {
    int n = 1 << z;
    return TileCoord.of(z, Math.min(n - 1, (int) (WebMercator.x(lon) * n)),
        Math.min(n - 1, (int) (WebMercator.y(lat) * n)));
  }

  @Test
  void tileFullyInsideAPolygonIsTheBufferedSquare() {
    VectorTileIndex index = index(new SourceFeature(1, wkt("POLYGON ((-170 -80, 170 -80, 170 80, -170 80, -170 -80))"),
        "{}"));
    List<Decoded> features = decode(index.tile(TileCoord.of(12, 2048, 2048), "l"), "l");
    assertThat(features).singleElement().satisfies(f ->
        assertThat(f.geometry().equalsTopo(bufferedTile(4096, 64))).isTrue());
  }

  @Test
  void featuresNearTheAntimeridianAppearInTheBufferOfTheOtherSide() {
    VectorTileIndex index = index(new SourceFeature(1, wkt("POINT (179.9 0)"), "{}"));
    List<Decoded> features = decode(index.tile(TileCoord.of(1, 0, 0), "l"), "l");
    assertThat(features).singleElement().satisfies(f -> assertThat(f.geometry().getCoordinate().x).isNegative());
  }

  @Test
  void describesItsContent() {
    VectorTileIndex index = index(new SourceFeature(1, wkt(POLYGON_WITH_HOLE), "{\"a\":1}"),
        new SourceFeature(2, wkt(LINE), "{\"a\":\"x\"}"));
    assertThat(index.featureCount()).isEqualTo(2);
    assertThat(index.vertexCount()).isEqualTo(14);
    assertThat(index.bounds().getMinX()).isEqualTo(2.1);
    assertThat(index.bounds().getMaxY()).isEqualTo(49.0);
    assertThat(index.fields()).containsExactly(Map.entry("a", "String"));
  }

  @Test
  void propertiesMustBeAJsonObject() {
    assertThatThrownBy(() -> new SourceFeature(1, wkt("POINT (0 0)"), "[1]"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index(new SourceFeature(1, wkt("POINT (0 0)"), "{\"a\":}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
  }
}
