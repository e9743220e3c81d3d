package dev.tessera.server.cli;

import dev.tessera.server.feature.CsvOptions;
import dev.tessera.server.feature.FeatureService;
import dev.tessera.server.feature.ImportResult;
import dev.tessera.server.layer.LayerInput;
import dev.tessera.server.layer.LayerService;
import dev.tessera.server.layer.SourceType;
import dev.tessera.server.security.Caller;
import dev.tessera.server.user.AdminBootstrap;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code tessera import}: streams a GeoJSON, CSV or GeoParquet file (chosen by its extension) into a vector layer,
 * all-or-nothing, with a progress bar.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import a GeoJSON, CSV (.csv, .tsv) or GeoParquet (.parquet) file into a vector layer.")
class ImportCommand implements Callable<Integer> {
  private final FeatureService features;
  private final LayerService layers;
  private final AdminBootstrap admin;

  @Parameters(index = "0", paramLabel = "FILE", description = "GeoJSON Feature or FeatureCollection, CSV or GeoParquet")
  Path file;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static class Target {
    @Option(names = "--layer", description = "id of an existing vector layer")
    UUID layer;

    @Option(names = "--new-layer", paramLabel = "NAME", description = "create a new vector layer with this name")
    String newLayer;
  }

  @Option(names = "--global", description = "put the new layer in the shared library")
  boolean global;

  @Option(names = "--category", description = "category of the new layer")
  String category;

  @Option(names = "--repair", description = "repair invalid geometries (JTS GeometryFixer) instead of failing")
  boolean repair;

  @Option(names = "--skip-invalid", description = "CSV/GeoParquet: leave bad rows out and count them instead of failing")
  boolean skipInvalid;

  @Option(names = "--lon", description = "CSV: longitude column (default: lon, lng, longitude or x)")
  String lon;

  @Option(names = "--lat", description = "CSV: latitude column (default: lat, latitude or y)")
  String lat;

  @Option(names = "--wkt", description = "CSV: WKT geometry column (default: wkt, geometry, geom or the_geom)")
  String wkt;

  @Option(names = "--delimiter", description = "CSV: field separator, one character or 'tab' (default ',' ; '\\t' for .tsv)")
  String delimiter;

  @Option(names = "--encoding", description = "CSV: text encoding (default UTF-8)")
  String encoding;

  ImportCommand(FeatureService features, LayerService layers, AdminBootstrap admin) {
    this.features = features;
    this.layers = layers;
    this.admin = admin;
  }

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(file)) {
      System.err.println("No such file: " + file);
      return 2;
    }
    Caller caller = new Caller(admin.ensureAdmin(), true);
    UUID layerId = target.layer;
    if (layerId == null) {
      var config = JsonNodeFactory.instance.objectNode();
      var input =
          new LayerInput(target.newLayer, null, SourceType.VECTOR, null, category, null, global, config, null, null, null);
      layerId = layers.create(caller, input).id();
      System.out.println("Created vector layer " + layerId);
    }
    long size = Files.size(file);
    ImportResult result;
    try (ProgressBar bar =
            new ProgressBarBuilder()
                .setTaskName("Importing")
                .setInitialMax(size)
                .setUnit(" MB", 1 << 20)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .build();
        InputStream in = new ProgressStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), bar)) {
      final UUID target = layerId;
      LongConsumer progress = n -> bar.setExtraMessage(n + " features");
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".csv") || name.endsWith(".tsv")) {
        String separator = delimiter == null && name.endsWith(".tsv") ? "tab" : delimiter;
        CsvOptions options = CsvOptions.of(lon, lat, wkt, separator, encoding, skipInvalid);
        result = features.importCsv(caller, target, in, options, repair, progress);
      } else if (name.endsWith(".parquet") || name.endsWith(".geoparquet")) {
        result = features.importParquet(caller, target, in, repair, skipInvalid, progress);
      } else {
        result = features.importGeoJson(caller, target, in, repair, progress);
      }
      bar.stepTo(size);
    }
    System.out.printf(
        "Imported %d features (%d repaired, %d rows skipped) into layer %s (now %d features, version %d)%n",
        result.imported(), result.repaired(), result.skipped(), result.layerId(), result.featureCount(),
        result.layerVersion());
    return 0;
  }

  /** Advances the bar by the bytes read. */
  private static final class ProgressStream extends FilterInputStream {
    private final ProgressBar bar;

    ProgressStream(InputStream in, ProgressBar bar) {
      super(in);
      this.bar = bar;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        bar.step();
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        bar.stepBy(n);
      }
      return n;
    }
  }
}
