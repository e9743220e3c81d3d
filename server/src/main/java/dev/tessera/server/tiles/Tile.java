package dev.tessera.server.tiles;

import java.util.Arrays;

/**
 * One tile's bytes as the source holds them.
 *
 * @param gzipped the bytes are gzip-compressed (archives often store vector tiles so); they are then passed to clients
 *     that accept gzip without being recompressed
 */
public record Tile(byte[] bytes, boolean gzipped) {
  public static Tile raw(byte[] bytes) {
    return new Tile(bytes, false);
  }

  public static Tile gzipped(byte[] bytes) {
    return new Tile(bytes, true);
  }

  /** Whether {@code bytes} start with the gzip magic number. */
  public static boolean looksGzipped(byte[] bytes) {
    return bytes.length > 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tile t && gzipped == t.gzipped && Arrays.equals(bytes, t.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(bytes) + Boolean.hashCode(gzipped);
  }

  @Override
  public String toString() {
    return "Tile[" + bytes.length + " bytes" + (gzipped ? ", gzipped" : "") + "]";
  }
}
