package dev.tessera.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** POST /api/layers/{id}/import with CSV and GeoParquet: typed properties, row numbers in errors, skip and count. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportFormatsIT {
  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("tessera-imports-it");
    registry.add("tessera.data-dir", dir::toString);
    ApiIT.common(registry);
  }

  @LocalServerPort int port;
  @TempDir Path temp;
  ApiClient admin;
  String layer;

  @BeforeEach
  void layer() {
    admin = new ApiClient(port, ApiIT.ADMIN_TOKEN);
    var r = admin.post("/api/layers", """
        {"name": "Churches", "source_type": "vector", "source_config": {"geometryType": "Point"}}""");
    layer = r.json().get("id").asString();
  }

  private ApiClient.Response upload(String query, String contentType, byte[] body) {
    return admin.send(
        admin.request("/api/layers/" + layer + "/import" + query)
            .setHeader("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private long featureCount() {
    return admin.get("/api/layers/" + layer).json().at("/source_config/featureCount").asLong();
  }

  @Test
  void csvWithNamedColumnsDelimiterAndEncodingImportsTypedProperties() {
    String csv = "Name;Breite;Länge;Gründung\nSt. Mariä;50.94;6.96;1248\nZürich Münster;47.37;8.54;\n";
    var r = upload("?lat=Breite&lon=L%C3%A4nge&delimiter=%3B", "text/csv; charset=ISO-8859-1",
        csv.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("imported").asInt()).isEqualTo(2);
    var features = admin.get("/api/layers/" + layer + "/features").json().get("features");
    assertThat(features.get(0).at("/geometry/coordinates/0").asDouble()).isEqualTo(6.96);
    assertThat(features.get(0).at("/properties/Name").asString()).isEqualTo("St. Mariä");
    assertThat(features.get(0).at("/properties/Gründung").isNumber()).isTrue();
    assertThat(features.get(1).at("/properties").has("Gründung")).isFalse();
  }

  @Test
  void csvWithAWktColumnImports() {
    var r = upload("", "text/csv", "name,wkt\na,POINT (1 2)\nb,\"POINT (3 4)\"\n".getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(featureCount()).isEqualTo(2);
  }

  @Test
  void aBadCsvRowIsNamedAndNothingIsImportedUnlessAskedToSkip() {
    byte[] csv = "name,lat,lon\na,1,2\nb,north,3\nc,95,3\nd,4,5\n".getBytes(StandardCharsets.UTF_8);
    var failed = upload("", "text/csv", csv);
    ApiIT.assertProblem(failed, 400, "invalid_row");
    assertThat(failed.json().get("row").asInt()).isEqualTo(3);
    assertThat(failed.json().get("column").asString()).isEqualTo("lat");
    assertThat(featureCount()).isZero();

    var skipped = upload("?skip_invalid=true", "text/csv", csv);
    assertThat(skipped.status()).as(skipped.body()).isEqualTo(201);
    assertThat(skipped.json().get("imported").asInt()).isEqualTo(2);
    assertThat(skipped.json().get("skipped").asInt()).isEqualTo(2);
  }

  @Test
  void csvWithoutGeometryColumnsIsRefused() {
    ApiIT.assertProblem(upload("", "text/csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)), 400,
        "missing_geometry_columns");
  }

  @Test
  void geoParquetImportsItsWkbGeometriesAndColumns() throws Exception {
    byte[] file = geoParquet(false);
    var r = upload("", "application/vnd.apache.parquet", file);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("imported").asInt()).isEqualTo(3);
    var features = admin.get("/api/layers/" + layer + "/features").json().get("features");
    assertThat(features.get(1).at("/geometry/coordinates/1").asDouble()).isEqualTo(51.0);
    assertThat(features.get(1).at("/properties/name").asString()).isEqualTo("p1");
    assertThat(features.get(1).at("/properties/population").asLong()).isEqualTo(1001);
  }

  @Test
  void aGeoParquetRowWithBrokenWkbIsNamed() throws Exception {
    var r = upload("", "application/vnd.apache.parquet", geoParquet(true));
    ApiIT.assertProblem(r, 400, "invalid_row");
    assertThat(r.json().get("row").asInt()).isEqualTo(2);
    assertThat(featureCount()).isZero();
  }

  @Test
  void importProgressIsReportedForVisibleLayersOnly() {
    var idle = admin.get("/api/layers/" + layer + "/import");
    assertThat(idle.status()).isEqualTo(200);
    assertThat(idle.json().get("running").asBoolean()).isFalse();
    ApiIT.assertProblem(new ApiClient(port, null).get("/api/layers/" + layer + "/import"), 404, "not_found");
  }

  @Test
  void notParquetIsA400() {
    ApiIT.assertProblem(upload("", "application/vnd.apache.parquet", "nope".getBytes()), 400, "invalid_parquet");
  }

  /** Three points written by DuckDB as GeoParquet 1.0 (WKB column + 'geo' metadata); row 2 broken if asked. */
  private byte[] geoParquet(boolean breakRowTwo) throws SQLException, IOException {
    Path file = temp.resolve("points-" + breakRowTwo + ".parquet");
    var factory = new GeometryFactory();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = duck.createStatement()) {
      s.execute("CREATE TABLE t (name VARCHAR, population BIGINT, geometry BLOB)");
      try (PreparedStatement insert = duck.prepareStatement("INSERT INTO t VALUES (?, ?, ?)")) {
        for (int i = 0; i < 3; i++) {
          byte[] wkb = new WKBWriter().write(factory.createPoint(new Coordinate(10 + i, 50 + i)));
          insert.setString(1, "p" + i);
          insert.setLong(2, 1000 + i);
          insert.setBytes(3, breakRowTwo && i == 1 ? new byte[] {1, 2, 3} : wkb);
          insert.execute();
        }
      }
      String geo = "{\"version\":\"1.0.0\",\"primary_column\":\"geometry\",\"columns\":{\"geometry\":"
          + "{\"encoding\":\"WKB\",\"geometry_types\":[\"Point\"]}}}";
      s.execute("COPY t TO '" + file + "' (FORMAT parquet, KV_METADATA {geo: '" + geo + "'})");
    }
    return Files.readAllBytes(file);
  }
}
