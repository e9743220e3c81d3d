package dev.tessera.server.cli;

import dev.tessera.engine.geojson.GeoJsonWriter;
import dev.tessera.server.feature.FeatureService;
import dev.tessera.server.security.Caller;
import dev.tessera.server.user.AdminBootstrap;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tessera export}: streams a vector layer out as one GeoJSON FeatureCollection. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export a vector layer as GeoJSON.")
class ExportCommand implements Callable<Integer> {
  private final FeatureService features;
  private final AdminBootstrap admin;

  @Option(names = "--layer", required = true, description = "id of the vector layer")
  UUID layer;

  @Option(names = {"-o", "--output"}, description = "file to write (default: standard output)")
  Path output;

  ExportCommand(FeatureService features, AdminBootstrap admin) {
    this.features = features;
    this.admin = admin;
  }

  @Override
  public Integer call() throws IOException {
    Caller caller = new Caller(admin.ensureAdmin(), true);
    OutputStream raw = output == null ? System.out : Files.newOutputStream(output);
    try (OutputStream out = new BufferedOutputStream(raw, 1 << 16);
        ProgressBar bar =
            new ProgressBarBuilder()
                .setTaskName("Exporting")
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .build()) {
      GeoJsonWriter[] writer = new GeoJsonWriter[1];
      features.export(
          caller,
          layer,
          l -> {
            bar.maxHint(l.sourceConfig().path("featureCount").asLong(-1));
            writer[0] = GeoJsonWriter.featureCollection(out);
          },
          f -> {
            writer[0].writeFeature(f.id().toString(), f.geometry(), f.propertiesJson());
            bar.step();
          });
      writer[0].close();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return 0;
  }
}
