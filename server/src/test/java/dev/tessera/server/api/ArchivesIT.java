package dev.tessera.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tessera.server.testing.Browser;
import dev.tessera.server.testing.NodeTools;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Tile archives end to end: a vector layer exported to PMTiles (read back by the reference {@code pmtiles} npm
 * package), then served from the files root, from MBTiles and over HTTP range requests, byte for byte as the vector
 * layer serves its tiles. Loopback is allowed as an outbound network here only for 127.0.0.0/8, so ::1 stays refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArchivesIT {
  static final String ADMIN_TOKEN = "tsr_archives-test-admin-token-0";
  static Path filesRoot;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("tessera-archives-it");
    filesRoot = Files.createDirectories(dir.resolve("files"));
    registry.add("tessera.data-dir", dir::toString);
    registry.add("tessera.files-root", filesRoot::toString);
    registry.add("tessera.admin.token", () -> ADMIN_TOKEN);
    registry.add("tessera.outbound.allowed-networks", () -> "127.0.0.0/8");
  }

  @LocalServerPort int port;
  ApiClient admin;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void client() {
    admin = new ApiClient(port, ADMIN_TOKEN);
  }

  String vectorLayer() {
    String id = layer("places", "vector", "{}");
    assertThat(admin.post("/api/layers/" + id + "/features", TilesIT.FEATURES).status()).isEqualTo(201);
    return id;
  }

  String layer(String name, String type, String sourceConfig) {
    var created =
        admin.post(
            "/api/layers",
            "{\"name\":\"" + name + "\",\"source_type\":\"" + type + "\",\"source_config\":" + sourceConfig + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<byte[]> tile(String layer, String zxy, String... headers) {
    return send(admin.request("/api/layers/" + layer + "/tiles/" + zxy, headers).GET());
  }

  byte[] export(String layer, int minZoom, int maxZoom) {
    var response =
        send(
            admin
                .request("/api/layers/" + layer + "/export.pmtiles?minzoom=" + minZoom + "&maxzoom=" + maxZoom)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/vnd.pmtiles");
    assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment")
        .contains("places.pmtiles");
    return response.body();
  }

  static JsonNode problem(HttpResponse<byte[]> response) {
    return ApiClient.JSON.readTree(response.body());
  }

  @Test
  void anExportedArchiveOpensInTheReferencePmtilesReader() {
    byte[] archive = export(vectorLayer(), 0, 8);
    var result = NodeTools.run("read-pmtiles.mjs", archive, "5", "16", "10");
    assertThat(result.exitCode()).as(result.output()).isZero();
    JsonNode read = ApiClient.JSON.readTree(result.output());
    assertThat(read.at("/header/specVersion").asInt()).isEqualTo(3);
    assertThat(read.at("/header/minZoom").asInt()).isZero();
    assertThat(read.at("/header/maxZoom").asInt()).isEqualTo(8);
    assertThat(read.at("/header/minLon").asDouble()).isEqualTo(2.5);
    assertThat(read.at("/header/minLat").asDouble()).isEqualTo(53.5);
    assertThat(read.at("/header/maxLon").asDouble()).isEqualTo(4.5);
    assertThat(read.at("/header/maxLat").asDouble()).isEqualTo(55.5);
    assertThat(read.at("/header/tileType").asString()).isEqualTo("Mvt");
    assertThat(read.at("/header/tileCompression").asString()).isEqualTo("Gzip");
    assertThat(read.at("/header/clustered").asBoolean()).isTrue();
    assertThat(read.at("/metadata/vector_layers/0/id").asString()).isEqualTo("places");
    assertThat(read.at("/metadata/vector_layers/0/fields").has("name")).isTrue();
    assertThat(read.at("/tile/layers/places").asInt()).isEqualTo(2);
  }

  /** The same archive hosted as a static file and opened by MapLibre GL JS with the pmtiles protocol, in Chromium. */
  @Test
  void anExportedArchiveRendersInMapLibre() throws IOException {
    Path archive = Files.createTempFile("tessera-export", ".pmtiles");
    Files.write(archive, export(vectorLayer(), 0, 8));
    String result = Browser.run("pmtiles-maplibre.e2e.mjs", java.time.Duration.ofMinutes(2), archive.toString(),
        "places", "3.5", "54.5", "6", Browser.artifacts("pmtiles-maplibre").toString());
    JsonNode rendered = ApiClient.JSON.readTree(result);
    assertThat(rendered.get("ok").asBoolean()).as(result).isTrue();
    assertThat(rendered.at("/numbers/rendered").valueStream().map(f -> f.get("type").asString()))
        .as(result).contains("Point", "Polygon");
  }

  @Test
  void anArchiveUnderTheFilesRootServesTheVectorLayersTilesByteForByte() throws IOException {
    String source = vectorLayer();
    Files.write(filesRoot.resolve("served.pmtiles"), export(source, 0, 8));
    String archive = layer("served", "pmtiles", "{\"file\":\"served.pmtiles\"}");

    var plain = tile(archive, "5/16/10.mvt");
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.headers().firstValue("Content-Type")).contains("application/vnd.mapbox-vector-tile");
    assertThat(plain.body()).isEqualTo(tile(source, "5/16/10.mvt").body());
    var gzipped = tile(archive, "5/16/10.pbf", "Accept-Encoding", "gzip");
    assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());
    String etag = gzipped.headers().firstValue("ETag").orElseThrow();
    assertThat(tile(archive, "5/16/10.mvt", "If-None-Match", etag).statusCode()).isEqualTo(304);

    assertThat(tile(archive, "5/0/0.mvt").statusCode()).isEqualTo(204);
    assertThat(tile(archive, "9/262/164.mvt").statusCode()).as("beyond the archive's max zoom").isEqualTo(204);
    var wrongExtension = tile(archive, "5/16/10.png");
    assertThat(wrongExtension.statusCode()).isEqualTo(400);
    assertThat(problem(wrongExtension).get("code").asString()).isEqualTo("unsupported_tile_format");

    JsonNode tileJson = admin.get("/api/layers/" + archive + "/tilejson.json").json();
    assertThat(tileJson.at("/tiles/0").asString()).contains("/api/layers/" + archive + "/tiles/{z}/{x}/{y}.mvt?v=");
    assertThat(tileJson.get("minzoom").asInt()).isZero();
    assertThat(tileJson.get("maxzoom").asInt()).isEqualTo(8);
    assertThat(tileJson.get("bounds").get(0).asDouble()).isEqualTo(2.5);
    assertThat(tileJson.get("bounds").get(3).asDouble()).isEqualTo(55.5);
    assertThat(tileJson.at("/vector_layers/0/id").asString()).isEqualTo("places");
  }

  @Test
  void aMissingArchiveOrOneOutsideTheFilesRootIsNotFound() throws IOException {
    String missing = layer("missing", "pmtiles", "{\"file\":\"nowhere/missing.pmtiles\"}");
    var response = tile(missing, "0/0/0.mvt");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(problem(response).get("code").asString()).isEqualTo("archive_not_found");
    assertThat(problem(response).get("location").asString()).isEqualTo("nowhere/missing.pmtiles");

    Path outside = Files.createTempDirectory("tessera-outside").resolve("secret.pmtiles");
    Files.write(outside, export(vectorLayer(), 0, 2));
    Files.createSymbolicLink(filesRoot.resolve("escape.pmtiles"), outside);
    String escape = layer("escape", "pmtiles", "{\"file\":\"escape.pmtiles\"}");
    var escaped = tile(escape, "0/0/0.mvt");
    assertThat(escaped.statusCode()).isEqualTo(404);
    assertThat(problem(escaped).get("code").asString()).isEqualTo("archive_not_found");
    assertThat(new String(escaped.body())).doesNotContain(outside.toString());

    var traversal =
        admin.post(
            "/api/layers", "{\"name\":\"t\",\"source_type\":\"pmtiles\",\"source_config\":{\"file\":\"../x.pmtiles\"}}");
    assertThat(traversal.status()).isEqualTo(400);
  }

  @Test
  void anMbtilesFileServesItsTilesWithRowsFlippedFromTms() throws Exception {
    String source = vectorLayer();
    byte[] raw = tile(source, "5/16/10.mvt").body();
    Path file = filesRoot.resolve("places.mbtiles");
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement ddl = db.createStatement()) {
      ddl.execute("CREATE TABLE metadata (name text, value text)");
      ddl.execute("CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob)");
      ddl.execute(
          """
          INSERT INTO metadata VALUES ('name', 'places'), ('format', 'pbf'), ('minzoom', '0'), ('maxzoom', '5'),
            ('bounds', '2.5,53.5,4.5,55.5'), ('json', '{"vector_layers":[{"id":"places","fields":{}}]}')""");
      try (PreparedStatement insert = db.prepareStatement("INSERT INTO tiles VALUES (?, ?, ?, ?)")) {
        insert.setInt(1, 5);
        insert.setInt(2, 16);
        insert.setInt(3, (1 << 5) - 1 - 10); // TMS row of XYZ row 10
        insert.setBytes(4, gzip(raw));
        insert.executeUpdate();
      }
    }
    String mbtiles = layer("mb", "pmtiles", "{\"file\":\"places.mbtiles\"}");
    var served = tile(mbtiles, "5/16/10.mvt");
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.body()).isEqualTo(raw);
    var gzipped = tile(mbtiles, "5/16/10.mvt", "Accept-Encoding", "gzip");
    assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(gunzip(gzipped.body())).isEqualTo(raw);
    assertThat(tile(mbtiles, "5/16/21.mvt").statusCode()).as("the unflipped row is empty").isEqualTo(204);
    assertThat(tile(mbtiles, "5/16/10.png").statusCode()).isEqualTo(400);
    JsonNode tileJson = admin.get("/api/layers/" + mbtiles + "/tilejson.json").json();
    assertThat(tileJson.get("maxzoom").asInt()).isEqualTo(5);
    assertThat(tileJson.at("/vector_layers/0/id").asString()).isEqualTo("places");
  }

  @Test
  void anArchiveOverHttpIsReadWithRangeRequestsFromAllowedNetworksOnly() throws IOException {
    String source = vectorLayer();
    byte[] archive = export(source, 0, 8);
    AtomicInteger ranges = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/tiles/places.pmtiles", exchange -> serveRange(exchange, archive, ranges));
    server.start();
    try {
      int port = server.getAddress().getPort();
      String remote = layer("remote", "pmtiles", "{\"url\":\"http://127.0.0.1:" + port + "/tiles/places.pmtiles\"}");
      var served = tile(remote, "5/16/10.mvt");
      assertThat(served.statusCode()).as(new String(served.body())).isEqualTo(200);
      assertThat(served.body()).isEqualTo(tile(source, "5/16/10.mvt").body());
      assertThat(ranges.get()).isPositive();
      assertThat(tile(remote, "5/0/0.mvt").statusCode()).isEqualTo(204);

      String refused = layer("ipv6", "pmtiles", "{\"url\":\"http://[::1]:" + port + "/tiles/places.pmtiles\"}");
      var response = tile(refused, "5/16/10.mvt");
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(problem(response).get("code").asString()).isEqualTo("outbound_not_allowed");
      String metadata = layer("imds", "pmtiles", "{\"url\":\"http://169.254.169.254/latest/x.pmtiles\"}");
      assertThat(problem(tile(metadata, "0/0/0.mvt")).get("code").asString()).isEqualTo("outbound_not_allowed");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void exportsCheckTheZoomRangeAndTheLayerType() {
    String source = vectorLayer();
    for (String query : new String[] {"minzoom=0&maxzoom=17", "minzoom=5&maxzoom=3", "minzoom=-1&maxzoom=3"}) {
      var response =
          send(admin.request("/api/layers/" + source + "/export.pmtiles?" + query).POST(HttpRequest.BodyPublishers.noBody()));
      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(problem(response).get("code").asString()).isEqualTo("invalid_zoom_range");
    }
    String archive = layer("not-vector", "pmtiles", "{\"file\":\"x.pmtiles\"}");
    var notVector =
        send(admin.request("/api/layers/" + archive + "/export.pmtiles").POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(notVector.statusCode()).isEqualTo(400);
  }

  /** A static file server with HEAD and single byte ranges, as object stores and CDNs answer. */
  static void serveRange(HttpExchange exchange, byte[] file, AtomicInteger ranges) throws IOException {
    exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
    exchange.getResponseHeaders().set("Content-Type", "application/vnd.pmtiles");
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(file.length));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
      return;
    }
    String range = exchange.getRequestHeaders().getFirst("Range");
    Matcher m = range == null ? null : Pattern.compile("bytes=(\\d+)-(\\d*)").matcher(range);
    if (m == null || !m.matches()) {
      exchange.sendResponseHeaders(200, file.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(file);
      }
      return;
    }
    ranges.incrementAndGet();
    int start = Integer.parseInt(m.group(1));
    int end = m.group(2).isEmpty() ? file.length - 1 : Math.min(file.length - 1, Integer.parseInt(m.group(2)));
    if (start >= file.length) {
      exchange.getResponseHeaders().set("Content-Range", "bytes */" + file.length);
      exchange.sendResponseHeaders(416, -1);
      exchange.close();
      return;
    }
    byte[] part = Arrays.copyOfRange(file, start, end + 1);
    exchange.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + file.length);
    exchange.sendResponseHeaders(206, part.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(part);
    }
  }

  static byte[] gzip(byte[] raw) throws IOException {
    var out = new ByteArrayOutputStream();
    try (var gzip = new GZIPOutputStream(out)) {
      gzip.write(raw);
    }
    return out.toByteArray();
  }

  static byte[] gunzip(byte[] gzipped) throws IOException {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return in.readAllBytes();
    }
  }
}
