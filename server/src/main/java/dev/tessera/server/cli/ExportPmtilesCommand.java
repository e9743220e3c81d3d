package dev.tessera.server.cli;

import dev.tessera.server.security.Caller;
import dev.tessera.server.tiles.pmtiles.PmtilesExport;
import dev.tessera.server.user.AdminBootstrap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tessera export-pmtiles}: writes a vector layer's tiles of a zoom range to a PMTiles archive. */
@Command(
    name = "export-pmtiles",
    mixinStandardHelpOptions = true,
    description = "Export a vector layer's tiles to a PMTiles v3 archive (tiles with data only, gzipped MVT).")
class ExportPmtilesCommand implements Callable<Integer> {
  private final PmtilesExport export;
  private final AdminBootstrap admin;

  @Option(names = "--layer", required = true, description = "id of the vector layer")
  UUID layer;

  @Option(names = "--minzoom", defaultValue = "0", description = "lowest zoom written (default: ${DEFAULT-VALUE})")
  int minZoom;

  @Option(names = "--maxzoom", defaultValue = "14", description = "highest zoom written, at most 16 (default: ${DEFAULT-VALUE})")
  int maxZoom;

  @Option(names = {"-o", "--output"}, required = true, description = "the .pmtiles file to write")
  Path output;

  ExportPmtilesCommand(PmtilesExport export, AdminBootstrap admin) {
    this.export = export;
    this.admin = admin;
  }

  @Override
  public Integer call() throws IOException {
    PmtilesExport.checkZooms(minZoom, maxZoom);
    Caller caller = new Caller(admin.ensureAdmin(), true);
    PmtilesExport.Result result;
    try (ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName("Tiles")
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .build()) {
      result =
          export.export(
              caller,
              layer,
              minZoom,
              maxZoom,
              output,
              (visited, estimated) -> {
                bar.maxHint(estimated); // an upper bound: empty subtrees are skipped, so the bar may jump to the end
                bar.stepTo(visited);
              });
    }
    System.err.println("Wrote " + result.tiles() + " tiles to " + output);
    return 0;
  }
}
