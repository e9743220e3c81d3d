package dev.tessera.server.tiles;

import dev.tessera.engine.raster.ImageFormat;
import java.util.List;
import org.springframework.http.MediaType;

/** Tile encodings Tessera serves, with the URL extensions each answers to. */
public enum TileFormat {
  MVT("application/vnd.mapbox-vector-tile", true, "mvt", "pbf"),
  PNG("image/png", false, "png"),
  JPEG("image/jpeg", false, "jpg", "jpeg"),
  WEBP("image/webp", false, "webp");

  private final MediaType mediaType;
  private final boolean compressible;
  private final List<String> extensions;

  TileFormat(String mediaType, boolean compressible, String... extensions) {
    this.mediaType = MediaType.parseMediaType(mediaType);
    this.compressible = compressible;
    this.extensions = List.of(extensions);
  }

  public MediaType mediaType() {
    return mediaType;
  }

  /** Whether gzip pays (vector tiles); images are already compressed and are cached and sent as they are. */
  public boolean compressible() {
    return compressible;
  }

  /** The extension tile URLs use for this format. */
  public String extension() {
    return extensions.getFirst();
  }

  public boolean answersTo(String extension) {
    return extensions.contains(extension);
  }

  /** The engine's encoding of an image format; vector tiles have none. */
  public ImageFormat encoding() {
    return switch (this) {
      case PNG -> ImageFormat.PNG;
      case JPEG -> ImageFormat.JPEG;
      case WEBP -> ImageFormat.WEBP;
      case MVT -> throw new IllegalStateException("vector tiles are not images");
    };
  }

  /** The image format (PNG, JPEG, WebP) a URL extension names, or null for any other extension. */
  public static TileFormat image(String extension) {
    for (TileFormat f : new TileFormat[] {PNG, JPEG, WEBP}) {
      if (f.answersTo(extension)) {
        return f;
      }
    }
    return null;
  }
}
