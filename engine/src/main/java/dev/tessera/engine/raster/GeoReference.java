package dev.tessera.engine.raster;

/**
 * Where a raster's pixels lie: the affine transform from pixel-edge coordinates (col, row; (0, 0) is the top-left
 * corner of the top-left pixel) to the CRS named by an EPSG code, as GDAL reads GeoTIFF keys (PixelIsPoint rasters
 * are shifted by half a pixel so the transform is always to pixel corners).
 *
 * @param epsg EPSG code of the CRS; 0 when the file names none
 */
public record GeoReference(int epsg, double originX, double pixelX, double rotX, double originY, double rotY,
    double pixelY) {

  /** CRS x of pixel-edge coordinate (col, row). */
  public double x(double col, double row) {
    return originX + col * pixelX + row * rotX;
  }

  /** CRS y of pixel-edge coordinate (col, row). */
  public double y(double col, double row) {
    return originY + col * rotY + row * pixelY;
  }

  /** Pixel-edge column of CRS (x, y); {@code out[0]} col, {@code out[1]} row. */
  void toPixel(double x, double y, double[] out) {
    double det = pixelX * pixelY - rotX * rotY;
    double dx = x - originX;
    double dy = y - originY;
    out[0] = (dx * pixelY - dy * rotX) / det;
    out[1] = (dy * pixelX - dx * rotY) / det;
  }

  boolean invertible() {
    double det = pixelX * pixelY - rotX * rotY;
    return det != 0 && Double.isFinite(det);
  }
}
