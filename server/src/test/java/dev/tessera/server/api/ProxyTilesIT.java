package dev.tessera.server.api;

import static dev.tessera.server.api.ApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * WMS and WMTS layers through Tessera's tile endpoint against a fake map service on loopback (allowed for this test
 * only): what Tessera asks the service for (GetMap in EPSG:3857 for exactly the tile, GetTile by REST template or
 * KVP with the right matrix), time and dimensions, caching, and what it makes of failures — service exceptions,
 * missing tiles, capabilities without a WebMercatorQuad set, a capabilities document with an external entity.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProxyTilesIT {
  static final HttpServer upstream;
  /** Every request the fake service got: path, then query parameters (names upper-cased for WMS/WMTS KVP). */
  static final List<String> paths = new CopyOnWriteArrayList<>();
  static final List<Map<String, String>> queries = new CopyOnWriteArrayList<>();

  static {
    try {
      upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      upstream.createContext("/", ProxyTilesIT::answer);
      upstream.start();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stop() {
    upstream.stop(0);
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    registry.add("tessera.data-dir", () -> tempDir().toString());
    registry.add("tessera.outbound.allowed-networks", () -> "127.0.0.0/8");
    ApiIT.common(registry);
  }

  static java.nio.file.Path tempDir() {
    try {
      return Files.createTempDirectory("tessera-proxy-it");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String base() {
    return "http://127.0.0.1:" + upstream.getAddress().getPort();
  }

  /** The fake service. */
  static void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Map<String, String> query = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        query.merge(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8),
            (a, b) -> a + "|" + b); // a parameter sent twice shows as "a|b"
      }
    }
    paths.add(path);
    queries.add(query);
    if (path.equals("/wms") && "broken".equals(query.get("LAYERS"))) {
      send(exchange, 200, "application/vnd.ogc.se_xml", """
          <?xml version="1.0"?><ServiceExceptionReport version="1.3.0" xmlns="http://www.opengis.net/ogc">
          <ServiceException code="LayerNotDefined">Layer 'broken' is not defined</ServiceException>
          </ServiceExceptionReport>""".getBytes(StandardCharsets.UTF_8));
    } else if (path.equals("/wms") || path.startsWith("/wmts/tiles/") || path.equals("/wmts/kvp")
        || path.startsWith("/xyz/")) {
      if (path.endsWith("/9/9.png")) { // the WMTS service has no such tile
        send(exchange, 404, "text/plain", "no tile".getBytes(StandardCharsets.UTF_8));
        return;
      }
      int size = Integer.parseInt(query.getOrDefault("WIDTH", "256"));
      String layer = query.getOrDefault("LAYERS", "");
      send(exchange, 200, "image/png", layer.equals("geo") ? rows(size) : layer.equals("bomb") ? bomb() : png(size));
    } else if (path.equals("/wmts/WMTSCapabilities.xml")) {
      send(exchange, 200, "application/xml", capabilities().getBytes(StandardCharsets.UTF_8));
    } else if (path.equals("/wmts/xxe.xml")) {
      send(exchange, 200, "application/xml", """
          <?xml version="1.0"?>
          <!DOCTYPE Capabilities [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
          <Capabilities xmlns="http://www.opengis.net/wmts/1.0"><Contents>&secret;</Contents></Capabilities>"""
          .getBytes(StandardCharsets.UTF_8));
    } else {
      send(exchange, 404, "text/plain", new byte[0]);
    }
  }

  static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (var out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static byte[] png(int size) throws IOException {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    image.setRGB(0, 0, 0xFF336699);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** An image whose red channel is its row: where each pixel of a reprojected tile came from. */
  static byte[] rows(int size) throws IOException {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    for (int r = 0; r < size; r++) {
      for (int c = 0; c < size; c++) {
        image.setRGB(c, r, 0xFF000000 | (Math.min(r, 255) << 16));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** A PNG of a few dozen bytes whose header claims 100,000 × 100,000 pixels (40 GB decoded). */
  static byte[] bomb() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 137, 80, 78, 71, 13, 10, 26, 10});
    java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(13).putInt(100_000).putInt(100_000)
        .put(new byte[] {8, 6, 0, 0, 0});
    chunk(out, "IHDR", header.array());
    chunk(out, "IDAT", new byte[] {120, -100, 99, 0, 0, 0, 1, 0, 1});
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(type.getBytes(StandardCharsets.US_ASCII));
    crc.update(data);
    out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(data);
    out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** Three layers: a REST one with a Time dimension, one offered only by KVP, one only in a UTM tile matrix set. */
  static String capabilities() {
    StringBuilder matrices = new StringBuilder();
    for (int z = 0; z <= 5; z++) {
      double topLeft = 20037508.3427892;
      matrices.append("""
          <TileMatrix><ows:Identifier>EPSG:3857:%d</ows:Identifier><ScaleDenominator>%s</ScaleDenominator>
          <TopLeftCorner>%s %s</TopLeftCorner><TileWidth>256</TileWidth><TileHeight>256</TileHeight>
          <MatrixWidth>%d</MatrixWidth><MatrixHeight>%d</MatrixHeight></TileMatrix>"""
          .formatted(z, 559082264.0287178 / (1 << z), -topLeft, topLeft, 1 << z, 1 << z));
    }
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1"
            xmlns:xlink="http://www.w3.org/1999/xlink" version="1.0.0">
         <ows:OperationsMetadata><ows:Operation name="GetTile"><ows:DCP><ows:HTTP>
           <ows:Get xlink:href="%1$s/wmts/kvp?"/></ows:HTTP></ows:DCP></ows:Operation></ows:OperationsMetadata>
         <Contents>
          <Layer><ows:Identifier>roads</ows:Identifier>
           <ows:WGS84BoundingBox><ows:LowerCorner>-10 40</ows:LowerCorner><ows:UpperCorner>30 60</ows:UpperCorner></ows:WGS84BoundingBox>
           <Style isDefault="true"><ows:Identifier>night</ows:Identifier></Style><Format>image/png</Format>
           <Dimension><ows:Identifier>Time</ows:Identifier><Default>2024-06-01</Default><Value>2024-06-01</Value></Dimension>
           <TileMatrixSetLink><TileMatrixSet>UTM32</TileMatrixSet></TileMatrixSetLink>
           <TileMatrixSetLink><TileMatrixSet>GoogleMapsCompatible</TileMatrixSet></TileMatrixSetLink>
           <ResourceURL format="image/png" resourceType="tile"
             template="%1$s/wmts/tiles/roads/{Style}/{Time}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png"/>
          </Layer>
          <Layer><ows:Identifier>kvp</ows:Identifier><Format>image/png</Format>
           <TileMatrixSetLink><TileMatrixSet>GoogleMapsCompatible</TileMatrixSet></TileMatrixSetLink></Layer>
          <Layer><ows:Identifier>utm-only</ows:Identifier><Format>image/png</Format>
           <TileMatrixSetLink><TileMatrixSet>UTM32</TileMatrixSet></TileMatrixSetLink></Layer>
          <TileMatrixSet><ows:Identifier>GoogleMapsCompatible</ows:Identifier>
           <ows:SupportedCRS>urn:ogc:def:crs:EPSG::3857</ows:SupportedCRS>%2$s</TileMatrixSet>
          <TileMatrixSet><ows:Identifier>UTM32</ows:Identifier><ows:SupportedCRS>urn:ogc:def:crs:EPSG::25832</ows:SupportedCRS>
           <TileMatrix><ows:Identifier>0</ows:Identifier><ScaleDenominator>1000000</ScaleDenominator>
           <TopLeftCorner>200000 6200000</TopLeftCorner><TileWidth>256</TileWidth><TileHeight>256</TileHeight>
           <MatrixWidth>4</MatrixWidth><MatrixHeight>4</MatrixHeight></TileMatrix></TileMatrixSet>
         </Contents>
        </Capabilities>""".formatted(base(), matrices);
  }

  @LocalServerPort int port;
  ApiClient admin;

  @BeforeEach
  void client() {
    admin = new ApiClient(port, ApiIT.ADMIN_TOKEN);
  }

  String layer(String type, String config) {
    var r = admin.post("/api/layers", "{\"name\":\"remote\",\"source_type\":\"" + type + "\",\"source_config\":" + config + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asString();
  }

  HttpResponse<byte[]> tile(String layer, String path) {
    try {
      return HttpClient.newHttpClient().send(admin.request("/api/layers/" + layer + "/tiles/" + path).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The query of the last request the service got. */
  static Map<String, String> lastQuery() {
    return queries.getLast();
  }

  @Test
  void aWmsTileIsOneGetMapOfExactlyThatTileInWebMercatorAndIsCached() throws IOException {
    String id = layer("wms", "{\"url\":\"" + base() + "/wms?map=/maps/sea.map&SERVICE=WMS&request=GetCapabilities\","
        + "\"layers\":\"sst,coast\",\"version\":\"1.3.0\",\"styles\":\"\",\"dimensions\":{\"ELEVATION\":\"0\"}}");
    var first = tile(id, "3/4/2.png");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type")).contains("image/png");
    assertThat(ImageIO.read(new ByteArrayInputStream(first.body())).getRGB(0, 0)).isEqualTo(0xFF336699);
    Map<String, String> q = lastQuery();
    assertThat(q).containsEntry("map", "/maps/sea.map").containsEntry("SERVICE", "WMS").containsEntry("REQUEST", "GetMap")
        .containsEntry("VERSION", "1.3.0").containsEntry("LAYERS", "sst,coast").containsEntry("CRS", "EPSG:3857")
        .containsEntry("WIDTH", "256").containsEntry("HEIGHT", "256").containsEntry("FORMAT", "image/png")
        .containsEntry("TRANSPARENT", "TRUE").containsEntry("ELEVATION", "0").doesNotContainKey("request");
    // tile 3/4/2: x from 0 to a quarter of the world east, y from a quarter to half of it north
    double quarter = 2 * Math.PI * 6378137.0 / 8;
    double[] bbox = java.util.Arrays.stream(q.get("BBOX").split(",")).mapToDouble(Double::parseDouble).toArray();
    assertThat(bbox).containsExactly(new double[] {0, quarter, quarter, 2 * quarter},
        org.assertj.core.data.Offset.offset(0.01));

    int requests = queries.size();
    assertThat(tile(id, "3/4/2.png").statusCode()).isEqualTo(200);
    assertThat(queries).as("the second request is served from the cache").hasSize(requests);

    assertThat(tile(id, "3/4/2@2x.png").statusCode()).isEqualTo(200);
    assertThat(lastQuery()).containsEntry("WIDTH", "512");
    assertThat(tile(id, "3/4/2.jpg").headers().firstValue("Content-Type")).contains("image/jpeg");
    assertThat(lastQuery()).containsEntry("FORMAT", "image/jpeg").containsEntry("TRANSPARENT", "FALSE");
    assertThat(tile(id, "3/4/2.png?v=1&foo=1").statusCode()).isEqualTo(400);
    assertThat(tile(id, "3/4/2.mvt").statusCode()).isEqualTo(400);

    String old = layer("wms", "{\"url\":\"" + base() + "/wms\",\"layers\":\"sst\",\"version\":\"1.1.1\"}");
    assertThat(tile(old, "0/0/0.png").statusCode()).isEqualTo(200);
    assertThat(lastQuery()).containsEntry("SRS", "EPSG:3857").doesNotContainKey("CRS").containsEntry("VERSION", "1.1.1");
  }

  @Test
  void aServiceWithoutWebMercatorIsAskedInDegreesInItsAxisOrderAndReprojected() throws IOException {
    String id = layer("wms", "{\"url\":\"" + base() + "/wms\",\"layers\":\"geo\",\"crs\":\"EPSG:4326\"}");
    var tile = tile(id, "2/2/1.png"); // lon 0…90°, lat 0…66.51°
    assertThat(tile.statusCode()).isEqualTo(200);
    double north = dev.tessera.engine.tile.WebMercator.lat(0.25);
    // WMS 1.3.0 and EPSG:4326: latitude first
    assertThat(lastQuery()).containsEntry("CRS", "EPSG:4326");
    assertThat(numbers(lastQuery().get("BBOX"))).containsExactly(new double[] {0, 0, north, 90},
        org.assertj.core.data.Offset.offset(1e-8));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(tile.body()));
    for (int row = 0; row < 256; row += 17) {
      double lat = dev.tessera.engine.tile.WebMercator.lat((1 + (row + 0.5) / 256) / 4);
      double source = Math.max(0, Math.min(255, (north - lat) / north * 256 - 0.5));
      assertThat((double) ((image.getRGB(128, row) >>> 16) & 0xFF)).as("row %d at %.3f°", row, lat)
          .isCloseTo(source, org.assertj.core.data.Offset.offset(0.51));
    }

    String old = layer("wms", "{\"url\":\"" + base() + "/wms\",\"layers\":\"geo\",\"crs\":\"EPSG:4326\",\"version\":\"1.1.1\"}");
    assertThat(tile(old, "2/2/1.png").statusCode()).isEqualTo(200);
    assertThat(lastQuery()).containsEntry("SRS", "EPSG:4326");
    assertThat(numbers(lastQuery().get("BBOX"))).as("1.1.1: longitude first")
        .containsExactly(new double[] {0, 0, 90, north}, org.assertj.core.data.Offset.offset(1e-8));
    String crs84 = layer("wms", "{\"url\":\"" + base() + "/wms\",\"layers\":\"geo\",\"crs\":\"CRS:84\"}");
    assertThat(tile(crs84, "2/2/1.png").statusCode()).isEqualTo(200);
    assertThat(lastQuery()).containsEntry("CRS", "CRS:84");
    assertThat(numbers(lastQuery().get("BBOX"))).containsExactly(new double[] {0, 0, 90, north},
        org.assertj.core.data.Offset.offset(1e-8));
    assertProblem(admin.post("/api/layers", """
        {"name":"x","source_type":"wms","source_config":{"url":"https://x.org/wms","layers":"a","crs":"EPSG:2056"}}"""),
        400, "invalid_field");

    String bomb = layer("wms", "{\"url\":\"" + base() + "/wms\",\"layers\":\"bomb\",\"crs\":\"EPSG:4326\"}");
    var refused = admin.get("/api/layers/" + bomb + "/tiles/2/2/1.png");
    assertProblem(refused, 502, "upstream_error");
    assertThat(refused.json().path("detail").asString()).contains("100000 × 100000");
  }

  static double[] numbers(String csv) {
    return java.util.Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
  }

  @Test
  void aTemporalWmsLayerSendsTheRequestedTimeSnappedToItsResolution() {
    String id = layer("wms", "{\"url\":\"" + base() + "/wms\",\"layers\":\"chl\",\"temporal\":{\"enabled\":true,"
        + "\"start\":\"2024-01-01\",\"end\":\"2024-12-31\",\"resolution\":\"monthly\"}}");
    assertThat(tile(id, "2/1/1.png?time=2024-03-17").statusCode()).isEqualTo(200);
    assertThat(lastQuery()).containsEntry("TIME", "2024-03-01");
    assertThat(tile(id, "2/1/1.png").statusCode()).isEqualTo(200);
    assertThat(lastQuery()).as("without time: the end").containsEntry("TIME", "2024-12-01");
    assertProblem(admin.get("/api/layers/" + id + "/tiles/2/1/1.png?time=2025-02"), 400, "invalid_time");
    assertProblem(admin.get("/api/layers/" + id + "/tiles/2/1/1.png?time=soon"), 400, "invalid_time");

    String hourly = layer("wms", "{\"url\":\"" + base() + "/wms\",\"layers\":\"wind\",\"temporal\":{\"enabled\":true,"
        + "\"parameter\":\"time\",\"start\":\"2024-01-01T00:00:00Z\",\"end\":\"2024-01-02T00:00:00Z\",\"resolution\":\"hourly\"}}");
    assertThat(tile(hourly, "2/1/1.png?time=2024-01-01T06:40:00Z").statusCode()).isEqualTo(200);
    assertThat(lastQuery()).containsEntry("TIME", "2024-01-01T06:00:00Z");

    String still = layer("wms", "{\"url\":\"" + base() + "/wms\",\"layers\":\"sst\"}");
    assertProblem(admin.get("/api/layers/" + still + "/tiles/2/1/1.png?time=2024-03"), 400, "invalid_time");
  }

  @Test
  void aServiceExceptionIsA502InTheServicesWordsAndIsNotCached() {
    String withSecrets = base().replace("http://", "http://user:s3cret@") + "/wms?apikey=s3cret";
    String id = layer("wms", "{\"url\":\"" + withSecrets + "\",\"layers\":\"broken\"}");
    var r = admin.get("/api/layers/" + id + "/tiles/1/0/0.png");
    assertProblem(r, 502, "upstream_error");
    assertThat(r.json().path("detail").asString()).contains("LayerNotDefined").contains("Layer 'broken' is not defined");
    assertThat(r.body()).as("no credentials from the layer's URL in the answer").doesNotContain("s3cret");
    int requests = queries.size();
    assertProblem(admin.get("/api/layers/" + id + "/tiles/1/0/0.png"), 502, "upstream_error");
    assertThat(queries).as("a failure is asked again, not cached").hasSize(requests + 1);
  }

  @Test
  void aServiceOnAnInternalAddressIsNotAskedUnlessItsNetworkIsAllowed() {
    String id = layer("wms", "{\"url\":\"http://10.20.30.40/wms\",\"layers\":\"x\"}");
    assertProblem(admin.get("/api/layers/" + id + "/tiles/1/0/0.png"), 403, "outbound_not_allowed");
    String metadata = layer("wmts", "{\"urlTemplate\":\"http://169.254.169.254/latest/{z}/{x}/{y}.png\"}");
    assertProblem(admin.get("/api/layers/" + metadata + "/tiles/1/0/0.png"), 403, "outbound_not_allowed");
  }

  @Test
  void aWmtsLayerFromCapabilitiesFetchesItsWebMercatorMatrixByTemplate() {
    String id = layer("wmts", "{\"url\":\"" + base() + "/wmts/WMTSCapabilities.xml\",\"layer\":\"roads\"}");
    assertThat(tile(id, "2/1/3.png").statusCode()).isEqualTo(200);
    assertThat(paths.getLast()).isEqualTo("/wmts/tiles/roads/night/2024-06-01/GoogleMapsCompatible/EPSG:3857:2/3/1.png");
    assertThat(tile(id, "2/1/3.png?time=2024-07-01").statusCode()).isEqualTo(200);
    assertThat(paths.getLast()).contains("/2024-07-01/");

    int requests = queries.size();
    assertThat(tile(id, "6/1/1.png").statusCode()).as("zoom 6: the set stops at 5").isEqualTo(204);
    assertThat(queries).as("no request for a zoom the set lacks").hasSize(requests);
    assertThat(tile(id, "4/9/9.png").statusCode()).as("the service has no such tile").isEqualTo(204);

    JsonNode tileJson = admin.get("/api/layers/" + id + "/tilejson.json").json();
    assertThat(tileJson.path("maxzoom").asInt()).isEqualTo(5);
    assertThat(tileJson.path("bounds").get(0).asDouble()).isEqualTo(-10);
  }

  @Test
  void aWmtsLayerWithoutResourceUrlsIsAskedByKvpAndATemplateLayerByItsTemplate() {
    String kvp = layer("wmts", "{\"url\":\"" + base() + "/wmts/WMTSCapabilities.xml\",\"layer\":\"kvp\"}");
    assertThat(tile(kvp, "3/2/1.png").statusCode()).isEqualTo(200);
    assertThat(lastQuery()).containsEntry("SERVICE", "WMTS").containsEntry("REQUEST", "GetTile")
        .containsEntry("LAYER", "kvp").containsEntry("TILEMATRIXSET", "GoogleMapsCompatible")
        .containsEntry("TILEMATRIX", "EPSG:3857:3").containsEntry("TILEROW", "1").containsEntry("TILECOL", "2");

    String xyz = layer("wmts", "{\"urlTemplate\":\"" + base() + "/xyz/{z}/{x}/{y}.png\"}");
    assertThat(tile(xyz, "7/66/43.png").statusCode()).isEqualTo(200);
    assertThat(paths.getLast()).isEqualTo("/xyz/7/66/43.png");
  }

  @Test
  void capabilitiesWithoutAWebMercatorSetOrWithAnExternalEntityAreRefused() {
    String utm = layer("wmts", "{\"url\":\"" + base() + "/wmts/WMTSCapabilities.xml\",\"layer\":\"utm-only\"}");
    var r = admin.get("/api/layers/" + utm + "/tiles/1/0/0.png");
    assertProblem(r, 502, "upstream_error");
    assertThat(r.json().path("detail").asString()).contains("WebMercatorQuad").contains("UTM32");

    String missing = layer("wmts", "{\"url\":\"" + base() + "/wmts/WMTSCapabilities.xml\",\"layer\":\"rivers\"}");
    assertThat(admin.get("/api/layers/" + missing + "/tiles/1/0/0.png").json().path("detail").asString())
        .contains("no layer 'rivers'").contains("roads");

    String xxe = layer("wmts", "{\"url\":\"" + base() + "/wmts/xxe.xml\",\"layer\":\"roads\"}");
    var refused = admin.get("/api/layers/" + xxe + "/tiles/1/0/0.png");
    assertProblem(refused, 502, "upstream_error");
    assertThat(refused.json().path("detail").asString()).as("refused at its document type declaration")
        .contains("DOCTYPE");
    assertThat(refused.body()).doesNotContain("root:");
  }

  @Test
  void aMapStyleAsksJpegLayersForJpegTiles() {
    String jpeg = layer("wms", "{\"url\":\"" + base() + "/wms\",\"layers\":\"photo\",\"format\":\"image/jpeg\"}");
    String map = admin.post("/api/maps", "{\"name\":\"Remote\"}").json().get("id").asString();
    admin.post("/api/maps/" + map + "/layers", "{\"layer_id\":\"" + jpeg + "\"}");
    JsonNode style = admin.get("/api/maps/" + map + "/style.json").json();
    String url = style.at("/sources/layer-" + jpeg + "/tiles/0").asString();
    assertThat(url).contains("/api/layers/" + jpeg + "/tiles/{z}/{x}/{y}.jpg?v=");
    assertThat(tile(jpeg, "1/1/0.jpg").headers().firstValue("Content-Type")).contains("image/jpeg");
    assertThat(lastQuery()).containsEntry("FORMAT", "image/jpeg");
  }
}
