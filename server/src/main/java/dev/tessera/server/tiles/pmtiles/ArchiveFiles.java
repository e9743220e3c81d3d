package dev.tessera.server.tiles.pmtiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Resolves an archive path a layer names inside the files root. The layer validator already refuses absolute paths
 * and '..'; this is the second line: the real path (symbolic links followed) must still lie under the root's real
 * path, or the archive is reported missing, exactly as an absent file is, so nothing outside the root can be probed.
 */
public final class ArchiveFiles {
  private ArchiveFiles() {}

  static Path resolve(Path filesRoot, String relative) {
    return resolve(filesRoot, relative, PmtilesException::notFound);
  }

  /** As above for other file sources (COGs), with their own "not found" problem built from the relative path. */
  public static Path resolve(Path filesRoot, String relative, Function<String, RuntimeException> notFound) {
    try {
      Path root = filesRoot.toRealPath();
      Path candidate = root.resolve(relative).normalize();
      if (!candidate.startsWith(root)) {
        throw notFound.apply(relative);
      }
      Path real = candidate.toRealPath();
      if (!real.startsWith(root) || !Files.isRegularFile(real)) {
        throw notFound.apply(relative);
      }
      return real;
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw notFound.apply(relative);
    }
  }
}
