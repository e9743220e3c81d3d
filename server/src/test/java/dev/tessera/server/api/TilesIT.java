package dev.tessera.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.server.testing.NodeTools;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Vector tiles, TileJSON and map styles over HTTP, checked with Mapbox's decoder and MapLibre's validator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TilesIT {
  static final String ADMIN_TOKEN = "tsr_tiles-test-admin-token-000";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("tessera-tiles-it");
    registry.add("tessera.data-dir", dir::toString);
    registry.add("tessera.admin.token", () -> ADMIN_TOKEN);
  }

  @LocalServerPort int port;
  ApiClient admin;

  @BeforeEach
  void client() {
    admin = new ApiClient(port, ADMIN_TOKEN);
  }

  String layerWith(String features) {
    var layer = admin.post("/api/layers", """
        {"name":"places","source_type":"vector","source_config":{},
         "style_config":{"stroke":"#14b8a6","strokeWidth":2,"fill":"#14b8a620","fillOpacity":0.3,"pointSize":6}}""");
    String id = layer.json().get("id").asString();
    assertThat(admin.post("/api/layers/" + id + "/features", features).status()).isEqualTo(201);
    return id;
  }

  static final String FEATURES = """
      {"type":"FeatureCollection","features":[
       {"type":"Feature","geometry":{"type":"Point","coordinates":[4.5,53.5]},"properties":{"name":"a","n":7,"x":1.5,"ok":true,"tags":["t"]}},
       {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[2.5,54.5],[3.5,54.5],[3.5,55.5],[2.5,55.5],[2.5,54.5]]]},"properties":{"name":"Dogger Bank"}}]}""";

  /**
   * {@code n} points with a name each, all in tile 5/16/10, and a polygon far from them: the polygon makes the layer
   * mixed, so its tiles carry every point instead of the clusters of a points-only layer.
   */
  static String unclusteredPoints(int n) {
    var features = new java.util.StringJoiner(",", "{\"type\":\"FeatureCollection\",\"features\":[", "]}");
    features.add("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
        + "[[[100,-40],[101,-40],[101,-39],[100,-39],[100,-40]]]},\"properties\":{}}");
    for (int i = 0; i < n; i++) {
      features.add("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + (2.5 + i * 0.01)
          + ",54.0]},\"properties\":{\"name\":\"place " + i + "\"}}");
    }
    return features.toString();
  }

  HttpResponse<byte[]> tile(String layer, String zxy, String... headers) {
    var builder = admin.request("/api/layers/" + layer + "/tiles/" + zxy, headers).GET();
    try {
      return java.net.http.HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aVectorTileDecodesWithTheReferenceDecoderKeepingIdsAndTypedProperties() {
    String layer = layerWith(FEATURES);
    var response = tile(layer, "5/16/10.mvt");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/vnd.mapbox-vector-tile");
    assertThat(response.headers().firstValue("ETag")).isPresent();
    JsonNode decoded = ApiClient.JSON.readTree(NodeTools.run("decode-mvt.mjs", response.body()).output());
    JsonNode features = decoded.at("/layers/places/features");
    assertThat(decoded.at("/layers/places/extent").asInt()).isEqualTo(4096);
    assertThat(features).hasSize(2);
    JsonNode point = features.get(0).get("type").asString().equals("Point") ? features.get(0) : features.get(1);
    assertThat(point.at("/properties/n").isIntegralNumber()).isTrue();
    assertThat(point.at("/properties/n").asInt()).isEqualTo(7);
    assertThat(point.at("/properties/x").asDouble()).isEqualTo(1.5);
    assertThat(point.at("/properties/ok").asBoolean()).isTrue();
    assertThat(point.at("/properties/tags").asString()).isEqualTo("[\"t\"]");
    assertThat(point.get("id").asLong()).isPositive();
  }

  @Test
  void gzipEtagsEmptyTilesAndBadCoordinatesBehaveAsHttpExpects() throws Exception {
    String layer = layerWith(unclusteredPoints(200));
    var gzip = tile(layer, "5/16/10.pbf", "Accept-Encoding", "gzip");
    assertThat(gzip.headers().firstValue("Content-Encoding")).contains("gzip");
    var plain = tile(layer, "5/16/10.pbf");
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(ArchivesIT.gunzip(gzip.body())).isEqualTo(plain.body());
    assertThat(plain.body().length).isGreaterThan(1024);
    // a tile under 1 KB is sent as it is: gzip would not shorten its transfer
    var small = tile(layerWith(FEATURES), "5/16/10.pbf", "Accept-Encoding", "gzip");
    assertThat(small.statusCode()).isEqualTo(200);
    assertThat(small.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(small.headers().firstValue("Vary").orElse("")).contains("Accept-Encoding");
    assertThat(small.body().length).isLessThan(1024);
    String etag = gzip.headers().firstValue("ETag").orElseThrow();
    assertThat(tile(layer, "5/16/10.mvt", "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(tile(layer, "5/0/0.mvt").statusCode()).isEqualTo(204);
    assertThat(tile(layer, "23/0/0.mvt").statusCode()).isEqualTo(400);
    assertThat(tile(layer, "3/8/0.mvt").statusCode()).isEqualTo(400);
    assertThat(tile(layer, "3/x/0.mvt").statusCode()).isEqualTo(400);
    assertThat(tile(layer, "3/1/1.png").statusCode()).isEqualTo(400);

    var versioned = tile(layer, "5/16/10.mvt?v=" + admin.get("/api/layers/" + layer).json().get("version").asLong());
    assertThat(versioned.headers().firstValue("Cache-Control").orElse("")).contains("max-age");
  }

  /**
   * Plain tile requests are answered by TileFilter ahead of Spring Security and MVC, rendered (a miss) or from the
   * cache (a hit): both must answer exactly as the regular path does (body and headers, CORS included), and check
   * permissions all the same. A query parameter other than {@code v} (ignored by vector layers) sends a request down
   * the regular path.
   */
  @Test
  void theFastPathAnswersAsTheRegularPathAndIsStillPermissionChecked() {
    String layer = layerWith(FEATURES); // the admin's own layer, on no map: nobody else may see it
    String twin = layerWith(FEATURES);
    String[] asked = {"Accept-Encoding", "gzip", "Origin", "https://maps.example.org"};
    var rendered = tile(layer, "5/16/10.mvt", asked);
    var regular = tile(twin, "5/16/10.mvt?path=regular", asked);
    var cached = tile(layer, "5/16/10.mvt", asked);
    assertThat(regular.statusCode()).isEqualTo(200);
    assertThat(rendered.statusCode()).isEqualTo(200);
    assertThat(cached.statusCode()).isEqualTo(200);
    assertThat(cached.body()).isEqualTo(rendered.body());
    // the twin's features have other store ids (fids); everything else is the same
    assertThat(withoutIds(NodeTools.run("decode-mvt.mjs", rendered.body()).output()))
        .isEqualTo(withoutIds(NodeTools.run("decode-mvt.mjs", regular.body()).output()));
    assertThat(headers(rendered)).isEqualTo(headers(regular));
    assertThat(headers(cached)).isEqualTo(headers(regular));
    var plain = tile(layer, "5/16/10.mvt");
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(NodeTools.run("decode-mvt.mjs", plain.body()).output()).contains("Dogger Bank");
    String etag = cached.headers().firstValue("ETag").orElseThrow();
    assertThat(tile(layer, "5/16/10.mvt", "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(tile(layer, "5/0/0.mvt").statusCode()).isEqualTo(204);
    assertThat(tile(layer, "5/0/0.mvt").statusCode()).isEqualTo(204);

    var anonymous = java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://localhost:" + port + "/api/layers/" + layer + "/tiles/5/16/10.mvt")).GET();
    assertThat(send(anonymous).statusCode()).isEqualTo(404);
    assertThat(send(anonymous.copy().header("Authorization", "Bearer tsr_not-a-token")).statusCode()).isEqualTo(401);
    var stranger = admin.post("/api/users", """
        {"email":"stranger@tiles.test","name":"S","password":"password-123"}""");
    assertThat(stranger.status()).isEqualTo(201);
    String token = admin.as(null).post("/api/auth/login", """
        {"email":"stranger@tiles.test","password":"password-123"}""").json().get("token").asString();
    assertThat(send(anonymous.copy().header("Authorization", "Bearer " + token)).statusCode()).isEqualTo(404);
  }

  static String withoutIds(String decodedTile) {
    return decodedTile.replaceAll("\"id\":\\d+", "\"id\":0");
  }

  static java.util.Map<String, java.util.List<String>> headers(HttpResponse<?> response) {
    var headers = new java.util.TreeMap<String, java.util.List<String>>(response.headers().map());
    // Content-Disposition "inline;filename=f.txt" is Spring MVC's reflected-download guard for byte[] bodies, which
    // the fast path does not need: a tile is never rendered as a page
    headers.keySet().removeAll(
        java.util.List.of("date", "content-length", "keep-alive", "connection", "content-disposition"));
    return headers;
  }

  static HttpResponse<byte[]> send(java.net.http.HttpRequest.Builder builder) {
    try {
      return java.net.http.HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anEditIsVisibleInTheNextTileRequest() {
    String layer = layerWith(FEATURES);
    var before = tile(layer, "5/16/10.mvt");
    admin.post("/api/layers/" + layer + "/features", """
        {"type":"Feature","geometry":{"type":"Point","coordinates":[4.6,53.6]},"properties":{"name":"new"}}""");
    var after = tile(layer, "5/16/10.mvt");
    assertThat(after.headers().firstValue("ETag")).isNotEqualTo(before.headers().firstValue("ETag"));
    JsonNode decoded = ApiClient.JSON.readTree(NodeTools.run("decode-mvt.mjs", after.body()).output());
    assertThat(decoded.at("/layers/places/features")).hasSize(3);
  }

  @Test
  void tileJsonDescribesTheLayer() {
    String layer = layerWith(FEATURES);
    JsonNode tj = admin.get("/api/layers/" + layer + "/tilejson.json").json();
    assertThat(tj.get("tilejson").asString()).isEqualTo("3.0.0");
    assertThat(tj.at("/tiles/0").asString()).contains("/api/layers/" + layer + "/tiles/{z}/{x}/{y}.mvt?v=");
    assertThat(tj.at("/vector_layers/0/id").asString()).isEqualTo("places");
    assertThat(tj.at("/vector_layers/0/fields").has("name")).isTrue();
    assertThat(tj.get("bounds").get(0).asDouble()).isEqualTo(2.5);
  }

  @Test
  void mapStylesAreValidMapLibreStyles() {
    String layer = layerWith(FEATURES);
    String map = admin.post("/api/maps", "{\"name\":\"Styled\"}").json().get("id").asString();
    admin.post("/api/maps/" + map + "/layers", "{\"layer_id\":\"" + layer + "\",\"opacity\":0.5}");
    for (JsonNode m : admin.get("/api/maps").json()) {
      var style = admin.get("/api/maps/" + m.get("id").asString() + "/style.json");
      assertThat(style.status()).isEqualTo(200);
      var result = NodeTools.run("validate-style.mjs", style.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(result.exitCode()).as(m.get("name") + ": " + result.output()).isZero();
    }
    JsonNode style = admin.get("/api/maps/" + map + "/style.json").json();
    assertThat(style.at("/sources/layer-" + layer + "/type").asString()).isEqualTo("vector");
    assertThat(style.toString()).contains("\"fill-opacity\":0.15");
    assertThat(circleRadius(style, layer).isNumber()).as("a mixed layer has no clusters").isTrue();
  }

  @Test
  void aPointLayersStyleSizesClustersByTheirCount() {
    String points = admin.post("/api/layers", """
        {"name":"ports","source_type":"vector","source_config":{"geometryType":"Point"},"style_config":{"pointSize":4}}""")
        .json().get("id").asString();
    String map = admin.post("/api/maps", "{\"name\":\"Clustered\"}").json().get("id").asString();
    admin.post("/api/maps/" + map + "/layers", "{\"layer_id\":\"" + points + "\"}");
    var response = admin.get("/api/maps/" + map + "/style.json");
    var result = NodeTools.run("validate-style.mjs", response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(result.exitCode()).as(result.output()).isZero();
    JsonNode radius = circleRadius(response.json(), points);
    // ["case", ["has", "point_count"], <grows with point_count>, <pointSize for single points>]
    assertThat(radius.at("/1").toString()).isEqualTo("[\"has\",\"point_count\"]");
    assertThat(radius.at("/2/2").toString()).isEqualTo("[\"get\",\"point_count\"]");
    assertThat(radius.at("/3").asDouble()).isEqualTo(4.0);
  }

  private static JsonNode circleRadius(JsonNode style, String layer) {
    for (JsonNode l : style.get("layers")) {
      if (l.get("id").asString().equals("layer-" + layer + "-circle")) {
        return l.at("/paint/circle-radius");
      }
    }
    throw new AssertionError("no circle layer for " + layer);
  }
}
