package dev.tessera.engine.raster;

/**
 * Image encodings the renderer writes. WebP is lossless, written by libwebp through {@link WebpWriter}; it is only
 * available where that native library loads ({@link WebpWriter#available()}).
 */
public enum ImageFormat {
  PNG,
  JPEG,
  WEBP
}
