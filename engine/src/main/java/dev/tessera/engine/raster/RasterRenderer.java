package dev.tessera.engine.raster;

import dev.tessera.engine.tile.TileCoord;

/**
 * Renders a COG into images: band selection or band math, rescale, colormap and mask, then encoding. The entry point
 * of the raster engine for tiles and previews. Stateless and thread-safe.
 */
public final class RasterRenderer {
  private RasterRenderer() {}

  /** The encoded WebMercatorQuad tile, or null when it lies wholly outside the raster. */
  public static byte[] tile(Cog cog, TileCoord coord, RenderOptions o) {
    int[] bands = bandsToRead(cog, o);
    Pixels pixels = Warp.tile(cog, coord, o.size(), bands, o.resampling(), nodata(cog, o));
    if (pixels == null) {
      return null;
    }
    return ImageEncoder.encode(colour(select(pixels, o), o), o.size(), o.size(), o.format());
  }

  /** The whole raster in its own CRS, at most {@code maxSize} pixels on its longer side. */
  public static byte[] preview(Cog cog, int maxSize, RenderOptions o) {
    double factor = Math.min(1.0, (double) maxSize / Math.max(cog.width(), cog.height()));
    int w = Math.max(1, (int) Math.round(cog.width() * factor));
    int h = Math.max(1, (int) Math.round(cog.height() * factor));
    double[] fx = new double[w * h];
    double[] fy = new double[w * h];
    for (int j = 0; j < h; j++) {
      for (int i = 0; i < w; i++) {
        fx[j * w + i] = (i + 0.5) * cog.width() / w;
        fy[j * w + i] = (j + 0.5) * cog.height() / h;
      }
    }
    int level = Warp.coarsestWithin(cog, (double) cog.width() / w);
    Pixels pixels = Warp.sample(cog, level, fx, fy, w, h, bandsToRead(cog, o), o.resampling(), nodata(cog, o));
    if (pixels == null) {
      pixels = Pixels.empty(w, h, bandsToRead(cog, o).length);
    }
    return ImageEncoder.encode(colour(select(pixels, o), o), w, h, o.format());
  }

  static Double nodata(Cog cog, RenderOptions o) {
    return o.nodata() != null ? o.nodata() : cog.nodata();
  }

  /** 0-based bands the options need: those the expression names, {@code bidx}, or the colour bands. */
  static int[] bandsToRead(Cog cog, RenderOptions o) {
    int count = cog.bandCount();
    if (o.expression() != null) {
      if (o.expression().maxBand() > count) {
        throw RasterException.badParameter("expression", "expression reads b" + o.expression().maxBand() + " but "
            + cog.name() + " has " + count + " band" + (count == 1 ? "" : "s"));
      }
      int[] all = new int[o.expression().maxBand()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return all;
    }
    if (o.bidx() != null) {
      int[] out = new int[o.bidx().length];
      for (int i = 0; i < out.length; i++) {
        if (o.bidx()[i] < 1 || o.bidx()[i] > count) {
          throw RasterException.badParameter("bidx", "bidx " + o.bidx()[i] + " is not a band of " + cog.name()
              + " (bands 1…" + count + ")");
        }
        out[i] = o.bidx()[i] - 1;
      }
      return out;
    }
    int colourBands = cog.alphaBand() >= 0 ? count - 1 : count;
    return colourBands >= 3 ? new int[] {0, 1, 2} : new int[] {0};
  }

  /** Applies the expression, if any: its outputs become the bands. */
  static Pixels select(Pixels in, RenderOptions o) {
    Expression e = o.expression();
    if (e == null) {
      return in;
    }
    int n = in.width() * in.height();
    double[][] out = new double[e.outputs()][n];
    double[] values = new double[in.bandCount()];
    boolean[] valid = in.valid().clone();
    for (int k = 0; k < n; k++) {
      if (!valid[k]) {
        continue;
      }
      for (int b = 0; b < values.length; b++) {
        values[b] = in.bands()[b][k];
      }
      for (int i = 0; i < out.length; i++) {
        double v = e.evaluate(i, values);
        out[i][k] = v;
        if (Double.isNaN(v)) {
          valid[k] = false;
        }
      }
    }
    return new Pixels(in.width(), in.height(), out, valid);
  }

  /** Rescale, colormap and mask: one ARGB int per pixel. */
  static int[] colour(Pixels p, RenderOptions o) {
    int bands = p.bandCount();
    if (bands != 1 && bands != 3 && bands != 4) {
      throw RasterException.badParameter(o.expression() != null ? "expression" : "bidx",
          "an image needs 1, 3 or 4 bands, the request gives " + bands);
    }
    if (o.colormap() != null && bands != 1) {
      throw RasterException.badParameter("colormap_name", "a colormap applies to one band, the request gives "
          + bands);
    }
    int n = p.width() * p.height();
    int[] argb = new int[n];
    Colormap colormap = o.colormap();
    boolean rescale = o.rescale() != null;
    for (int k = 0; k < n; k++) {
      boolean valid = p.valid()[k];
      if (!valid && o.returnMask()) {
        continue;
      }
      if (bands == 1) {
        double v = p.bands()[0][k];
        double scaled = rescale ? scale(v, range(o, 0)) : clamp(v);
        if (colormap != null) {
          int c = colormap.argb(colormap.indexed() || rescale ? scaled : v);
          argb[k] = valid || !o.returnMask() ? (valid ? c : 0xFF000000) : 0;
        } else {
          int g = valid ? (int) Math.round(scaled) : 0;
          argb[k] = 0xFF000000 | g << 16 | g << 8 | g;
        }
      } else {
        int rgb = 0;
        for (int b = 0; b < 3; b++) {
          double v = p.bands()[b][k];
          int c = valid ? (int) Math.round(rescale ? scale(v, range(o, b)) : clamp(v)) : 0;
          rgb = rgb << 8 | c;
        }
        int alpha = bands == 4 && valid ? (int) Math.round(clamp(p.bands()[3][k])) : 0xFF;
        argb[k] = alpha << 24 | rgb;
      }
    }
    return argb;
  }

  private static double[] range(RenderOptions o, int band) {
    double[][] r = o.rescale();
    return r[Math.min(band, r.length - 1)];
  }

  private static double scale(double v, double[] range) {
    return clamp((v - range[0]) / (range[1] - range[0]) * 255.0);
  }

  private static double clamp(double v) {
    return Double.isNaN(v) ? 0 : v < 0 ? 0 : v > 255 ? 255 : v;
  }
}
