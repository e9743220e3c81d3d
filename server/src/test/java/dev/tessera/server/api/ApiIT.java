package dev.tessera.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.server.security.IdentityService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The REST API end to end on the embedded store, as a client sees it: statuses, problem+json, no partial writes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiIT {
  static final String ADMIN_TOKEN = "tsr_integration-test-admin-token";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("tessera-it");
    registry.add("tessera.data-dir", dir::toString);
    common(registry);
  }

  static void common(DynamicPropertyRegistry registry) {
    registry.add("tessera.admin.token", () -> ADMIN_TOKEN);
    registry.add("tessera.admin.password", () -> "admin-password-1");
    registry.add("tessera.limits.max-body-bytes", () -> "65536");
    registry.add("tessera.limits.max-import-bytes", () -> "262144");
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;

  ApiClient admin;
  ApiClient anonymous;

  @BeforeEach
  void clients() {
    admin = new ApiClient(port, ADMIN_TOKEN);
    anonymous = new ApiClient(port, null);
  }

  ApiClient newUser(String email) {
    var user = identity.createLocalUser(email, email, "password-123", false);
    return admin.as(identity.issueToken(user.id(), "test").secret());
  }

  int count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
  }

  static void assertProblem(ApiClient.Response r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.json().path("code").asString()).isEqualTo(code);
    assertThat(r.json().path("status").asInt()).isEqualTo(status);
    assertThat(r.json().path("detail").asString()).isNotBlank();
  }

  String vectorLayer(ApiClient client, String name) {
    var r = client.post("/api/layers", """
        {"name": "%s", "source_type": "vector", "source_config": {"geometryType": "Geometry"}}""".formatted(name));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asString();
  }

  // --- operations

  @Test
  void healthReadyAndMetricsAnswer() {
    assertThat(anonymous.get("/health").status()).isEqualTo(200);
    var ready = anonymous.get("/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("pending_migrations").asInt()).isZero();
    var metrics = anonymous.get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
  }

  @Test
  void theOpenApiDocumentDescribesTheApi() {
    var docs = anonymous.get("/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().path("paths").has("/api/maps/{id}")).isTrue();
    assertThat(docs.json().at("/paths/~1api~1layers~1{id}~1tiles~1{z}~1{x}~1{y}.{format}/get/description").asString())
        .contains("wms").contains("wmts").contains("geotiff");
  }

  // --- demo content and identity

  @Test
  void anonymousVisitorsSeeThePublicDemoMapWithItsLayers() {
    assertDemoMap();
  }

  void assertDemoMap() {
    var maps = anonymous.get("/api/maps");
    assertThat(maps.status()).isEqualTo(200);
    JsonNode demo = null;
    for (JsonNode m : maps.json()) {
      if (m.get("name").asString().equals("North Sea")) {
        demo = m;
      }
    }
    assertThat(demo).isNotNull();
    assertThat(demo.get("permission_level").asString()).isEqualTo("public");
    var map = anonymous.get("/api/maps/" + demo.get("id").asString());
    assertThat(map.header("ETag")).isEqualTo("\"v" + map.json().get("version").asLong() + "\"");
    List<String> types = new ArrayList<>();
    map.json().get("layers").forEach(l -> types.add(l.get("source_type").asString()));
    assertThat(types).containsExactly("geotiff", "wms", "vector");
    String mpa = map.json().get("layers").get(2).get("layer_id").asString();
    var layer = anonymous.get("/api/layers/" + mpa).json();
    assertThat(layer.at("/source_config/featureCount").asInt()).isEqualTo(2);
    assertThat(layer.at("/source_config/bounds").toString()).isEqualTo("[[2.5,53.0],[5.0,55.5]]");
    var features = anonymous.get("/api/layers/" + mpa + "/features");
    assertThat(features.header("Content-Type")).startsWith("application/geo+json");
    assertThat(features.json().get("features")).hasSize(2);
  }

  @Test
  void currentUserAndLoginWork() {
    var me = admin.get("/api/users/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("email").asString()).isEqualTo("admin@localhost");
    assertThat(me.json().get("roles").toString()).contains("ADMIN");
    var login = anonymous.post("/api/auth/login", "{\"email\":\"admin@localhost\",\"password\":\"admin-password-1\"}");
    assertThat(login.status()).isEqualTo(200);
    assertThat(admin.as(login.json().get("token").asString()).get("/api/users/me").status()).isEqualTo(200);
    assertProblem(anonymous.post("/api/auth/login", "{\"email\":\"admin@localhost\",\"password\":\"wrong\"}"), 401, "unauthorized");
    assertProblem(anonymous.get("/api/users/me"), 401, "unauthorized");
  }

  @Test
  void writesNeedASignedInUserAndABadTokenIsRefused() {
    int maps = count("maps");
    assertProblem(anonymous.post("/api/maps", "{\"name\":\"x\"}"), 401, "unauthorized");
    assertProblem(admin.as("tsr_not-a-token").get("/api/maps"), 401, "unauthorized");
    assertThat(count("maps")).isEqualTo(maps);
  }

  // --- maps

  @Test
  void mapsAreCreatedUpdatedWithIfMatchAndDeleted() {
    var created = admin.post("/api/maps", "{\"name\":\"Baltic\",\"center_lat\":58,\"center_lng\":20,\"zoom\":4}");
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asString();
    assertThat(created.header("Location")).endsWith("/api/maps/" + id);
    assertThat(created.json().get("permission_level").asString()).isEqualTo("private");
    String etag = created.header("ETag");

    var renamed = admin.put("/api/maps/" + id, "{\"name\":\"Baltic Sea\"}", "If-Match", etag);
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.json().get("center_lat").asDouble()).isEqualTo(58);

    var lost = admin.put("/api/maps/" + id, "{\"name\":\"Lost update\"}", "If-Match", etag);
    assertProblem(lost, 412, "version_mismatch");
    assertThat(admin.get("/api/maps/" + id).json().get("name").asString()).isEqualTo("Baltic Sea");

    assertThat(admin.delete("/api/maps/" + id).status()).isEqualTo(204);
    assertProblem(admin.get("/api/maps/" + id), 404, "not_found");
  }

  @Test
  void badMapInputIsRefusedAndChangesNothing() {
    int maps = count("maps");
    assertProblem(admin.post("/api/maps", "{\"name\": \"x\", "), 400, "malformed_json");
    var badLat = admin.post("/api/maps", "{\"name\":\"x\",\"center_lat\":91}");
    assertProblem(badLat, 400, "invalid_field");
    assertThat(badLat.json().get("field").asString()).isEqualTo("centerLat");
    var badLevel = admin.post("/api/maps", "{\"name\":\"x\",\"permission_level\":\"secret\"}");
    assertProblem(badLevel, 400, "invalid_field");
    assertThat(badLevel.json().get("field").asString()).isEqualTo("permission_level");
    assertProblem(admin.post("/api/maps", "{\"name\":\"x\",\"colour\":\"red\"}"), 400, "invalid_field");
    assertProblem(admin.post("/api/maps", "{\"description\":\"no name\"}"), 400, "invalid_field");
    assertProblem(admin.get("/api/maps/not-a-uuid"), 404, "not_found");
    assertProblem(admin.post("/api/maps", "{\"name\":\"" + "x".repeat(70_000) + "\"}"), 413, "payload_too_large");
    assertThat(count("maps")).isEqualTo(maps);
  }

  @Test
  void aPrivateMapIsHiddenFromOthersAsNotFound() {
    ApiClient alice = newUser("alice@example.org");
    ApiClient bob = newUser("bob@example.org");
    String id = alice.post("/api/maps", "{\"name\":\"Secret\"}").json().get("id").asString();
    assertThat(alice.get("/api/maps/" + id).status()).isEqualTo(200);
    assertProblem(bob.get("/api/maps/" + id), 404, "not_found");
    assertProblem(anonymous.get("/api/maps/" + id), 404, "not_found");
    assertProblem(bob.put("/api/maps/" + id, "{\"name\":\"mine\"}"), 404, "not_found");
    assertProblem(bob.delete("/api/maps/" + id), 404, "not_found");
    assertThat(bob.get("/api/maps").body()).doesNotContain(id);
    assertThat(alice.get("/api/maps").body()).contains(id);
  }

  @Test
  void layersArePlacedOrderedToggledAndRemoved() {
    String map = admin.post("/api/maps", "{\"name\":\"Stack\"}").json().get("id").asString();
    String a = vectorLayer(admin, "A");
    String b = vectorLayer(admin, "B");
    String c = vectorLayer(admin, "C");
    for (String layer : List.of(a, b, c)) {
      assertThat(admin.post("/api/maps/" + map + "/layers", "{\"layer_id\":\"" + layer + "\"}").status()).isEqualTo(201);
    }
    assertProblem(admin.post("/api/maps/" + map + "/layers", "{\"layer_id\":\"" + a + "\"}"), 409, "layer_already_on_map");
    var reordered =
        admin.put("/api/maps/" + map + "/layers/reorder", "{\"layer_ids\":[\"%s\",\"%s\",\"%s\"]}".formatted(c, a, b));
    assertThat(reordered.status()).isEqualTo(200);
    assertThat(layerIds(reordered.json())).containsExactly(c, a, b);
    assertProblem(admin.put("/api/maps/" + map + "/layers/reorder", "{\"layer_ids\":[\"%s\"]}".formatted(c)), 400, "invalid_field");

    var hidden = admin.put("/api/maps/" + map + "/layers/" + a, "{\"is_visible\":false,\"opacity\":0.4}");
    assertThat(hidden.json().get("layers").get(1).get("is_visible").asBoolean()).isFalse();
    assertThat(hidden.json().get("layers").get(1).get("opacity").asDouble()).isEqualTo(0.4);
    assertProblem(admin.put("/api/maps/" + map + "/layers/" + a, "{\"opacity\":1.5}"), 400, "invalid_field");

    assertThat(admin.delete("/api/maps/" + map + "/layers/" + c).status()).isEqualTo(204);
    assertThat(layerIds(admin.get("/api/maps/" + map).json())).containsExactly(a, b);
  }

  private static List<String> layerIds(JsonNode map) {
    List<String> ids = new ArrayList<>();
    map.get("layers").forEach(l -> ids.add(l.get("layer_id").asString()));
    return ids;
  }

  // --- layers

  @Test
  void sourceConfigIsValidatedPerTypeNamingTheField() {
    int layers = count("layers");
    var noUrl = admin.post("/api/layers", """
        {"name":"w","source_type":"wms","source_config":{"layers":"sst"}}""");
    assertProblem(noUrl, 400, "invalid_field");
    assertThat(noUrl.json().get("field").asString()).isEqualTo("source_config.url");

    var badTemplate = admin.post("/api/layers", """
        {"name":"g","source_type":"geotiff","source_config":{"cogUrlTemplate":"https://x.org/{yr}/a.tif",
         "temporal":{"enabled":true,"start":"2020-01-01","end":"2021-01-01","resolution":"monthly"}}}""");
    assertProblem(badTemplate, 400, "invalid_field");
    assertThat(badTemplate.json().get("field").asString()).isEqualTo("source_config.cogUrlTemplate");

    var wrongType = admin.post("/api/layers", """
        {"name":"w","source_type":"wms","source_config":{"url":"https://x.org/wms","layers":"a","transparent":"yes"}}""");
    assertThat(wrongType.json().get("field").asString()).isEqualTo("source_config.transparent");

    var notBoolean = admin.post("/api/layers", """
        {"name":"v","source_type":"vector","source_config":{"cluster":"no"}}""");
    assertThat(notBoolean.json().get("field").asString()).isEqualTo("source_config.cluster");

    var unknownKey = admin.post("/api/layers", """
        {"name":"w","source_type":"wms","source_config":{"url":"https://x.org/wms","layers":"a","colour":"red"}}""");
    assertThat(unknownKey.json().get("field").asString()).isEqualTo("source_config.colour");

    var traversal = admin.post("/api/layers", """
        {"name":"p","source_type":"pmtiles","source_config":{"file":"../../etc/passwd.pmtiles"}}""");
    assertThat(traversal.json().get("field").asString()).isEqualTo("source_config.file");

    assertProblem(admin.post("/api/layers", """
        {"name":"x","source_type":"shapefile","source_config":{}}"""), 400, "invalid_field");
    assertThat(count("layers")).isEqualTo(layers);

    var ok = admin.post("/api/layers", """
        {"name":"Chl","source_type":"geotiff","source_config":{"cogUrlTemplate":"https://x.org/{year}/{month}/c_{YYYYMM}.tif",
         "temporal":{"enabled":true,"start":"2020-01-01","end":"2024-12-31","resolution":"monthly"},
         "tileParams":{"rescale":"0.01,10","colormap_name":"viridis","return_mask":true}}}""");
    assertThat(ok.status()).as(ok.body()).isEqualTo(201);
  }

  @Test
  void theLibraryFiltersAndLayerUpdatesBumpTheVersion() {
    String id = vectorLayer(admin, "Filtered");
    var list = admin.get("/api/layers?source_type=vector&is_global=false");
    assertThat(list.body()).contains(id);
    assertThat(admin.get("/api/layers?source_type=wms").body()).doesNotContain(id);
    assertProblem(admin.get("/api/layers?source_type=shapefile"), 400, "invalid_parameter");

    var layer = admin.get("/api/layers/" + id);
    var updated = admin.put("/api/layers/" + id, "{\"category\":\"fisheries\"}", "If-Match", layer.header("ETag"));
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("version").asLong()).isEqualTo(layer.json().get("version").asLong() + 1);
    assertProblem(admin.put("/api/layers/" + id, "{\"category\":\"x\"}", "If-Match", layer.header("ETag")), 412, "version_mismatch");
    assertProblem(admin.put("/api/layers/" + id, "{\"source_type\":\"wms\"}"), 400, "invalid_field");
  }

  // --- features

  static final String THREE_FEATURES = """
      {"type":"FeatureCollection","features":[
        {"type":"Feature","geometry":{"type":"Point","coordinates":[4.5,53.5]},"properties":{"name":"a","n":1}},
        {"type":"Feature","geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]},"properties":{"name":"b"}},
        {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[10,10],[11,10],[11,11],[10,11],[10,10]]]},
         "properties":null}]}""";

  @Test
  void featuresAreImportedQueriedEditedAndDeletedKeepingCountAndBounds() {
    String layer = vectorLayer(admin, "Features");
    long v0 = admin.get("/api/layers/" + layer).json().get("version").asLong();
    var imported = admin.post("/api/layers/" + layer + "/features", THREE_FEATURES);
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    assertThat(imported.json().get("imported").asInt()).isEqualTo(3);
    var meta = admin.get("/api/layers/" + layer).json();
    assertThat(meta.at("/source_config/featureCount").asInt()).isEqualTo(3);
    assertThat(meta.at("/source_config/bounds").toString()).isEqualTo("[[0.0,0.0],[11.0,53.5]]");
    assertThat(meta.get("version").asLong()).isGreaterThan(v0);

    var inBox = admin.get("/api/layers/" + layer + "/features?bbox=4,53,5,54");
    assertThat(inBox.json().get("features")).hasSize(1);
    assertThat(inBox.json().at("/features/0/properties/name").asString()).isEqualTo("a");

    var page1 = admin.get("/api/layers/" + layer + "/features?limit=2");
    assertThat(page1.json().get("features")).hasSize(2);
    String cursor = page1.json().get("next_cursor").asString();
    assertThat(page1.header("Link")).contains("rel=\"next\"");
    var page2 = admin.get("/api/layers/" + layer + "/features?limit=2&cursor=" + cursor);
    assertThat(page2.json().get("features")).hasSize(1);
    assertThat(page2.json().get("next_cursor").isNull()).isTrue();

    var single = admin.post("/api/layers/" + layer + "/features", """
        {"type":"Feature","geometry":{"type":"Point","coordinates":[-20,-30]},"properties":{"k":"v"}}""");
    assertThat(single.status()).isEqualTo(201);
    String featureId = single.json().get("id").asString();
    assertThat(single.header("Location")).endsWith("/features/" + featureId);
    String etag = single.header("ETag");
    assertThat(admin.get("/api/layers/" + layer).json().at("/source_config/bounds").toString())
        .isEqualTo("[[-20.0,-30.0],[11.0,53.5]]");

    var moved = admin.put("/api/layers/" + layer + "/features/" + featureId, """
        {"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"k":"w"}}""", "If-Match", etag);
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.json().at("/geometry/coordinates/0").asDouble()).isEqualTo(1.0);
    assertProblem(admin.put("/api/layers/" + layer + "/features/" + featureId, """
        {"type":"Feature","geometry":{"type":"Point","coordinates":[3,3]},"properties":{}}""", "If-Match", etag), 412, "version_mismatch");
    assertThat(admin.get("/api/layers/" + layer).json().at("/source_config/bounds").toString())
        .isEqualTo("[[0.0,0.0],[11.0,53.5]]");

    assertThat(admin.delete("/api/layers/" + layer + "/features/" + featureId).status()).isEqualTo(204);
    assertThat(admin.get("/api/layers/" + layer).json().at("/source_config/featureCount").asInt()).isEqualTo(3);

    var export = admin.get("/api/layers/" + layer + "/export");
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.header("Content-Disposition")).contains("attachment");
    assertThat(export.json().get("features")).hasSize(3);
  }

  @Test
  void badGeoJsonIsRefusedWithItsLocationAndImportsNothing() {
    String layer = vectorLayer(admin, "Strict");
    admin.post("/api/layers/" + layer + "/features", THREE_FEATURES);
    JsonNode before = admin.get("/api/layers/" + layer).json();
    int features = count("layer_features");

    assertProblem(admin.post("/api/layers/" + layer + "/features", "{\"type\":\"FeatureCollection\",\"features\":[{"), 400, "malformed_json");
    var bowtie = admin.post("/api/layers/" + layer + "/features", """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","geometry":{"type":"Point","coordinates":[1,1]},"properties":{}},
          {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]},"properties":{}}]}""");
    assertProblem(bowtie, 400, "invalid_geometry");
    assertThat(bowtie.json().get("feature_index").asInt()).isEqualTo(1);
    assertThat(bowtie.json().get("pointer").asString()).startsWith("/features/1/geometry");

    assertProblem(admin.post("/api/layers/" + layer + "/features", """
        {"type":"Feature","geometry":{"type":"Point","coordinates":[200,10]},"properties":{}}"""), 400, "coordinate_out_of_range");
    assertProblem(admin.post("/api/layers/" + layer + "/features", """
        {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:999999"}},
         "features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1,1]},"properties":{}}]}"""), 400, "unknown_crs");

    StringBuilder big = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
    for (int i = 0; i < 5000; i++) {
      big.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,1]},\"properties\":{\"i\":").append(i).append("}}");
    }
    big.append("]}");
    assertProblem(admin.post("/api/layers/" + layer + "/features", big.toString()), 413, "payload_too_large");

    JsonNode after = admin.get("/api/layers/" + layer).json();
    assertThat(count("layer_features")).isEqualTo(features);
    assertThat(after.get("version")).isEqualTo(before.get("version"));
    assertThat(after.get("source_config")).isEqualTo(before.get("source_config"));
  }

  @Test
  void anImportMayAskForInvalidGeometriesToBeRepaired() {
    String layer = vectorLayer(admin, "Repaired");
    var r = admin.post("/api/layers/" + layer + "/features?repair=true", """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]},"properties":{}},
          {"type":"Feature","geometry":{"type":"Point","coordinates":[1,1]},"properties":{}}]}""");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("imported").asInt()).isEqualTo(2);
    assertThat(r.json().get("repaired").asInt()).isEqualTo(1);
    var stored = admin.get("/api/layers/" + layer + "/features").json();
    assertThat(stored.at("/features/0/geometry/type").asString()).isEqualTo("MultiPolygon");
  }

  @Test
  void featuresInAnotherCrsAreStoredInWgs84() {
    String layer = vectorLayer(admin, "Mercator");
    var r = admin.post("/api/layers/" + layer + "/features", """
        {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3857"}},
         "features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1113194.9079327357,0]},"properties":{}}]}""");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    var stored = admin.get("/api/layers/" + layer + "/features").json();
    assertThat(stored.at("/features/0/geometry/coordinates/0").asDouble()).isCloseTo(10.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void onlyVectorLayersHoldFeatures() {
    var wms = admin.post("/api/layers", """
        {"name":"w","source_type":"wms","source_config":{"url":"https://x.org/wms","layers":"a"}}""");
    String id = wms.json().get("id").asString();
    assertProblem(admin.post("/api/layers/" + id + "/features", THREE_FEATURES), 400, "not_a_vector_layer");
  }
}
