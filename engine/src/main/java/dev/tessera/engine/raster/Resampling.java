package dev.tessera.engine.raster;

import java.util.Locale;

/** How a warped pixel's value is taken from the source pixels around it, as GDAL names the methods. */
public enum Resampling {
  NEAREST(0),
  BILINEAR(1),
  CUBIC(2);

  private final int radius;

  Resampling(int radius) {
    this.radius = radius;
  }

  /** Source pixels needed on each side of the nearest one. */
  int radius() {
    return radius;
  }

  /** By name (nearest, bilinear, cubic), case-insensitive; null if none matches. */
  public static Resampling byName(String name) {
    for (Resampling r : values()) {
      if (r.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return r;
      }
    }
    return null;
  }

  /** Keys' cubic convolution kernel with a = -0.5, GDAL's "cubic". */
  static double cubic(double t) {
    double x = Math.abs(t);
    if (x < 1) {
      return (1.5 * x - 2.5) * x * x + 1;
    }
    if (x < 2) {
      return ((-0.5 * x + 2.5) * x - 4) * x + 2;
    }
    return 0;
  }
}
