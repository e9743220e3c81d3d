package dev.tessera.server.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.fail;

import dev.tessera.server.security.IdentityService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OGC API – Features end to end on the embedded store, as clients see it: our own HTTP requests, then GDAL's OAPIF
 * driver as a real client that pages through a collection by following {@code next} links.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OgcFeaturesIT {
  static final String ADMIN_TOKEN = "tsr_ogc-integration-test-admin-token";
  static final int POINTS = 250;
  static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("tessera-ogc-it");
    registry.add("tessera.data-dir", dir::toString);
    registry.add("tessera.admin.token", () -> ADMIN_TOKEN);
    registry.add("tessera.demo.enabled", () -> "false");
  }

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  final HttpClient http = HttpClient.newHttpClient();
  String base;
  String ownerToken;
  String otherToken;
  String points;
  String secret;
  String wms;

  record Response(int status, HttpResponse<String> raw) {
    JsonNode json() {
      return JSON.readTree(raw.body());
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  @BeforeAll
  void layers() {
    base = "http://localhost:" + port;
    ownerToken = token("owner@example.org");
    otherToken = token("other@example.org");
    points = layer(ownerToken, "Points", true);
    StringBuilder fc = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
    for (int i = 0; i < POINTS; i++) {
      fc.append(i == 0 ? "" : ",")
          .append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[")
          .append((i % 50) / 10.0)
          .append(",")
          .append((i / 50) / 10.0)
          .append("]},\"properties\":{\"i\":")
          .append(i)
          .append(",\"name\":\"p")
          .append(i)
          .append("\"}}");
    }
    assertThat(post(ownerToken, "/api/layers/" + points + "/features", fc.append("]}").toString()).status())
        .isEqualTo(201);
    secret = layer(otherToken, "Secret", false);
    post(otherToken, "/api/layers/" + secret + "/features",
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,1]},\"properties\":{}}");
    var w = post(ADMIN_TOKEN, "/api/layers", """
        {"name":"Sea","source_type":"wms","is_global":true,"source_config":{"url":"https://x.org/wms","layers":"a"}}""");
    assertThat(w.status()).as(w.raw().body()).isEqualTo(201);
    wms = w.json().get("id").asString();
  }

  String token(String email) {
    var user = identity.createLocalUser(email, email, "password-123", false);
    return identity.issueToken(user.id(), "test").secret();
  }

  String layer(String token, String name, boolean global) {
    var r = post(token, "/api/layers", """
        {"name":"%s","description":"%s layer","source_type":"vector","is_global":%s,
         "source_config":{"geometryType":"Point"}}""".formatted(name, name, global));
    assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
    return r.json().get("id").asString();
  }

  Response get(String pathOrUrl, String... tokenAndAccept) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl));
    if (tokenAndAccept.length > 0 && tokenAndAccept[0] != null) {
      b.header("Authorization", "Bearer " + tokenAndAccept[0]);
    }
    return send(b.GET());
  }

  Response post(String token, String path, String body) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void assertProblem(Response r, int status, String code) {
    assertThat(r.status()).as(r.raw().body()).isEqualTo(status);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.json().path("code").asString()).isEqualTo(code);
  }

  static Map<String, JsonNode> linksByRel(JsonNode doc) {
    Map<String, JsonNode> links = new HashMap<>();
    doc.get("links").forEach(l -> links.put(l.get("rel").asString(), l));
    return links;
  }

  // --- landing page, conformance, collections

  @Test
  void theLandingPageLinksToTheApiDefinitionConformanceAndCollections() {
    var r = get("/ogc");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("application/json");
    var links = linksByRel(r.json());
    assertThat(links.get("self").get("href").asString()).isEqualTo(base + "/ogc");
    assertThat(links.get("service-desc").get("href").asString()).isEqualTo(base + "/v3/api-docs");
    assertThat(links.get("service-desc").get("type").asString())
        .isEqualTo("application/vnd.oai.openapi+json;version=3.0");
    assertThat(links.get("conformance").get("href").asString()).isEqualTo(base + "/ogc/conformance");
    assertThat(links.get("data").get("href").asString()).isEqualTo(base + "/ogc/collections");
    assertThat(r.json().get("title").asString()).isNotBlank();
    assertThat(get("/v3/api-docs").json().get("openapi").asString()).startsWith("3.0");
  }

  @Test
  void conformanceDeclaresFeaturesTilesAndTileMatrixSets() {
    var r = get("/ogc/conformance");
    assertThat(r.status()).isEqualTo(200);
    List<String> classes = new ArrayList<>();
    r.json().get("conformsTo").forEach(c -> classes.add(c.asString()));
    assertThat(classes).containsExactlyInAnyOrder(
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
        "http://www.opengis.net/spec/tms/2.0/conf/tilematrixset",
        "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset");
  }

  @Test
  void collectionsListTheVectorLayersTheCallerMaySeeAndNothingElse() {
    var anonymous = get("/ogc/collections");
    assertThat(anonymous.status()).isEqualTo(200);
    assertThat(ids(anonymous.json())).contains(points).doesNotContain(secret, wms);
    assertThat(linksByRel(anonymous.json()).get("self").get("href").asString()).isEqualTo(base + "/ogc/collections");
    assertThat(ids(get("/ogc/collections", ownerToken).json())).contains(points).doesNotContain(secret, wms);
    assertThat(ids(get("/ogc/collections", otherToken).json())).contains(points, secret).doesNotContain(wms);
    assertThat(ids(get("/ogc/collections", ADMIN_TOKEN).json())).contains(points, secret).doesNotContain(wms);
  }

  static List<String> ids(JsonNode collections) {
    List<String> ids = new ArrayList<>();
    collections.get("collections").forEach(c -> ids.add(c.get("id").asString()));
    return ids;
  }

  @Test
  void aCollectionDescribesItsExtentAndLinksToItsItems() {
    var r = get("/ogc/collections/" + points);
    assertThat(r.status()).isEqualTo(200);
    JsonNode c = r.json();
    assertThat(c.get("title").asString()).isEqualTo("Points");
    assertThat(c.get("description").asString()).isEqualTo("Points layer");
    assertThat(c.get("itemType").asString()).isEqualTo("feature");
    assertThat(c.at("/extent/spatial/bbox").toString()).isEqualTo("[[0.0,0.0,4.9,0.4]]");
    assertThat(c.at("/extent/spatial/crs").asString()).isEqualTo("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
    var items = linksByRel(c).get("items");
    assertThat(items.get("href").asString()).isEqualTo(base + "/ogc/collections/" + points + "/items");
    assertThat(items.get("type").asString()).isEqualTo("application/geo+json");
  }

  @Test
  void hiddenUnknownAndNonVectorCollectionsAnswer404() {
    assertProblem(get("/ogc/collections/" + secret), 404, "not_found");
    assertProblem(get("/ogc/collections/" + secret, ownerToken), 404, "not_found");
    assertProblem(get("/ogc/collections/" + secret + "/items", ownerToken), 404, "not_found");
    assertThat(get("/ogc/collections/" + secret, otherToken).status()).isEqualTo(200);
    assertProblem(get("/ogc/collections/" + wms), 404, "not_found");
    assertProblem(get("/ogc/collections/" + wms + "/items"), 404, "not_found");
    assertProblem(get("/ogc/collections/not-a-uuid/items"), 404, "not_found");
    assertProblem(get("/ogc/collections/019a0000-0000-7000-8000-000000000000"), 404, "not_found");
  }

  // --- items

  @Test
  void itemsDefaultToTenWithCountsTimestampAndLinks() {
    var r = get("/ogc/collections/" + points + "/items");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("application/geo+json");
    JsonNode fc = r.json();
    assertThat(fc.get("type").asString()).isEqualTo("FeatureCollection");
    assertThat(fc.get("features")).hasSize(10);
    assertThat(fc.get("numberReturned").asInt()).isEqualTo(10);
    assertThat(fc.get("numberMatched").asInt()).isEqualTo(POINTS);
    assertThat(fc.get("timeStamp").asString()).endsWith("Z");
    var links = linksByRel(fc);
    assertThat(links.get("self").get("href").asString()).isEqualTo(base + "/ogc/collections/" + points + "/items");
    assertThat(links.get("next").get("type").asString()).isEqualTo("application/geo+json");
    assertThat(fc.at("/features/0/properties/i").asInt()).isZero();
  }

  @Test
  void nextLinksPageThroughEveryFeatureOnce() {
    List<Integer> seen = new ArrayList<>();
    String url = base + "/ogc/collections/" + points + "/items?limit=100";
    int pages = 0;
    while (url != null) {
      JsonNode fc = get(url).json();
      fc.get("features").forEach(f -> seen.add(f.at("/properties/i").asInt()));
      assertThat(fc.get("numberReturned").asInt()).isEqualTo(fc.get("features").size());
      JsonNode next = linksByRel(fc).get("next");
      url = next == null ? null : next.get("href").asString();
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(POINTS).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void offsetSkipsFeatures() {
    JsonNode fc = get("/ogc/collections/" + points + "/items?limit=100&offset=240").json();
    assertThat(fc.get("numberReturned").asInt()).isEqualTo(10);
    assertThat(fc.at("/features/0/properties/i").asInt()).isEqualTo(240);
    assertThat(linksByRel(fc)).doesNotContainKey("next");
  }

  @Test
  void bboxFiltersInLonLatOrderAndIgnoresHeights() {
    for (String bbox : List.of("0,0,0.45,0.05", "0,0,-100,0.45,0.05,100")) {
      JsonNode fc = get("/ogc/collections/" + points + "/items?limit=1000&bbox=" + bbox).json();
      List<Integer> found = new ArrayList<>();
      fc.get("features").forEach(f -> found.add(f.at("/properties/i").asInt()));
      assertThat(found).as(bbox).containsExactly(0, 1, 2, 3, 4);
      assertThat(fc.has("numberMatched")).isFalse();
    }
  }

  @Test
  void aValidDatetimeMatchesEveryFeatureAsLayersHoldNoTime() {
    for (String datetime : List.of("2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z/..", "../2024-01-01T00:00:00Z")) {
      var r = get("/ogc/collections/" + points + "/items?limit=1000&datetime=" + datetime);
      assertThat(r.status()).as(datetime).isEqualTo(200);
      assertThat(r.json().get("numberReturned").asInt()).isEqualTo(POINTS);
    }
  }

  @Test
  void invalidOrUnknownParametersAnswer400() {
    String items = "/ogc/collections/" + points + "/items";
    for (String query : List.of("limit=0", "limit=10001", "limit=ten", "offset=-1", "bbox=1,2,3", "bbox=0,0,200,1",
        "datetime=yesterday", "datetime=../..", "foo=1", "f=html", "cursor=bad")) {
      var r = get(items + "?" + query);
      assertThat(r.status()).as(query).isEqualTo(400);
      assertThat(r.header("Content-Type")).as(query).startsWith("application/problem+json");
    }
    assertThat(get(items + "?limit=10000&f=json").status()).isEqualTo(200);
  }

  @Test
  void aSingleFeatureComesWithLinksAndAnEtag() {
    String id = get("/ogc/collections/" + points + "/items?limit=1").json().at("/features/0/id").asString();
    var r = get("/ogc/collections/" + points + "/items/" + id);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("application/geo+json");
    assertThat(r.header("ETag")).startsWith("\"f");
    JsonNode f = r.json();
    assertThat(f.get("type").asString()).isEqualTo("Feature");
    assertThat(f.get("id").asString()).isEqualTo(id);
    assertThat(f.at("/properties/name").asString()).isEqualTo("p0");
    assertThat(linksByRel(f).get("self").get("href").asString())
        .isEqualTo(base + "/ogc/collections/" + points + "/items/" + id);
    assertThat(linksByRel(f).get("collection").get("href").asString()).isEqualTo(base + "/ogc/collections/" + points);
    assertProblem(get("/ogc/collections/" + points + "/items/019a0000-0000-7000-8000-000000000000"), 404, "not_found");
    assertProblem(get("/ogc/collections/" + secret + "/items/" + id), 404, "not_found");
  }

  // --- a real client

  @Test
  void gdalListsTheCollectionAndReadsEveryFeatureAcrossPages() throws Exception {
    Path ogrinfo = findOnPath("ogrinfo");
    if (ogrinfo == null) {
      if (Boolean.parseBoolean(System.getenv("TESSERA_TEST_GDAL_REQUIRED"))) {
        fail("TESSERA_TEST_GDAL_REQUIRED=true but ogrinfo is not on the PATH; install Debian's gdal-bin");
      }
      Assumptions.abort("ogrinfo (Debian gdal-bin) is not installed; GDAL OAPIF client test skipped");
    }
    String source = "OAPIF:" + base + "/ogc";
    String summary = run("ogrinfo", "-ro", "-so", source);
    assertThat(summary).contains(points).doesNotContain(secret);

    Path out = Files.createTempDirectory("tessera-ogc-gdal").resolve("points.geojson");
    String log = run("ogr2ogr", "--debug", "on", "-f", "GeoJSON", out.toString(), source, points, "-oo", "PAGE_SIZE=100");
    // GDAL's debug log names each request: pages of 100, the later ones reached through our next links.
    assertThat(log).contains("limit=100").contains("cursor=");
    JsonNode fc = JSON.readTree(Files.readString(out));
    assertThat(fc.get("features")).hasSize(POINTS);
    Set<String> names = new HashSet<>();
    fc.get("features").forEach(f -> {
      int i = f.at("/properties/i").asInt();
      assertThat(f.at("/properties/name").asString()).isEqualTo("p" + i);
      names.add(f.at("/properties/name").asString());
    });
    assertThat(names).hasSize(POINTS);
  }

  static Path findOnPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path p = Path.of(dir, program);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  static String run(String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("NO_PROXY", "localhost,127.0.0.1");
    pb.environment().put("no_proxy", "localhost,127.0.0.1");
    Process p = pb.start();
    // Read while it runs so a full pipe cannot stall it.
    var output = new java.io.ByteArrayOutputStream();
    Thread reader = Thread.ofVirtual().start(() -> {
      try (var in = p.getInputStream()) {
        in.transferTo(output);
      } catch (IOException ignored) {
        // the process ended
      }
    });
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(String.join(" ", command) + " did not finish within 120 s");
    }
    reader.join(5000);
    String text = output.toString(StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + text).isZero();
    return text;
  }

  // --- OGC API - Tiles

  @Test
  void tileMatrixSetsDescribeWebMercatorQuad() {
    var list = get("/ogc/tileMatrixSets");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().at("/tileMatrixSets/0/id").asString()).isEqualTo("WebMercatorQuad");
    var tms = get("/ogc/tileMatrixSets/WebMercatorQuad").json();
    assertThat(tms.get("crs").asString()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/3857");
    assertThat(tms.get("tileMatrices")).hasSize(23);
    assertThat(tms.at("/tileMatrices/0/scaleDenominator").asDouble()).isCloseTo(559082264.0287, within(0.01));
    assertThat(tms.at("/tileMatrices/3/matrixWidth").asInt()).isEqualTo(8);
    assertThat(get("/ogc/tileMatrixSets/WorldCRS84Quad").status()).isEqualTo(404);
  }

  @Test
  void aCollectionsVectorTilesAreServedInOgcRowColumnOrder() {
    var tilesets = get("/ogc/collections/" + points + "/tiles").json();
    assertThat(tilesets.at("/tilesets/0/dataType").asString()).isEqualTo("vector");
    var tileset = get("/ogc/collections/" + points + "/tiles/WebMercatorQuad").json();
    assertThat(tileset.at("/tileMatrixSetURI").asString()).endsWith("/WebMercatorQuad");
    String template = "";
    for (JsonNode link : tileset.get("links")) {
      if (link.get("rel").asString().equals("item")) {
        template = link.get("href").asString();
      }
    }
    assertThat(template).endsWith("/{tileMatrix}/{tileRow}/{tileCol}");
    // The points lie in lon 0..4.9, lat 0..0.4: at zoom 4 that is column 8, row 7 (z/x/y 4/8/7).
    var tile = getBytes(template.replace("{tileMatrix}", "4").replace("{tileRow}", "7").replace("{tileCol}", "8"));
    assertThat(tile.statusCode()).isEqualTo(200);
    assertThat(tile.headers().firstValue("Content-Type")).contains("application/vnd.mapbox-vector-tile");
    var empty = getBytes(template.replace("{tileMatrix}", "4").replace("{tileRow}", "3").replace("{tileCol}", "8"));
    assertThat(empty.statusCode()).isEqualTo(204);
    assertThat(get("/ogc/collections/" + secret + "/tiles").status()).isEqualTo(404);
    assertThat(get("/ogc/collections/" + points + "/tiles/WebMercatorQuad/4/16/8").status()).isEqualTo(400);
  }

  HttpResponse<byte[]> getBytes(String url) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
