package dev.tessera.engine.raster;

/** Image encodings the renderer writes. WebP has no well-kept pure-Java encoder on Maven Central, so it is refused. */
public enum ImageFormat {
  PNG,
  JPEG
}
