package dev.tessera.server.api;

import static org.assertj.core.api.Assertions.fail;

import dev.tessera.engine.tile.WebMercator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * GDAL (Debian gdal-bin) as the independent oracle for raster tiles: writes test COGs with {@code gdal_translate -of
 * COG} from raw samples made here, and warps the same window as a WebMercatorQuad tile with {@code gdalwarp}, read
 * back as float64 with an alpha band. Skips the caller's test when GDAL is missing, or fails it when
 * TESSERA_TEST_GDAL_REQUIRED=true.
 */
final class GdalOracle {
  private GdalOracle() {}

  static void require() {
    try {
      run(List.of("gdal_translate", "--version"));
    } catch (IllegalStateException e) {
      if (Boolean.parseBoolean(System.getenv("TESSERA_TEST_GDAL_REQUIRED"))) {
        fail("TESSERA_TEST_GDAL_REQUIRED=true but gdal_translate is not on the PATH; install Debian's gdal-bin");
      }
      Assumptions.abort("gdal_translate (Debian gdal-bin) is not installed; GDAL raster oracle tests skipped");
    }
  }

  /**
   * A raw ENVI file of {@code bands} × w × h samples of ENVI {@code dataType}: 1 byte (negative values written as
   * two's complement, for int8), 2 int16, 12 uint16, 3 int32, 13 uint32, 4 float32, 5 float64.
   */
  static Path raw(Path dir, String name, int w, int h, int bands, int dataType, SampleFunction f) throws IOException {
    int bytes = switch (dataType) {
      case 1 -> 1;
      case 2, 12 -> 2;
      case 5 -> 8;
      default -> 4;
    };
    ByteBuffer buf = ByteBuffer.allocate(w * h * bands * bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (int b = 0; b < bands; b++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double v = f.value(b, x, y);
          switch (dataType) {
            case 1 -> buf.put((byte) v);
            case 2, 12 -> buf.putShort((short) v);
            case 3, 13 -> buf.putInt((int) (long) v);
            case 5 -> buf.putDouble(v);
            default -> buf.putFloat((float) v);
          }
        }
      }
    }
    Path data = dir.resolve(name + ".bin");
    Files.write(data, buf.array());
    Files.writeString(dir.resolve(name + ".hdr"), "ENVI\nsamples = " + w + "\nlines = " + h + "\nbands = " + bands
        + "\nheader offset = 0\nfile type = ENVI Standard\ndata type = " + dataType
        + "\ninterleave = bsq\nbyte order = 0\n");
    return data;
  }

  /** {@code gdal_translate -of COG} of {@code raw} georeferenced by corners in {@code srs}, with creation options. */
  static void cog(Path raw, Path out, String srs, double[] ullr, String nodata, String... creationOptions) {
    List<String> cmd = new ArrayList<>(List.of("gdal_translate", "-q", "-of", "COG", "-a_srs", srs, "-a_ullr",
        str(ullr[0]), str(ullr[1]), str(ullr[2]), str(ullr[3])));
    if (nodata != null) {
      cmd.addAll(List.of("-a_nodata", nodata));
    }
    for (String option : creationOptions) {
      cmd.addAll(List.of("-co", option));
    }
    cmd.addAll(List.of(raw.toString(), out.toString()));
    run(cmd);
  }

  /** {@code gdal_translate -of GTiff} (for what the COG driver cannot write, such as int8), tiled, no overviews. */
  static void tiff(Path raw, Path out, String srs, double[] ullr, String... creationOptions) {
    List<String> cmd = new ArrayList<>(List.of("gdal_translate", "-q", "-of", "GTiff", "-a_srs", srs, "-a_ullr",
        str(ullr[0]), str(ullr[1]), str(ullr[2]), str(ullr[3]), "-co", "TILED=YES"));
    for (String option : creationOptions) {
      cmd.addAll(List.of("-co", option));
    }
    cmd.addAll(List.of(raw.toString(), out.toString()));
    run(cmd);
  }

  /** gdalwarp of one WebMercatorQuad tile: per band {@code size²} float64 samples, then the alpha band (0 / 255). */
  static double[][] warp(Path cog, int z, int x, int y, int size, String resampling, Path dir) throws IOException {
    double world = WebMercator.WORLD_SIZE_METRES;
    double tile = world / (1L << z);
    double minX = -world / 2 + x * tile;
    double maxY = world / 2 - y * tile;
    Path out = dir.resolve("warp-" + z + "-" + x + "-" + y + "-" + resampling + ".bin");
    run(List.of("gdalwarp", "-q", "-overwrite", "-t_srs", "EPSG:3857", "-te", str(minX), str(maxY - tile),
        str(minX + tile), str(maxY), "-ts", String.valueOf(size), String.valueOf(size), "-r", resampling, "-et", "0",
        "-dstalpha", "-ot", "Float64", "-of", "ENVI", cog.toString(), out.toString()));
    ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
    int n = size * size;
    int bands = buf.remaining() / 8 / n;
    double[][] result = new double[bands][n];
    for (int b = 0; b < bands; b++) {
      for (int i = 0; i < n; i++) {
        result[b][i] = buf.getDouble();
      }
    }
    return result;
  }

  /** An image file (PNG, WebP…) as GDAL decodes it, one ARGB int per pixel (opaque without an alpha band). */
  static int[] argb(Path image, Path dir) throws IOException {
    Path out = dir.resolve(image.getFileName() + ".decoded.bin");
    run(List.of("gdal_translate", "-q", "-of", "ENVI", "-ot", "Byte", image.toString(), out.toString()));
    byte[] raw = Files.readAllBytes(out);
    String info = run(List.of("gdalinfo", image.toString()));
    int bands = (int) info.lines().filter(l -> l.startsWith("Band ")).count();
    int n = raw.length / bands;
    int[] pixels = new int[n];
    for (int i = 0; i < n; i++) {
      int a = bands == 4 ? raw[3 * n + i] & 0xFF : 0xFF;
      pixels[i] = a << 24 | (raw[i] & 0xFF) << 16 | (raw[n + i] & 0xFF) << 8 | (raw[2 * n + i] & 0xFF);
    }
    return pixels;
  }

  /** The tile at zoom {@code z} holding longitude/latitude {@code lon}, {@code lat}: {x, y}. */
  static int[] tileAt(double lon, double lat, int z) {
    return new int[] {(int) (WebMercator.x(lon) * (1 << z)), (int) (WebMercator.y(lat) * (1 << z))};
  }

  static String run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] output = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(command.getFirst() + " failed: " + new String(output));
      }
      return new String(output);
    } catch (IOException e) {
      throw new IllegalStateException(command.getFirst() + " could not run: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String str(double v) {
    return String.valueOf(v);
  }

  /** A sample value at (band, x, y). */
  interface SampleFunction {
    double value(int band, int x, int y);
  }
}
