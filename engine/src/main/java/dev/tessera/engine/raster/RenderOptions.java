package dev.tessera.engine.raster;

/**
 * How to turn a COG's samples into an image, TiTiler's tile parameters: which bands ({@code bidx}, 1-based) or an
 * {@code expression}; {@code rescale} ranges, one for all bands or one per band (null: values clamped to 0…255); a
 * {@code colormap} for one-band output; a {@code nodata} value overriding the file's; {@code returnMask} for
 * transparency where there is no data; the resampling kernel, output format and size in pixels.
 */
public record RenderOptions(
    int[] bidx,
    Expression expression,
    double[][] rescale,
    Colormap colormap,
    Double nodata,
    boolean returnMask,
    Resampling resampling,
    ImageFormat format,
    int size) {

  public RenderOptions {
    if (size < 1 || size > 4096) {
      throw RasterException.badParameter("tilesize", "tile size must be 1…4096 pixels, was " + size);
    }
    if (resampling == null) {
      resampling = Resampling.NEAREST;
    }
    if (format == null) {
      format = ImageFormat.PNG;
    }
  }

  /** Defaults: all bands, no rescale, no colormap, mask on, nearest, PNG, 256 px. */
  public static RenderOptions defaults() {
    return new RenderOptions(null, null, null, null, null, true, Resampling.NEAREST, ImageFormat.PNG, 256);
  }

  public RenderOptions withSize(int newSize) {
    return new RenderOptions(bidx, expression, rescale, colormap, nodata, returnMask, resampling, format, newSize);
  }

  public RenderOptions withFormat(ImageFormat newFormat) {
    return new RenderOptions(bidx, expression, rescale, colormap, nodata, returnMask, resampling, newFormat, size);
  }
}
