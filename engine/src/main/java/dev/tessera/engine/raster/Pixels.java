package dev.tessera.engine.raster;

/**
 * A rendered grid before colouring: per band one value per pixel (row-major), and whether each pixel holds data.
 * Not thread-safe; one per request.
 */
public record Pixels(int width, int height, double[][] bands, boolean[] valid) {
  public static Pixels empty(int width, int height, int bands) {
    return new Pixels(width, height, new double[bands][width * height], new boolean[width * height]);
  }

  public int bandCount() {
    return bands.length;
  }

  public boolean anyValid() {
    for (boolean v : valid) {
      if (v) {
        return true;
      }
    }
    return false;
  }
}
