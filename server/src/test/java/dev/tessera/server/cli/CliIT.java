package dev.tessera.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The jar's import and export commands against a real embedded store. */
class CliIT {
  @TempDir Path dir;

  @BeforeEach
  void useTempStore() {
    System.setProperty("tessera.data-dir", dir.resolve("data").toString());
    System.setProperty("tessera.admin.password", "cli-password-1");
  }

  @AfterEach
  void clear() {
    System.clearProperty("tessera.data-dir");
    System.clearProperty("tessera.admin.password");
  }

  @Test
  void importThenExportRoundTripsEveryFeature() throws IOException {
    StringBuilder geojson = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
    for (int i = 0; i < 2500; i++) {
      geojson.append(i == 0 ? "" : ",")
          .append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[")
          .append(i % 360 - 180 + 0.5).append(",").append(i % 170 - 85).append("]},\"properties\":{\"i\":").append(i).append("}}");
    }
    Path input = Files.writeString(dir.resolve("in.geojson"), geojson.append("]}"));
    Path output = dir.resolve("out.geojson");

    var out = new java.io.ByteArrayOutputStream();
    var previous = System.out;
    System.setOut(new java.io.PrintStream(out, true));
    int imported;
    try {
      imported = Cli.run(new String[] {"import", "--new-layer", "Points", input.toString()});
    } finally {
      System.setOut(previous);
    }
    assertThat(imported).isZero();
    String printed = out.toString();
    assertThat(printed).contains("Imported 2500 features");
    String layerId = printed.replaceAll("(?s).*Created vector layer ([0-9a-f-]{36}).*", "$1");

    assertThat(Cli.run(new String[] {"export", "--layer", layerId, "-o", output.toString()})).isZero();
    var exported = JsonMapper.builder().build().readTree(output.toFile());
    assertThat(exported.get("features")).hasSize(2500);
    assertThat(exported.at("/features/2499/properties/i").asInt()).isEqualTo(2499);
  }

  @Test
  void exportPmtilesWritesAnArchiveOfTheChosenZoomsWithAProgressBar() throws IOException {
    Path input =
        Files.writeString(
            dir.resolve("pts.geojson"),
            """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","geometry":{"type":"Point","coordinates":[4.5,53.5]},"properties":{"n":1}},
             {"type":"Feature","geometry":{"type":"Point","coordinates":[-70.1,-33.4]},"properties":{"n":2}}]}""");
    var out = new java.io.ByteArrayOutputStream();
    var err = new java.io.ByteArrayOutputStream();
    var previousOut = System.out;
    var previousErr = System.err;
    System.setOut(new java.io.PrintStream(out, true));
    int imported;
    try {
      imported = Cli.run(new String[] {"import", "--new-layer", "Pts", input.toString()});
    } finally {
      System.setOut(previousOut);
    }
    assertThat(imported).isZero();
    String layerId = out.toString().replaceAll("(?s).*Created vector layer ([0-9a-f-]{36}).*", "$1");
    Path archive = dir.resolve("pts.pmtiles");
    System.setErr(new java.io.PrintStream(err, true));
    int exported;
    try {
      exported =
          Cli.run(
              new String[] {"export-pmtiles", "--layer", layerId, "--minzoom", "2", "--maxzoom", "6", "-o", archive.toString()});
    } finally {
      System.setErr(previousErr);
    }
    assertThat(exported).isZero();
    // two points, one tile each per zoom 2..6
    assertThat(err.toString()).contains("Tiles").contains("Wrote 10 tiles to " + archive);
    byte[] bytes = Files.readAllBytes(archive);
    assertThat(new String(bytes, 0, 7, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PMTiles");
    assertThat(bytes[100]).isEqualTo((byte) 2);
    assertThat(bytes[101]).isEqualTo((byte) 6);
    assertThat(Cli.run(new String[] {"export-pmtiles", "--layer", layerId, "--maxzoom", "17", "-o", archive.toString()}))
        .isNotZero();
  }

  @Test
  void importReadsCsvByItsExtensionAndSkipsBadRowsWhenAsked() throws IOException {
    StringBuilder csv = new StringBuilder("name\tlatitude\tlongitude\n");
    for (int i = 0; i < 1500; i++) {
      csv.append("p").append(i).append('\t').append(i % 170 - 85).append('\t').append(i % 360 - 180).append('\n');
    }
    csv.append("broken\tnorth\t0\n");
    Path input = Files.writeString(dir.resolve("places.tsv"), csv);
    var out = new java.io.ByteArrayOutputStream();
    var previous = System.out;
    System.setOut(new java.io.PrintStream(out, true));
    int code;
    try {
      code = Cli.run(new String[] {"import", "--new-layer", "Places", "--skip-invalid", input.toString()});
    } finally {
      System.setOut(previous);
    }
    assertThat(code).isZero();
    assertThat(out.toString()).contains("Imported 1500 features (0 repaired, 1 rows skipped)");
  }

  @Test
  void aBrokenFileImportsNothingAndFails() throws IOException {
    Path input = Files.writeString(dir.resolve("bad.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\"");
    assertThat(Cli.run(new String[] {"import", "--new-layer", "Broken", input.toString()})).isNotZero();
  }
}
