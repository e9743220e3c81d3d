package dev.tessera.server.tiles;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Tiles are cached gzipped (most clients accept it, and it quarters the cache's memory). */
final class Gzip {
  private Gzip() {}

  static byte[] compress(byte[] raw) {
    var out = new ByteArrayOutputStream(raw.length / 3 + 64);
    try (var gzip = new GZIPOutputStream(out, 8192)) {
      gzip.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] decompress(byte[] gzipped) {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
