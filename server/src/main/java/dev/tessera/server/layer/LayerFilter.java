package dev.tessera.server.layer;

/** Optional filters of the layer library; null means "any". */
public record LayerFilter(SourceType sourceType, String category, Boolean isGlobal) {
  public static LayerFilter none() {
    return new LayerFilter(null, null, null);
  }
}
