package dev.tessera.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.engine.tile.WebMercator;
import dev.tessera.server.testing.Eventually;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Raster tiles from COGs end to end, with GDAL as the oracle: COGs written by {@code gdal_translate -of COG} in
 * several compressions, data types and CRSs (EPSG:4326, UTM, LAEA, polar stereographic, Web Mercator) are served through the HTTP API and every tile is compared pixel by
 * pixel with {@code gdalwarp} of the same WebMercatorQuad window (exact transforms, {@code -et 0}): nearest must
 * match exactly wherever both have data, bilinear and cubic within 1 DN on average. Statistics and point values are
 * compared with {@code gdalinfo -stats} and {@code gdallocationinfo}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RasterTilesIT {
  static final String ADMIN_TOKEN = "tsr_raster-test-admin-token-00";
  static final Path dir;
  static final Path filesRoot;
  static final Path work;

  /** A fake S3 endpoint (path-style GET with Range, HEAD) serving bucket "cogs" from the files root. */
  static final com.sun.net.httpserver.HttpServer s3;
  static final java.util.concurrent.atomic.AtomicInteger s3Ranges = new java.util.concurrent.atomic.AtomicInteger();

  static {
    try {
      dir = Files.createTempDirectory("tessera-raster-it");
      filesRoot = Files.createDirectories(dir.resolve("files"));
      work = Files.createDirectories(dir.resolve("work"));
      s3 = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
      s3.createContext("/cogs/", exchange -> {
        Path file = filesRoot.resolve(exchange.getRequestURI().getPath().substring("/cogs/".length()));
        if (!Files.isRegularFile(file)) {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
          return;
        }
        ArchivesIT.serveRange(exchange, Files.readAllBytes(file), s3Ranges);
      });
      s3.start();
      // the AWS SDK's default chains read these: any credentials do for the fake endpoint
      System.setProperty("aws.accessKeyId", "test-access-key");
      System.setProperty("aws.secretAccessKey", "test-secret-key");
      System.setProperty("aws.region", "eu-west-1");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("tessera.data-dir", dir::toString);
    registry.add("tessera.files-root", filesRoot::toString);
    registry.add("tessera.admin.token", () -> ADMIN_TOKEN);
    registry.add("tessera.outbound.allowed-networks", () -> "127.0.0.0/8");
    registry.add("tessera.cogs.s3-endpoint", () -> "http://127.0.0.1:" + s3.getAddress().getPort());
  }

  /** The test rasters: name, GDAL data type, CRS, corners, nodata, creation options, the DN range shown. */
  @BeforeAll
  static void cogs() throws IOException {
    GdalOracle.require();
    // uint8, EPSG:4326, DEFLATE, 128 px internal tiles and overviews
    Path u8 = GdalOracle.raw(work, "u8", 512, 512, 1, 1, (b, x, y) -> (x * 7 + y * 3 + (x * y) % 17) % 256);
    GdalOracle.cog(u8, filesRoot.resolve("u8-deflate-4326.tif"), "EPSG:4326", new double[] {10, 51, 11, 50}, null,
        "COMPRESS=DEFLATE", "BLOCKSIZE=128");
    // int16, UTM 32N, LZW with horizontal predictor, nodata block in a corner
    Path i16 = GdalOracle.raw(work, "i16", 512, 512, 1, 2,
        (b, x, y) -> x < 64 && y < 64 ? -9999 : (x - 256) * 3 + (y - 256) * 5 + (x * y) % 23);
    GdalOracle.cog(i16, filesRoot.resolve("i16-lzw-utm.tif"), "EPSG:32632",
        new double[] {500000, 5600000, 525600, 5574400}, "-9999", "COMPRESS=LZW", "PREDICTOR=2", "BLOCKSIZE=256");
    // float32, ETRS89-LAEA (EPSG:3035), ZSTD with the floating-point predictor
    Path f32 = GdalOracle.raw(work, "f32", 512, 512, 1, 4,
        (b, x, y) -> Math.sin(x / 23.0) * 40 + Math.cos(y / 31.0) * 30 + x * 0.05);
    GdalOracle.cog(f32, filesRoot.resolve("f32-zstd-3035.tif"), "EPSG:3035",
        new double[] {4000000, 3200000, 4051200, 3148800}, null, "COMPRESS=ZSTD", "PREDICTOR=3", "BLOCKSIZE=256");
    // three uint16 bands, PACKBITS, EPSG:3857
    Path u16 = GdalOracle.raw(work, "u16", 512, 512, 3, 12, (b, x, y) -> (x * (b + 1) * 3 + y * 2) % 1000);
    GdalOracle.cog(u16, filesRoot.resolve("u16-packbits-3857.tif"), "EPSG:3857",
        new double[] {1113194.9, 6446275.8, 1163194.9, 6396275.8}, null, "COMPRESS=PACKBITS", "BLOCKSIZE=256");
    // uint8, NSIDC polar stereographic north (EPSG:3413), off east Greenland, 1 km pixels
    GdalOracle.cog(u8, filesRoot.resolve("u8-polar-3413.tif"), "EPSG:3413",
        new double[] {100000, -1500000, 612000, -2012000}, null, "COMPRESS=DEFLATE", "BLOCKSIZE=256");
    // uint8, EPSG:4326 across the antimeridian (170°…190°), and the same pixels at −190°…−170° for gdalwarp, which
    // does not wrap longitudes: tiles west of ±180° are checked against the first, tiles east of it the second
    GdalOracle.cog(u8, filesRoot.resolve("u8-antimeridian-4326.tif"), "EPSG:4326", new double[] {170, 10, 190, -10},
        null, "COMPRESS=DEFLATE", "BLOCKSIZE=128");
    GdalOracle.cog(u8, work.resolve("u8-antimeridian-west.tif"), "EPSG:4326", new double[] {-190, 10, -170, -10},
        null, "COMPRESS=DEFLATE", "BLOCKSIZE=128");
    // uint8, UTM 60S (EPSG:32760) across the antimeridian over Fiji (178.9°E…178.7°W): a projected CRS, whose
    // longitudes gdalwarp wraps itself
    GdalOracle.cog(u8, filesRoot.resolve("u8-antimeridian-utm.tif"), "EPSG:32760",
        new double[] {700000, 8200000, 956000, 7944000}, null, "COMPRESS=DEFLATE", "BLOCKSIZE=128");
    // a whole world in EPSG:4326, −180…180°, and the same pixels rolled by half a turn to 0…360°
    GdalOracle.cog(GdalOracle.raw(work, "world", 512, 256, 1, 1, (b, x, y) -> (x * 5 + y * 11 + x * y % 7) % 251),
        filesRoot.resolve("world-4326.tif"), "EPSG:4326", new double[] {-180, 90, 180, -90}, null, "COMPRESS=DEFLATE");
    GdalOracle.cog(GdalOracle.raw(work, "world-0-360", 512, 256, 1, 1,
            (b, x, y) -> ((x + 256) % 512 * 5 + y * 11 + (x + 256) % 512 * y % 7) % 251),
        filesRoot.resolve("world-0-360.tif"), "EPSG:4326", new double[] {0, 90, 360, -90}, null, "COMPRESS=DEFLATE");
    // the remaining sample types: int8 (GTiff with SampleFormat 2, which GDAL 3.6's COG driver cannot write),
    // uint32 and int32 beyond float32's exact range, float64; UTM 32N and EPSG:4326
    Path i8 = GdalOracle.raw(work, "i8", 512, 512, 1, 1, (b, x, y) -> (x / 2 + y) % 256 - 128);
    GdalOracle.tiff(i8, filesRoot.resolve("i8-deflate-utm.tif"), "EPSG:32632",
        new double[] {500000, 5600000, 525600, 5574400}, "COMPRESS=DEFLATE", "PIXELTYPE=SIGNEDBYTE",
        "BLOCKXSIZE=128", "BLOCKYSIZE=128");
    Path u32 = GdalOracle.raw(work, "u32", 512, 512, 1, 13, (b, x, y) -> 3_000_000_000L + x * 1000L + y * 3L);
    GdalOracle.cog(u32, filesRoot.resolve("u32-lzw-utm.tif"), "EPSG:32632",
        new double[] {500000, 5600000, 525600, 5574400}, null, "COMPRESS=LZW", "PREDICTOR=2", "BLOCKSIZE=256");
    Path i32 = GdalOracle.raw(work, "i32", 512, 512, 1, 3, (b, x, y) -> -2_000_000_000L + x * 997L + y * 13L);
    GdalOracle.cog(i32, filesRoot.resolve("i32-zstd-4326.tif"), "EPSG:4326", new double[] {10, 51, 11, 50}, null,
        "COMPRESS=ZSTD", "BLOCKSIZE=256");
    Path f64 = GdalOracle.raw(work, "f64", 512, 512, 1, 5,
        (b, x, y) -> Math.sin(x / 17.0) * Math.cos(y / 13.0) + x * 1e-9);
    GdalOracle.cog(f64, filesRoot.resolve("f64-deflate-4326.tif"), "EPSG:4326", new double[] {10, 51, 11, 50}, null,
        "COMPRESS=DEFLATE", "PREDICTOR=3", "BLOCKSIZE=256");
    // RGB uint8, JPEG (YCbCr), UTM 33N
    Path rgb = GdalOracle.raw(work, "rgb", 512, 512, 3, 1,
        (b, x, y) -> b == 0 ? x / 2 : b == 1 ? y / 2 : 128 + (int) (60 * Math.sin((x + y) / 40.0)));
    GdalOracle.cog(rgb, filesRoot.resolve("rgb-jpeg-utm.tif"), "EPSG:32633",
        new double[] {400000, 5500000, 425600, 5474400}, null, "COMPRESS=JPEG", "QUALITY=90", "BLOCKSIZE=256");
  }

  @LocalServerPort int port;
  ApiClient admin;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void client() {
    admin = new ApiClient(port, ADMIN_TOKEN);
  }

  String layer(String sourceConfig) {
    var created = admin.post("/api/layers",
        "{\"name\":\"cog\",\"source_type\":\"geotiff\",\"source_config\":" + sourceConfig + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  HttpResponse<byte[]> get(String path) {
    try {
      return http.send(admin.request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@link #argb} for use in a lambda. */
  static int[] argbOf(HttpResponse<byte[]> response) {
    try {
      return argb(response);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static int[] argb(HttpResponse<byte[]> response) throws IOException {
    assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  /** GDAL's value shown as Tessera shows it with rescale=min,max (or as is for uint8 without rescale). */
  static int expected(double v, double min, double max) {
    double scaled = (v - min) / (max - min) * 255.0;
    return (int) Math.round(Math.max(0, Math.min(255, scaled)));
  }

  record Comparison(int both, int mismatches, double meanAbsDiff, int validityDisagreements) {}

  /** Compares one rendered tile with gdalwarp's, channel {@code channel} of the ARGB image against GDAL band. */
  Comparison compare(String file, String params, int z, double lon, double lat, String resampling, int band,
      int channel, double min, double max) throws IOException {
    return compare(file, filesRoot.resolve(file), params, z, lon, lat, resampling, band, channel, min, max);
  }

  /** As above, gdalwarp reading {@code oracle} (the same pixels as {@code file}). */
  Comparison compare(String file, Path oracle, String params, int z, double lon, double lat, String resampling,
      int band, int channel, double min, double max) throws IOException {
    int[] xy = GdalOracle.tileAt(lon, lat, z);
    String id = layer("{\"url\":\"file:" + file + "\"}");
    String query = "?resampling=" + resampling + (params.isEmpty() ? "" : "&" + params);
    int[] tessera = argb(get("/api/layers/" + id + "/tiles/" + z + "/" + xy[0] + "/" + xy[1] + ".png" + query));
    double[][] gdal = GdalOracle.warp(oracle, z, xy[0], xy[1], 256,
        resampling.equals("nearest") ? "near" : resampling, work);
    double[] alpha = gdal[gdal.length - 1];
    int both = 0;
    int mismatches = 0;
    int disagreements = 0;
    double diff = 0;
    for (int i = 0; i < tessera.length; i++) {
      boolean ours = (tessera[i] >>> 24) != 0;
      boolean theirs = alpha[i] > 0;
      if (ours != theirs) {
        disagreements++;
      }
      if (!ours || !theirs) {
        continue;
      }
      both++;
      int value = (tessera[i] >>> (16 - 8 * channel)) & 0xFF;
      int want = expected(gdal[band][i], min, max);
      if (value != want) {
        mismatches++;
      }
      diff += Math.abs(value - want);
    }
    return new Comparison(both, mismatches, both == 0 ? 0 : diff / both, disagreements);
  }

  /** Longitude/latitude of the raster's centre, as gdalinfo reports it. */
  static double[] centre(String file) {
    JsonNode gdal = ApiClient.JSON.readTree(GdalOracle.run(List.of("gdalinfo", "-json",
        filesRoot.resolve(file).toString())));
    JsonNode c = gdal.path("cornerCoordinates").path("center");
    double[] xy = {c.get(0).asDouble(), c.get(1).asDouble()};
    int epsg = gdal.path("stac").path("proj:epsg").asInt(4326);
    if (epsg != 4326) {
      double[] xs = {xy[0]};
      double[] ys = {xy[1]};
      dev.tessera.engine.proj.PointProjection.toWgs84(epsg).transform(xs, ys, 1);
      return new double[] {xs[0], ys[0]};
    }
    return xy;
  }

  @ParameterizedTest(name = "{0} {1} z{6}")
  @CsvSource({
    "u8-deflate-4326.tif, '', 0, 0, 0, 255, 11",
    "u8-deflate-4326.tif, '', 0, 0, 0, 255, 10",
    "u8-deflate-4326.tif, '', 0, 0, 0, 255, 8",
    "u8-deflate-4326.tif, '', 0, 0, 0, 255, 7",
    "i16-lzw-utm.tif, 'rescale=-1500,1500', 0, 0, -1500, 1500, 13",
    "i16-lzw-utm.tif, 'rescale=-1500,1500', 0, 0, -1500, 1500, 12",
    "i16-lzw-utm.tif, 'rescale=-1500,1500', 0, 0, -1500, 1500, 10",
    "f32-zstd-3035.tif, 'rescale=-80,100', 0, 0, -80, 100, 13",
    "f32-zstd-3035.tif, 'rescale=-80,100', 0, 0, -80, 100, 11",
    "u8-polar-3413.tif, '', 0, 0, 0, 255, 7",
    "u8-polar-3413.tif, '', 0, 0, 0, 255, 5",
    "u16-packbits-3857.tif, 'bidx=1,2,3&rescale=0,1000', 0, 0, 0, 1000, 12",
    "u16-packbits-3857.tif, 'bidx=1,2,3&rescale=0,1000', 2, 2, 0, 1000, 12",
  })
  void nearestTilesMatchGdalwarpExactlyWhereBothHaveData(String file, String params, int band, int channel,
      double min, double max, int z) throws IOException {
    double[] centre = centre(file);
    Comparison c = compare(file, params, z, centre[0], centre[1], "nearest", band, channel, min, max);
    assertThat(c.both()).as("pixels with data in both").isGreaterThan(1000);
    assertThat(c.mismatches()).as("pixels differing from gdalwarp (%s)", c).isZero();
    assertThat(c.validityDisagreements()).as("edge pixels where only one has data").isLessThan(256 * 2);
  }

  @ParameterizedTest(name = "{0} z{4}")
  @CsvSource({
    "i8-deflate-utm.tif, 'rescale=-128,127', -128, 127, 12",
    "u32-lzw-utm.tif, 'rescale=3000000000,3000513000', 3000000000, 3000513000, 12",
    "u32-lzw-utm.tif, 'rescale=3000000000,3000513000', 3000000000, 3000513000, 10",
    "i32-zstd-4326.tif, 'rescale=-2000000000,-1999483000', -2000000000, -1999483000, 11",
    "f64-deflate-4326.tif, 'rescale=-1,1', -1, 1, 11",
    "f64-deflate-4326.tif, 'rescale=-1,1', -1, 1, 9",
  })
  void nearestTilesOfEverySampleTypeMatchGdalwarpExactly(String file, String params, double min, double max, int z)
      throws IOException {
    double[] centre = centre(file);
    int[] xy = GdalOracle.tileAt(centre[0], centre[1], z);
    String id = layer("{\"url\":\"file:" + file + "\"}");
    int[] tessera = argb(get("/api/layers/" + id + "/tiles/" + z + "/" + xy[0] + "/" + xy[1] + ".png?" + params));
    double[][] gdal = GdalOracle.warp(filesRoot.resolve(file), z, xy[0], xy[1], 256, "near", work);
    int both = 0;
    int mismatches = 0;
    for (int i = 0; i < tessera.length; i++) {
      if ((tessera[i] >>> 24) != 0 && gdal[1][i] > 0) {
        both++;
        if ((tessera[i] & 0xFF) != expected(signed(file, gdal[0][i]), min, max)) {
          mismatches++;
        }
      }
    }
    assertThat(both).isGreaterThan(1000);
    assertThat(mismatches).as("pixels differing from gdalwarp of %d", both).isZero();
    // and a value at a point, to full precision
    String value = GdalOracle.run(List.of("gdallocationinfo", "-valonly", "-wgs84",
        filesRoot.resolve(file).toString(), String.valueOf(centre[0]), String.valueOf(centre[1]))).strip();
    JsonNode point = admin.get("/api/layers/" + id + "/point?lon=" + centre[0] + "&lat=" + centre[1]).json();
    assertThat(point.path("values").get(0).asDouble()).as(point.toString())
        .isCloseTo(signed(file, Double.parseDouble(value)), org.assertj.core.data.Offset.offset(1e-12));
  }

  /** GDAL 3.6 reads int8 (SIGNEDBYTE) as unsigned bytes; the file holds two's complement. */
  static double signed(String file, double gdalValue) {
    return file.startsWith("i8") && gdalValue > 127 ? gdalValue - 256 : gdalValue;
  }

  @ParameterizedTest(name = "lon {0} z{2}")
  @CsvSource({
    "179.5, u8-antimeridian-4326.tif, 7",
    "-179.5, u8-antimeridian-west.tif, 7",
    "-172, u8-antimeridian-west.tif, 9",
    "175, u8-antimeridian-4326.tif, 3",
    "-175, u8-antimeridian-west.tif, 3",
  })
  void aRasterAcrossTheAntimeridianRendersOnBothSidesAsGdalwarpDoes(double lon, String oracle, int z)
      throws IOException {
    Path oracleFile = oracle.equals("u8-antimeridian-4326.tif") ? filesRoot.resolve(oracle) : work.resolve(oracle);
    Comparison c = compare("u8-antimeridian-4326.tif", oracleFile, "", z, lon, 0.5, "nearest", 0, 0, 0, 255);
    assertThat(c.both()).as("pixels with data in both").isGreaterThan(1000);
    assertThat(c.mismatches()).as("pixels differing from gdalwarp (%s)", c).isZero();
    assertThat(c.validityDisagreements()).as("edge pixels where only one has data").isLessThan(256 * 2);
  }

  @ParameterizedTest(name = "lon {0} z{1}")
  @CsvSource({"179.5, 7", "-179.5, 7", "179.9, 6", "-179.9, 6"})
  void aProjectedRasterAcrossTheAntimeridianRendersOnBothSidesAsGdalwarpDoes(double lon, int z) throws IOException {
    Comparison c = compare("u8-antimeridian-utm.tif", "", z, lon, -17.4, "nearest", 0, 0, 0, 255);
    assertThat(c.both()).as("pixels with data in both").isGreaterThan(1000);
    assertThat(c.mismatches()).as("pixels differing from gdalwarp (%s)", c).isZero();
    assertThat(c.validityDisagreements()).as("edge pixels where only one has data").isLessThan(256 * 2);
  }

  @Test
  void pointValuesAreFoundOnBothSidesOfTheAntimeridian() {
    String geographic = layer("{\"url\":\"file:u8-antimeridian-4326.tif\"}");
    String projected = layer("{\"url\":\"file:u8-antimeridian-utm.tif\"}");
    for (double lon : new double[] {175.3, -175.3}) {
      // the west copy holds the same pixels at −190…−170°, where GDAL finds −175.3 (and 175.3 − 360)
      String value = GdalOracle.run(List.of("gdallocationinfo", "-valonly", "-wgs84",
          work.resolve("u8-antimeridian-west.tif").toString(), String.valueOf(lon > 0 ? lon - 360 : lon), "3.1")).strip();
      JsonNode point = admin.get("/api/layers/" + geographic + "/point?lon=" + lon + "&lat=3.1").json();
      assertThat(point.path("values").get(0).asDouble()).as(point.toString()).isEqualTo(Double.parseDouble(value));
    }
    for (double lon : new double[] {179.4, -179.4}) {
      String value = GdalOracle.run(List.of("gdallocationinfo", "-valonly", "-wgs84",
          filesRoot.resolve("u8-antimeridian-utm.tif").toString(), String.valueOf(lon), "-17.4")).strip();
      JsonNode point = admin.get("/api/layers/" + projected + "/point?lon=" + lon + "&lat=-17.4").json();
      assertThat(point.path("values").get(0).asDouble()).as(point.toString()).isEqualTo(Double.parseDouble(value));
    }
  }

  @Test
  void statisticsOfABoxAcrossTheAntimeridianPoolBothSides() {
    String world = layer("{\"url\":\"file:world-4326.tif\"}");
    String rolled = layer("{\"url\":\"file:world-0-360.tif\"}");
    // −180…180°: two windows (170…180° and −180…−170°); 0…360°: one window (170…190°) of the same pixels
    JsonNode split = admin.get("/api/layers/" + world + "/statistics?bbox=170,-5,-170,5").json().path("b1");
    JsonNode whole = admin.get("/api/layers/" + rolled + "/statistics?bbox=170,-5,-170,5").json().path("b1");
    assertThat(split.path("count").asLong()).isGreaterThan(400).isEqualTo(whole.path("count").asLong());
    for (String key : List.of("min", "max", "percentile_2", "percentile_98")) {
      assertThat(split.path(key).asDouble()).as(key).isEqualTo(whole.path(key).asDouble());
    }
    for (String key : List.of("mean", "std")) { // summed in another order
      assertThat(split.path(key).asDouble()).as(key)
          .isCloseTo(whole.path(key).asDouble(), org.assertj.core.data.Offset.offset(1e-9));
    }
    JsonNode west = admin.get("/api/layers/" + world + "/statistics?bbox=170,-5,180,5").json().path("b1");
    assertThat(west.path("count").asLong()).as("one side only").isLessThan(split.path("count").asLong());
    assertProblem(admin.get("/api/layers/" + world + "/statistics?bbox=10,5,20,-5"), 400, "invalid_parameter", "bbox");
  }

  @Test
  void aRasterAcrossTheAntimeridianOffersEveryLongitudeInItsTileJson() {
    String id = layer("{\"url\":\"file:u8-antimeridian-4326.tif\"}");
    JsonNode bounds = admin.get("/api/layers/" + id + "/tilejson.json").json().path("bounds");
    assertThat(bounds.get(0).asDouble()).isEqualTo(-180);
    assertThat(bounds.get(2).asDouble()).isEqualTo(180);
    assertThat(bounds.get(1).asDouble()).isCloseTo(-10, org.assertj.core.data.Offset.offset(1e-6));

    // in a projected CRS: the projection answers −180…180°, the raster's extent still runs east across 180°
    String utm = layer("{\"url\":\"file:u8-antimeridian-utm.tif\"}");
    JsonNode info = admin.get("/api/layers/" + utm + "/info").json();
    assertThat(info.at("/bounds/0").asDouble()).isCloseTo(178.7, org.assertj.core.data.Offset.offset(0.2));
    assertThat(info.at("/bounds/2").asDouble()).isCloseTo(181.3, org.assertj.core.data.Offset.offset(0.2));
    // 500 m pixels: WebMercatorQuad zoom 8 (611 m at the equator, 585 m at 17°S), as for any raster that fine
    assertThat(info.path("maxzoom").asInt()).isEqualTo(8);
    JsonNode tileJson = admin.get("/api/layers/" + utm + "/tilejson.json").json();
    assertThat(tileJson.at("/bounds/0").asDouble()).isEqualTo(-180);
    assertThat(tileJson.at("/bounds/2").asDouble()).isEqualTo(180);
  }

  @ParameterizedTest(name = "{0} {5}")
  @CsvSource({
    "u8-deflate-4326.tif, '', 0, 255, 11, bilinear",
    "u8-deflate-4326.tif, '', 0, 255, 11, cubic",
    "f32-zstd-3035.tif, 'rescale=-80,100', -80, 100, 13, bilinear",
    "f32-zstd-3035.tif, 'rescale=-80,100', -80, 100, 13, cubic",
  })
  void bilinearAndCubicTilesAreWithinOneDnOfGdalwarpOnAverage(String file, String params, double min, double max,
      int z, String resampling) throws IOException {
    double[] centre = centre(file);
    Comparison c = compare(file, params, z, centre[0], centre[1], resampling, 0, 0, min, max);
    assertThat(c.both()).isGreaterThan(1000);
    assertThat(c.meanAbsDiff()).as("mean |Tessera - gdalwarp| (%s)", c).isLessThanOrEqualTo(1.0);
  }

  @Test
  void jpegRgbTilesMatchGdalwarpWithinJpegDecoderRounding() throws IOException {
    for (int channel = 0; channel < 3; channel++) {
      double[] centre = centre("rgb-jpeg-utm.tif");
      Comparison c = compare("rgb-jpeg-utm.tif", "", 12, centre[0], centre[1], "nearest", channel, channel, 0, 255);
      assertThat(c.both()).isGreaterThan(1000);
      assertThat(c.meanAbsDiff()).as("channel %d: %s", channel, c).isLessThanOrEqualTo(1.0);
    }
  }

  @Test
  void tilesOutsideTheDataAre204AndPartTilesAreTransparentWhereThereIsNone() throws IOException {
    String id = layer("{\"url\":\"file:u8-deflate-4326.tif\"}");
    assertThat(get("/api/layers/" + id + "/tiles/10/0/0.png").statusCode()).isEqualTo(204);
    int[] empty = argb(get("/api/layers/" + id + "/tiles/10/0/0.png?empty=true"));
    assertThat(empty).hasSize(256 * 256).containsOnly(0);
    int[] corner = GdalOracle.tileAt(10.0, 51.0, 10); // the raster's north-west corner lies inside this tile
    int[] pixels = argb(get("/api/layers/" + id + "/tiles/10/" + corner[0] + "/" + corner[1] + ".png"));
    assertThat(pixels[0] >>> 24).as("north-west of the raster: transparent").isZero();
    assertThat(pixels[pixels.length - 1] >>> 24).as("south-east: inside the raster").isEqualTo(255);
    var big = get("/api/layers/" + id + "/tiles/10/" + corner[0] + "/" + corner[1] + "@2x.png");
    assertThat(big.statusCode()).isEqualTo(200);
    assertThat(argb(big)).hasSize(512 * 512);
    assertThat(argb(get("/api/layers/" + id + "/tiles/10/" + corner[0] + "/" + corner[1] + ".png?tilesize=512")))
        .hasSize(512 * 512);
    var jpeg = get("/api/layers/" + id + "/tiles/10/" + corner[0] + "/" + corner[1] + ".jpg");
    assertThat(jpeg.headers().firstValue("Content-Type")).contains("image/jpeg");
  }

  @Test
  void webpTilesAreLosslessAndGdalReadsThemAsThePngTile() throws IOException {
    String id = layer("{\"url\":\"file:u8-deflate-4326.tif\",\"tileParams\":{\"colormap_name\":\"viridis\"}}");
    int[] corner = GdalOracle.tileAt(10.0, 51.0, 10); // part transparent: alpha must survive
    String tile = "/api/layers/" + id + "/tiles/10/" + corner[0] + "/" + corner[1];
    var webp = get(tile + ".webp");
    assertThat(webp.statusCode()).isEqualTo(200);
    assertThat(webp.headers().firstValue("Content-Type")).contains("image/webp");
    Path file = work.resolve("tile.webp");
    Files.write(file, webp.body());
    int[] png = argb(get(tile + ".png"));
    assertThat(GdalOracle.argb(file, work)).as("the WebP tile decoded by GDAL's WEBP driver").isEqualTo(png);
    assertThat(png[0] >>> 24).as("a transparent pixel in the comparison").isZero();
    var preview = get("/api/layers/" + id + "/preview.webp?max_size=64");
    assertThat(preview.headers().firstValue("Content-Type")).contains("image/webp");
  }

  @Test
  void theLayersTileParamsApplyAndTheQueryOverridesThem() throws IOException {
    String id = layer("{\"url\":\"file:u8-deflate-4326.tif\",\"tileParams\":{\"rescale\":\"0,255\","
        + "\"colormap_name\":\"viridis\"}}");
    int[] xy = GdalOracle.tileAt(10.5, 50.5, 11);
    String tile = "/api/layers/" + id + "/tiles/11/" + xy[0] + "/" + xy[1] + ".png";
    double[][] gdal = GdalOracle.warp(filesRoot.resolve("u8-deflate-4326.tif"), 11, xy[0], xy[1], 256, "near", work);
    int[] viridis = argb(get(tile));
    int[] greys = argb(get(tile + "?colormap_name=greys_r"));
    int i = 128 * 256 + 128;
    int dn = (int) gdal[0][i];
    int[] viridisTable = table("viridis");
    assertThat(viridis[i] & 0xFFFFFF).isEqualTo(viridisTable[dn]);
    int[] greysTable = table("greys");
    assertThat(greys[i] & 0xFFFFFF).isEqualTo(greysTable[255 - dn]);
    int[] custom = argb(get(tile + "?colormap_name=&colormap=" + URLEncoder.encode(
        "[[[0,128],\"#ff0000\"],[[128,256],[0,0,255,255]]]", StandardCharsets.UTF_8) + "&rescale=0,255"));
    assertThat(custom[i] & 0xFFFFFF).isEqualTo(dn < 128 ? 0xFF0000 : 0x0000FF);
  }

  static int[] table(String name) throws IOException {
    try (var in = dev.tessera.engine.raster.Colormap.class.getResourceAsStream("colormaps/" + name + ".txt")) {
      int[] out = new int[256];
      int k = 0;
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        if (!line.startsWith("#") && !line.isBlank()) {
          String[] rgb = line.trim().split(" ");
          out[k++] = Integer.parseInt(rgb[0]) << 16 | Integer.parseInt(rgb[1]) << 8 | Integer.parseInt(rgb[2]);
        }
      }
      return out;
    }
  }

  @Test
  void expressionsComputeBandMath() throws IOException {
    String id = layer("{\"url\":\"file:u16-packbits-3857.tif\"}");
    int[] xy = GdalOracle.tileAt(10.2, 49.9, 12);
    String expression = URLEncoder.encode("where(b1 > b2, (b1 - b2) / 4, 0)", StandardCharsets.UTF_8);
    int[] pixels = argb(get("/api/layers/" + id + "/tiles/12/" + xy[0] + "/" + xy[1] + ".png?expression="
        + expression));
    double[][] gdal = GdalOracle.warp(filesRoot.resolve("u16-packbits-3857.tif"), 12, xy[0], xy[1], 256, "near", work);
    int checked = 0;
    for (int i = 0; i < pixels.length; i++) {
      if ((pixels[i] >>> 24) != 0 && gdal[3][i] > 0) {
        double b1 = gdal[0][i];
        double b2 = gdal[1][i];
        assertThat(pixels[i] & 0xFF).isEqualTo(expected(b1 > b2 ? (b1 - b2) / 4 : 0, 0, 255));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(1000);
  }

  @Test
  void badParametersAnswer400NamingThem() {
    String id = layer("{\"url\":\"file:u8-deflate-4326.tif\"}");
    String tile = "/api/layers/" + id + "/tiles/10/549/347";
    assertProblem(admin.get(tile + ".png?colour=red"), 400, "invalid_parameter", "colour");
    assertProblem(admin.get(tile + ".png?rescale=5"), 400, "invalid_parameter", "rescale");
    assertProblem(admin.get(tile + ".png?colormap_name=rainbow"), 400, "invalid_parameter", "colormap_name");
    assertProblem(admin.get(tile + ".png?resampling=lanczos"), 400, "invalid_parameter", "resampling");
    assertProblem(admin.get(tile + ".png?expression=b1%2B"), 400, "invalid_parameter", "expression");
    assertProblem(admin.get(tile + ".png?expression=b7"), 400, "invalid_parameter", "expression");
    assertProblem(admin.get(tile + ".png?bidx=4"), 400, "invalid_parameter", "bidx");
    assertProblem(admin.get(tile + ".png?tilesize=300"), 400, "invalid_parameter", "tilesize");
    assertProblem(admin.get(tile + ".gif"), 400, "unsupported_tile_format", "format");
    assertProblem(admin.get("/api/layers/" + id + "/point?lon=200&lat=0"), 400, "invalid_parameter", "lon");
  }

  static void assertProblem(ApiClient.Response r, int status, String code, String parameter) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.json().path("code").asString()).as(r.body()).isEqualTo(code);
    if (parameter != null) {
      assertThat(r.json().path("parameter").asString()).as(r.body()).isEqualTo(parameter);
    }
  }

  @Test
  void aReplacedLocalCogIsServedAfreshWhileCachedTilesNeedNoFileCheck() throws IOException, InterruptedException {
    Path file = filesRoot.resolve("replaced.tif");
    Files.copy(filesRoot.resolve("u8-deflate-4326.tif"), file, StandardCopyOption.REPLACE_EXISTING);
    String id = layer("{\"url\":\"file:replaced.tif\"}");
    int[] xy = GdalOracle.tileAt(10.5, 50.5, 11);
    String tile = "/api/layers/" + id + "/tiles/11/" + xy[0] + "/" + xy[1] + ".png";
    int[] before = argb(get(tile));
    // same place, inverted values: every tile must change once the file is replaced
    Path inverted = GdalOracle.raw(work, "u8inv", 512, 512, 1, 1,
        (b, x, y) -> 255 - (x * 7 + y * 3 + (x * y) % 17) % 256);
    Path next = work.resolve("replacement.tif");
    GdalOracle.cog(inverted, next, "EPSG:4326", new double[] {10, 51, 11, 50}, null, "COMPRESS=DEFLATE",
        "BLOCKSIZE=128");
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5000));
    // a file's version is looked at again once per second
    int[] after = Eventually.until(Duration.ofSeconds(15), () -> argbOf(get(tile)), a -> !java.util.Arrays.equals(a, before));
    int i = 128 * 256 + 128;
    assertThat(after[i] & 0xFF).as("the replaced file's value").isEqualTo(255 - (before[i] & 0xFF));
    Files.delete(file);
    int status = Eventually.until(Duration.ofSeconds(15), () -> get(tile).statusCode(), s -> s != 200);
    assertThat(status).as("a deleted file").isEqualTo(404);
  }

  @Test
  void brokenFilesGiveClearErrorsNotHangs() throws IOException {
    byte[] whole = Files.readAllBytes(filesRoot.resolve("u8-deflate-4326.tif"));
    Files.write(filesRoot.resolve("truncated.tif"), java.util.Arrays.copyOf(whole, 3000));
    Files.write(filesRoot.resolve("garbage.tif"), "not a tiff at all".getBytes(StandardCharsets.US_ASCII));
    GdalOracle.run(List.of("gdal_translate", "-q", "-of", "GTiff", "-a_srs", "EPSG:4326", "-a_ullr", "10", "51",
        "11", "50", work.resolve("u8.bin").toString(), filesRoot.resolve("stripped.tif").toString()));
    int[] xy = GdalOracle.tileAt(10.5, 50.5, 10);
    String zxy = "/tiles/10/" + xy[0] + "/" + xy[1] + ".png";

    var truncated = admin.get("/api/layers/" + layer("{\"url\":\"file:truncated.tif\"}") + zxy);
    assertProblem(truncated, 500, "cog_unreadable", null);
    assertThat(truncated.json().path("detail").asString()).contains("truncated.tif");
    assertProblem(admin.get("/api/layers/" + layer("{\"url\":\"garbage.tif\"}") + zxy), 500, "cog_unreadable", null);
    var stripped = admin.get("/api/layers/" + layer("{\"url\":\"file:stripped.tif\"}") + zxy);
    assertProblem(stripped, 400, "cog_unsupported", null);
    assertThat(stripped.json().path("detail").asString()).contains("not tiled");
    var missing = admin.get("/api/layers/" + layer("{\"url\":\"file:nowhere/missing.tif\"}") + zxy);
    assertProblem(missing, 404, "cog_not_found", null);
    assertThat(missing.json().path("location").asString()).isEqualTo("file:nowhere/missing.tif");
  }

  @Test
  void aCogOverHttpIsReadWithRangeRequestsFromAllowedNetworksOnly() throws IOException {
    byte[] cog = Files.readAllBytes(filesRoot.resolve("u8-deflate-4326.tif"));
    var ranges = new java.util.concurrent.atomic.AtomicInteger();
    var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/cogs/u8.tif", exchange -> ArchivesIT.serveRange(exchange, cog, ranges));
    server.start();
    try {
      int port = server.getAddress().getPort();
      String remote = layer("{\"url\":\"http://127.0.0.1:" + port + "/cogs/u8.tif\"}");
      String local = layer("{\"url\":\"file:u8-deflate-4326.tif\"}");
      int[] xy = GdalOracle.tileAt(10.5, 50.5, 11);
      String zxy = "/tiles/11/" + xy[0] + "/" + xy[1] + ".png";
      assertThat(argb(get("/api/layers/" + remote + zxy))).isEqualTo(argb(get("/api/layers/" + local + zxy)));
      assertThat(ranges.get()).as("range requests").isPositive();
      assertThat(admin.get("/api/layers/" + remote + "/point?lon=10.5&lat=50.5").json().path("values").get(0)
          .asDouble()).isEqualTo(admin.get("/api/layers/" + local + "/point?lon=10.5&lat=50.5").json()
          .path("values").get(0).asDouble());

      String refused = layer("{\"url\":\"http://[::1]:" + port + "/cogs/u8.tif\"}");
      assertProblem(admin.get("/api/layers/" + refused + zxy), 403, "outbound_not_allowed", null);
      assertProblem(admin.get("/api/layers/" + refused + "/info"), 403, "outbound_not_allowed", null);
      String gone = layer("{\"url\":\"http://127.0.0.1:" + port + "/cogs/missing.tif\"}");
      assertProblem(admin.get("/api/layers/" + gone + "/info"), 404, "cog_not_found", null);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void anS3CogIsReadWithRangeRequestsThroughTheAwsSdk() throws IOException {
    String remote = layer("{\"url\":\"s3://cogs/u8-deflate-4326.tif\"}");
    String local = layer("{\"url\":\"file:u8-deflate-4326.tif\"}");
    int[] xy = GdalOracle.tileAt(10.5, 50.5, 11);
    String zxy = "/tiles/11/" + xy[0] + "/" + xy[1] + ".png";
    assertThat(argb(get("/api/layers/" + remote + zxy))).isEqualTo(argb(get("/api/layers/" + local + zxy)));
    assertThat(s3Ranges.get()).as("range requests to the S3 endpoint").isPositive();
    String missing = layer("{\"url\":\"s3://cogs/nothing-here.tif\"}");
    var problem = admin.get("/api/layers/" + missing + "/info");
    assertProblem(problem, 404, "cog_not_found", null);
    assertThat(problem.json().path("location").asString()).isEqualTo("s3://cogs/nothing-here.tif");
  }

  @Test
  void directDeliveryServesTheFileByRangeWithCors() throws IOException, InterruptedException {
    String id = layer("{\"delivery\":\"direct\",\"url\":\"file:u8-deflate-4326.tif\"}");
    byte[] whole = Files.readAllBytes(filesRoot.resolve("u8-deflate-4326.tif"));
    var range = http.send(admin.request("/api/layers/" + id + "/cog", "Range", "bytes=0-15", "Origin",
        "https://maps.example.org").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.body()).isEqualTo(java.util.Arrays.copyOf(whole, 16));
    assertThat(range.headers().firstValue("Content-Range")).contains("bytes 0-15/" + whole.length);
    assertThat(range.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
    assertThat(range.headers().firstValue("Access-Control-Expose-Headers").orElse("")).contains("Content-Range");
    var preflight = http.send(admin.request("/api/layers/" + id + "/cog", "Origin", "https://maps.example.org",
        "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "range")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
        .contains("range");
    String remote = layer("{\"delivery\":\"direct\",\"url\":\"https://data.example.org/x.tif\"}");
    var redirect = get("/api/layers/" + remote + "/cog");
    assertThat(redirect.statusCode()).isEqualTo(303);
    assertThat(redirect.headers().firstValue("Location")).contains("https://data.example.org/x.tif");
    assertThat(new ApiClient(port, null).get("/api/layers/" + id + "/cog").status()).isEqualTo(404);
  }

  @Test
  void layersTheCallerMayNotSeeAnswer404() {
    String id = layer("{\"url\":\"file:u8-deflate-4326.tif\"}");
    var anonymous = new ApiClient(port, null);
    for (String path : List.of("/tiles/10/549/347.png", "/info", "/statistics", "/preview", "/point?lon=10.5&lat=50.5")) {
      assertThat(anonymous.get("/api/layers/" + id + path).status()).as(path).isEqualTo(404);
    }
  }

  @Test
  void infoDescribesTheCog() {
    String id = layer("{\"url\":\"file:i16-lzw-utm.tif\"}");
    JsonNode info = admin.get("/api/layers/" + id + "/info").json();
    assertThat(info.path("crs").asString()).isEqualTo("EPSG:32632");
    assertThat(info.path("width").asInt()).isEqualTo(512);
    assertThat(info.path("dtype").asString()).isEqualTo("int16");
    assertThat(info.path("count").asInt()).isEqualTo(1);
    assertThat(info.path("nodata").asDouble()).isEqualTo(-9999);
    assertThat(info.path("compression").asString()).isEqualTo("LZW");
    assertThat(info.path("overviews").get(0).asInt()).isEqualTo(2);
    assertThat(info.path("native_bounds").get(0).asDouble()).isEqualTo(500000);
    JsonNode gdal = ApiClient.JSON.readTree(GdalOracle.run(List.of("gdalinfo", "-json",
        filesRoot.resolve("i16-lzw-utm.tif").toString())));
    JsonNode wgs84 = gdal.path("wgs84Extent").path("coordinates").get(0);
    double west = Double.MAX_VALUE;
    for (JsonNode corner : wgs84) {
      west = Math.min(west, corner.get(0).asDouble());
    }
    assertThat(info.path("bounds").get(0).asDouble()).isCloseTo(west, org.assertj.core.data.Offset.offset(1e-3));
  }

  @ParameterizedTest
  @CsvSource({"i16-lzw-utm.tif", "u8-deflate-4326.tif", "u8-polar-3413.tif"})
  void tileJsonZoomsFollowTheResolutionGdalwarpSuggestsAndTheOverviews(String file) {
    String id = layer("{\"url\":\"file:" + file + "\"}");
    // gdalwarp's suggested Web Mercator resolution for the whole raster: the oracle for "native zoom"
    Path vrt = work.resolve(file + ".3857.vrt");
    GdalOracle.run(List.of("gdalwarp", "-q", "-overwrite", "-t_srs", "EPSG:3857", "-of", "VRT",
        filesRoot.resolve(file).toString(), vrt.toString()));
    JsonNode warped = ApiClient.JSON.readTree(GdalOracle.run(List.of("gdalinfo", "-json", vrt.toString())));
    double resolution = warped.path("geoTransform").get(1).asDouble();
    long maxZoom = Math.round(Math.log(WebMercator.WORLD_SIZE_METRES / 256 / resolution) / Math.log(2));
    JsonNode tileJson = admin.get("/api/layers/" + id + "/tilejson.json").json();
    assertThat(tileJson.path("maxzoom").asLong()).as("resolution %s m", resolution).isEqualTo(maxZoom);
    assertThat(tileJson.path("minzoom").asLong()).as("512 px: one halving to fit a 256 px tile")
        .isEqualTo(maxZoom - 1);
    JsonNode info = admin.get("/api/layers/" + id + "/info").json();
    assertThat(info.path("maxzoom").asLong()).isEqualTo(maxZoom);
  }

  @Test
  void statisticsAndPointValuesMatchGdal() {
    String id = layer("{\"url\":\"file:i16-lzw-utm.tif\"}");
    JsonNode stats = admin.get("/api/layers/" + id + "/statistics").json().path("b1");
    JsonNode gdal = ApiClient.JSON.readTree(GdalOracle.run(List.of("gdalinfo", "-json", "-stats",
        filesRoot.resolve("i16-lzw-utm.tif").toString()))).path("bands").get(0);
    assertThat(stats.path("min").asDouble()).isEqualTo(gdal.path("minimum").asDouble());
    assertThat(stats.path("max").asDouble()).isEqualTo(gdal.path("maximum").asDouble());
    assertThat(stats.path("mean").asDouble()).isCloseTo(gdal.path("mean").asDouble(),
        org.assertj.core.data.Offset.offset(1e-3)); // gdalinfo -json prints 3 decimals
    assertThat(stats.path("std").asDouble()).isCloseTo(gdal.path("stdDev").asDouble(),
        org.assertj.core.data.Offset.offset(1e-3)); // gdalinfo -json prints 3 decimals
    assertThat(stats.path("histogram").get(0)).hasSize(10);
    assertThat(stats.has("percentile_98")).isTrue();

    String value = GdalOracle.run(List.of("gdallocationinfo", "-valonly", "-wgs84",
        filesRoot.resolve("i16-lzw-utm.tif").toString(), "9.2", "50.45")).strip();
    JsonNode point = admin.get("/api/layers/" + id + "/point?lon=9.2&lat=50.45").json();
    assertThat(point.path("values").get(0).asDouble()).isEqualTo(Double.parseDouble(value));

    var preview = get("/api/layers/" + id + "/preview.png?max_size=128&rescale=-1500,1500");
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.headers().firstValue("Content-Type")).contains("image/png");
  }

  @Test
  void temporalLayersFollowTimeSnappedToTheirResolution() throws IOException {
    Files.createDirectories(filesRoot.resolve("chl/2024"));
    Files.copy(filesRoot.resolve("u8-deflate-4326.tif"), filesRoot.resolve("chl/2024/chl_202401.tif"));
    Files.copy(filesRoot.resolve("i16-lzw-utm.tif"), filesRoot.resolve("chl/2024/chl_202402.tif"));
    String id = layer("{\"cogUrlTemplate\":\"file:chl/{year}/chl_{YYYYMM}.tif\",\"temporal\":{\"enabled\":true,"
        + "\"start\":\"2024-01-01\",\"end\":\"2024-03-31\",\"resolution\":\"monthly\"}}");
    assertThat(admin.get("/api/layers/" + id + "/info?time=2024-01-20").json().path("crs").asString())
        .isEqualTo("EPSG:4326");
    assertThat(admin.get("/api/layers/" + id + "/info?time=2024-02").json().path("crs").asString())
        .isEqualTo("EPSG:32632");
    var missing = admin.get("/api/layers/" + id + "/info?time=2024-03-05");
    assertProblem(missing, 404, "cog_not_found", null);
    assertThat(missing.json().path("location").asString()).isEqualTo("file:chl/2024/chl_202403.tif");
    assertProblem(admin.get("/api/layers/" + id + "/info?time=2025-01-01"), 400, "invalid_time", "time");
    assertProblem(admin.get("/api/layers/" + id + "/info?time=yesterday"), 400, "invalid_time", "time");
    int[] xy = GdalOracle.tileAt(10.5, 50.5, 10);
    assertThat(get("/api/layers/" + id + "/tiles/10/" + xy[0] + "/" + xy[1] + ".png?time=2024-01-31")
        .statusCode()).isEqualTo(200);
  }
}
