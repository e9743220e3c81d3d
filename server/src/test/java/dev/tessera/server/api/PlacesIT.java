package dev.tessera.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.tessera.server.testing.NodeTools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The places viewport API end to end on the embedded store: clusters, points, edits, caching, errors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlacesIT {
  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    registry.add("tessera.data-dir", () -> tempDir().toString());
    ApiIT.common(registry);
    registry.add("tessera.limits.max-import-bytes", () -> "10485760");
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("tessera-places-it");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @LocalServerPort int port;
  ApiClient admin;

  @BeforeEach
  void clients() {
    admin = new ApiClient(port, ApiIT.ADMIN_TOKEN);
  }

  /** A vector layer with a slug holding a 20 × 20 grid of points around (10, 50) and two at the antimeridian. */
  private String pointLayer(String slug) {
    return pointLayer(slug, "{\"geometryType\": \"Point\"}");
  }

  private String pointLayer(String slug, String sourceConfig) {
    var r = admin.post("/api/layers", """
        {"name": "%s", "slug": "%s", "source_type": "vector", "source_config": %s}"""
        .formatted(slug, slug, sourceConfig));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String id = r.json().get("id").asString();
    List<String> features = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      features.add("""
          {"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},"properties":{"name":"p%d","pop":%d}}"""
          .formatted(10 + (i % 20) * 0.05, 50 + (i / 20) * 0.05, i, i));
    }
    features.add(point(179.9, -17, "east"));
    features.add(point(-179.9, -17, "west"));
    var imported =
        admin.post("/api/layers/" + id + "/import",
            "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}");
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    return id;
  }

  private static String point(double lon, double lat, String name) {
    return """
        {"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},"properties":{"name":"%s"}}"""
        .formatted(lon, lat, name);
  }

  private static int total(JsonNode items) {
    int n = 0;
    for (JsonNode item : items) {
      n += item.path("cluster").asBoolean() ? item.get("count").asInt() : 1;
    }
    return n;
  }

  @Test
  void zoomedOutTheAnswerHoldsClustersAndZoomedInThePoints() {
    pointLayer("grid-a");
    var world = admin.get("/api/v1/places?bounds=-90,-180,90,180&datasets=grid-a&zoom=2");
    assertThat(world.status()).as(world.body()).isEqualTo(200);
    JsonNode items = world.json().get("grid-a");
    assertThat(total(items)).isEqualTo(402);
    assertThat(items).anySatisfy(i -> {
      // path, not get: points (no such members) may come first, and anySatisfy only skips failed assertions.
      assertThat(i.path("cluster").asBoolean()).isTrue();
      assertThat(i.path("expansion_zoom").asInt()).isGreaterThan(2);
      assertThat(i.path("cluster_id").asString()).isNotBlank();
    });
    assertThat(world.json().at("/_meta/clustered").asBoolean()).isTrue();

    var close = admin.get("/api/v1/places?bbox=9.99,49.99,10.06,50.06&datasets=grid-a&zoom=18&fields=name");
    JsonNode points = close.json().get("grid-a");
    assertThat(points).hasSize(4);
    assertThat(points.get(0).has("id")).isTrue();
    assertThat(points.get(0).has("lat")).isTrue();
    assertThat(points.get(0).get("name").asString()).startsWith("p");
    assertThat(points.get(0).has("pop")).isFalse();
  }

  @Test
  void clustersExpandIntoChildrenAndLeaves() {
    pointLayer("grid-b");
    JsonNode items = admin.get("/api/v1/places?bbox=-180,-90,180,90&datasets=grid-b&zoom=3").json().get("grid-b");
    JsonNode cluster = null;
    for (JsonNode i : items) {
      if (i.path("cluster").asBoolean()) {
        cluster = i;
      }
    }
    assertThat(cluster).isNotNull();
    String id = cluster.get("cluster_id").asString();
    var children = admin.get("/api/v1/places/clusters/" + id + "/children");
    assertThat(children.status()).as(children.body()).isEqualTo(200);
    assertThat(total(children.json().properties().iterator().next().getValue())).isEqualTo(cluster.get("count").asInt());
    var leaves = admin.get("/api/v1/places/clusters/" + id + "/leaves?limit=7&offset=2");
    assertThat(leaves.json().properties().iterator().next().getValue()).hasSize(7);
    ApiIT.assertProblem(admin.get("/api/v1/places/clusters/nonsense/children"), 404, "not_found");
  }

  @Test
  void anInsertedPointIsInTheNextAnswerAndChangesTheEtag() {
    String id = pointLayer("grid-c");
    String url = "/api/v1/places?bbox=30,30,31,31&datasets=grid-c&zoom=5";
    var before = admin.get(url);
    assertThat(before.json().get("grid-c")).isEmpty();
    String etag = before.header("ETag");
    assertThat(admin.get(url, "If-None-Match", etag).status()).isEqualTo(304);

    double builds = indexBuilds();
    var created = admin.post("/api/layers/" + id + "/features", point(30.5, 30.5, "new"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    var after = admin.get(url, "If-None-Match", etag);
    assertThat(after.status()).isEqualTo(200);
    assertThat(after.json().get("grid-c")).singleElement()
        .satisfies(p -> assertThat(p.get("name").asString()).isEqualTo("new"));
    assertThat(indexBuilds()).as("the edit reached the index without a rebuild").isEqualTo(builds);

    String featureId = created.json().get("id").asString();
    assertThat(admin.delete("/api/layers/" + id + "/features/" + featureId).status()).isEqualTo(204);
    assertThat(admin.get(url).json().get("grid-c")).isEmpty();
  }

  @Test
  void boundsAcrossTheAntimeridianFindBothSides() {
    String id = pointLayer("grid-d");
    var r = admin.get("/api/v1/places?bounds=-20,179,-10,-179&datasets=" + id + "&zoom=18");
    assertThat(r.json().get(id)).extracting(p -> p.get("name").asString()).containsExactlyInAnyOrder("east", "west");
  }

  @Test
  void limitTruncatesAndSaysSo() {
    pointLayer("grid-e");
    var r = admin.get("/api/v1/places?bbox=9,49,12,52&datasets=grid-e&zoom=18&limit=10");
    assertThat(r.json().get("grid-e")).hasSize(10);
    assertThat(r.json().at("/_meta/truncated/grid-e").asBoolean()).isTrue();
  }

  @Test
  void geoJsonAndFlatGeobufAnswerTheSamePoints() {
    pointLayer("grid-f");
    var geo = admin.get("/api/v1/places?bbox=9,49,12,52&datasets=grid-f&zoom=18&format=geojson");
    assertThat(geo.header("Content-Type")).startsWith("application/geo+json");
    assertThat(geo.json().get("features")).hasSize(400);
    var fgb = bytes("/api/v1/places?bbox=9,49,12,52&datasets=grid-f&zoom=18&format=fgb");
    assertThat(fgb.statusCode()).isEqualTo(200);
    assertThat(fgb.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/flatgeobuf");
    var decoded = NodeTools.run("decode-fgb.mjs", fgb.body());
    assertThat(decoded.exitCode()).as(decoded.output()).isZero();
    JsonNode features = ApiClient.JSON.readTree(decoded.output()).get("features");
    assertThat(features).hasSize(400);
    JsonNode first = features.get(0);
    assertThat(first.at("/properties/dataset").asString()).isEqualTo("grid-f");
    assertThat(first.at("/properties/id").asString()).isEqualTo(geo.json().at("/features/0/id").asString());
    assertThat(first.at("/geometry/coordinates/0").asDouble())
        .isEqualTo(geo.json().at("/features/0/geometry/coordinates/0").asDouble());

    var clusters = bytes("/api/v1/places?bbox=-180,-90,180,90&datasets=grid-f&zoom=1&format=fgb");
    JsonNode clustered = ApiClient.JSON.readTree(NodeTools.run("decode-fgb.mjs", clusters.body()).output());
    int total = 0;
    for (JsonNode f : clustered.get("features")) {
      total += f.at("/properties/cluster").asBoolean() ? f.at("/properties/count").asInt() : 1;
    }
    assertThat(total).isEqualTo(402);
  }

  @Test
  void arrowAnswersDecodeWithTheApacheArrowPackage() {
    String layerId = pointLayer("grid-k");
    var geo = admin.get("/api/v1/places?bbox=9,49,12,52&datasets=grid-k&zoom=18&format=geojson&fields=name");
    var arrow = bytes("/api/v1/places?bbox=9,49,12,52&datasets=grid-k&zoom=18&format=arrow&fields=name");
    assertThat(arrow.statusCode()).isEqualTo(200);
    assertThat(arrow.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.apache.arrow.stream");
    var decoded = NodeTools.run("decode-arrow.mjs", arrow.body());
    assertThat(decoded.exitCode()).as(decoded.output()).isZero();
    JsonNode table = ApiClient.JSON.readTree(decoded.output());
    assertThat(table.at("/metadata/datasets").asString()).isEqualTo("[\"grid-k\"]");
    assertThat(table.at("/metadata/layer_ids").asString()).contains(layerId);
    JsonNode rows = table.get("rows");
    assertThat(rows).hasSize(400);
    JsonNode first = rows.get(0);
    JsonNode expected = geo.json().at("/features/0");
    assertThat(first.get("id").asString()).isEqualTo(expected.get("id").asString().replace("-", ""));
    assertThat(first.get("lng").asDouble()).isEqualTo(expected.at("/geometry/coordinates/0").asDouble());
    assertThat(first.get("name").asString()).isEqualTo(expected.at("/properties/name").asString());
    assertThat(first.get("count").asInt()).isEqualTo(1);
    assertThat(first.get("expansion_zoom").asInt()).isZero();

    var clusters = bytes("/api/v1/places?bbox=-180,-90,180,90&datasets=grid-k&zoom=1&format=arrow");
    JsonNode clustered = ApiClient.JSON.readTree(NodeTools.run("decode-arrow.mjs", clusters.body()).output()).get("rows");
    int total = 0;
    String clusterId = null;
    for (JsonNode row : clustered) {
      total += row.get("count").asInt();
      if (row.get("expansion_zoom").asInt() > 0) {
        clusterId = layerId + "." + Long.parseUnsignedLong(row.get("id").asString().substring(0, 16), 16);
      }
    }
    assertThat(total).isEqualTo(402);
    assertThat(admin.get("/api/v1/places/clusters/" + clusterId + "/children").status()).isEqualTo(200);
  }

  @Test
  void aPointLayersVectorTilesHoldTheClustersUpToTheClusterZoom() {
    String id = pointLayer("grid-j");
    var low = bytes("/api/layers/" + id + "/tiles/2/2/1.mvt");
    assertThat(low.statusCode()).isEqualTo(200);
    JsonNode layer = ApiClient.JSON.readTree(NodeTools.run("decode-mvt.mjs", low.body()).output()).at("/layers/grid-j");
    int total = 0;
    for (JsonNode f : layer.get("features")) {
      total += f.at("/properties/cluster").asBoolean() ? f.at("/properties/point_count").asInt() : 1;
    }
    assertThat(total).isEqualTo(400);
    assertThat(layer.get("features")).anySatisfy(f -> assertThat(f.at("/properties/expansion_zoom").asInt()).isGreaterThan(2));

    var high = bytes("/api/layers/" + id + "/tiles/17/69176/44452.mvt");
    JsonNode points = ApiClient.JSON.readTree(NodeTools.run("decode-mvt.mjs", high.body()).output()).at("/layers/grid-j");
    assertThat(points.get("features")).isNotEmpty().allSatisfy(f -> assertThat(f.at("/properties/cluster").isMissingNode()).isTrue());
  }

  @Test
  void aLayerDeclaringNoGeometryTypeIsClusteredWhileItHoldsOnlyPoints() {
    String id = pointLayer("grid-n", "{}");
    assertThat(admin.get("/api/layers/" + id).json().at("/source_config/pointsOnly").asBoolean()).isTrue();
    assertThat(lowZoomFeatures(id, "grid-n")).anySatisfy(f -> assertThat(f.at("/properties/cluster").asBoolean()).isTrue());

    var polygon = admin.post("/api/layers/" + id + "/features", """
        {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[11,51],[12,51],[12,52],[11,52],[11,51]]]},"properties":{}}""");
    assertThat(polygon.status()).as(polygon.body()).isEqualTo(201);
    assertThat(admin.get("/api/layers/" + id).json().at("/source_config/pointsOnly").asBoolean()).isFalse();
    JsonNode mixed = lowZoomFeatures(id, "grid-n");
    assertThat(mixed).hasSize(401).allSatisfy(f -> assertThat(f.at("/properties/cluster").isMissingNode()).isTrue());

    admin.delete("/api/layers/" + id + "/features/" + polygon.json().get("id").asString());
    assertThat(lowZoomFeatures(id, "grid-n")).anySatisfy(f -> assertThat(f.at("/properties/cluster").asBoolean()).isTrue());

    var optOut = admin.put("/api/layers/" + id, "{\"source_config\": {\"cluster\": false}}");
    assertThat(optOut.status()).as(optOut.body()).isEqualTo(200);
    assertThat(lowZoomFeatures(id, "grid-n")).hasSize(400)
        .allSatisfy(f -> assertThat(f.at("/properties/cluster").isMissingNode()).isTrue());
  }

  @Test
  void anImportIntoAPointLayerBuildsItsIndexBeforeAnyoneAsks() {
    double warmed = indexBuilds("write");
    String id = pointLayer("grid-w");
    double built = dev.tessera.server.testing.Eventually.until(
        java.time.Duration.ofSeconds(30), () -> indexBuilds("write"), n -> n > warmed);
    assertThat(built).as("built in the background after the import").isGreaterThan(warmed);
    double requested = indexBuilds();
    assertThat(bytes("/api/layers/" + id + "/tiles/2/2/1.mvt").statusCode()).isEqualTo(200);
    assertThat(indexBuilds()).as("the first tile found the index ready").isEqualTo(requested);
  }

  /** The features of tile 2/2/1 (around the grid) of the layer, decoded. */
  private JsonNode lowZoomFeatures(String id, String name) {
    var tile = bytes("/api/layers/" + id + "/tiles/2/2/1.mvt");
    assertThat(tile.statusCode()).isEqualTo(200);
    return ApiClient.JSON.readTree(NodeTools.run("decode-mvt.mjs", tile.body()).output()).at("/layers/" + name + "/features");
  }

  @Test
  void aPointKeepsItsStoreFidAsMvtIdInClusteredAndOrdinaryTilesAlsoWhenInsertedLive() {
    String id = pointLayer("grid-m");
    // The index exists before the insert, so the new point reaches it through the live overlay, not a rebuild.
    assertThat(mvtIdsByName(id, 16, 10.249, 50.25)).containsOnlyKeys("p105");
    var created = admin.post("/api/layers/" + id + "/features", point(10.2485, 50.25, "new"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    // 10.25, 50.25 is grid point p105; "new" lies 140 px west of it at z16, too far to join it in a cluster.
    java.util.Map<String, Long> clustered = mvtIdsByName(id, 16, 10.249, 50.25);
    java.util.Map<String, Long> ordinary = mvtIdsByName(id, 17, 10.249, 50.25);
    assertThat(clustered).containsOnlyKeys("new", "p105");
    assertThat(clustered.get("new")).isPositive();
    assertThat(clustered).isEqualTo(ordinary);
  }

  /** Point names and MVT ids in the layer's tile at zoom z holding (lon, lat). */
  private java.util.Map<String, Long> mvtIdsByName(String layerId, int z, double lon, double lat) {
    int x = (int) Math.floor((lon + 180) / 360 * (1 << z));
    double rad = Math.toRadians(lat);
    int y = (int) Math.floor((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * (1 << z));
    var tile = bytes("/api/layers/" + layerId + "/tiles/" + z + "/" + x + "/" + y + ".mvt");
    assertThat(tile.statusCode()).isEqualTo(200);
    java.util.Map<String, Long> ids = new java.util.TreeMap<>();
    JsonNode layer = ApiClient.JSON.readTree(NodeTools.run("decode-mvt.mjs", tile.body()).output()).at("/layers/grid-m");
    for (JsonNode f : layer.get("features")) {
      assertThat(f.at("/properties/cluster").isMissingNode()).isTrue();
      ids.put(f.at("/properties/name").asString(), f.get("id").asLong());
    }
    return ids;
  }

  /** How many point indexes this server has built from the store so far for requests. */
  private double indexBuilds() {
    return indexBuilds("request");
  }

  /** How many point indexes this server has built, for requests or (trigger "write") after imports. */
  private double indexBuilds(String trigger) {
    for (String line : admin.get("/metrics").body().split("\n")) {
      if (line.startsWith("places_index_build_seconds_count") && line.contains("trigger=\"" + trigger + "\"")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new AssertionError("no places_index_build_seconds_count{trigger=" + trigger + "} in /metrics");
  }

  private java.net.http.HttpResponse<byte[]> bytes(String path) {
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(admin.request(path).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void badParametersAnswer400NamingThemAndUnknownDatasets404() {
    pointLayer("grid-g");
    assertParameter(admin.get("/api/v1/places?datasets=grid-g&zoom=2"), "bbox");
    assertParameter(admin.get("/api/v1/places?bbox=1,2,3&datasets=grid-g"), "bbox");
    assertParameter(admin.get("/api/v1/places?bounds=10,0,5,1&datasets=grid-g"), "bounds");
    assertParameter(admin.get("/api/v1/places?bbox=0,0,1,1&datasets=grid-g&zoom=x"), "zoom");
    assertParameter(admin.get("/api/v1/places?bbox=0,0,1,1&datasets=grid-g&limit=0"), "limit");
    assertParameter(admin.get("/api/v1/places?bbox=0,0,1,1&datasets=grid-g&format=xml"), "format");
    assertParameter(admin.get("/api/v1/places?bbox=0,0,1,1"), "datasets");
    var unknown = admin.get("/api/v1/places?bbox=0,0,1,1&datasets=grid-g,nope");
    ApiIT.assertProblem(unknown, 404, "dataset_not_found");
    assertThat(unknown.json().get("dataset").asString()).isEqualTo("nope");
  }

  @Test
  void aPrivateDatasetIsUnknownToOthers() {
    pointLayer("grid-h");
    var anonymous = new ApiClient(port, null);
    ApiIT.assertProblem(anonymous.get("/api/v1/places?bbox=0,0,1,1&datasets=grid-h"), 404, "dataset_not_found");
  }

  @Test
  void slugsAreValidatedAndUnique() {
    pointLayer("grid-i");
    var taken = admin.post("/api/layers", """
        {"name": "x", "slug": "grid-i", "source_type": "vector", "source_config": {}}""");
    ApiIT.assertProblem(taken, 409, "slug_taken");
    var invalid = admin.post("/api/layers", """
        {"name": "x", "slug": "_Bad", "source_type": "vector", "source_config": {}}""");
    ApiIT.assertProblem(invalid, 400, "invalid_field");
  }

  private static void assertParameter(ApiClient.Response r, String parameter) {
    ApiIT.assertProblem(r, 400, "invalid_parameter");
    assertThat(r.json().get("parameter").asString()).isEqualTo(parameter);
  }
}
