package dev.tessera.server.tiles.pmtiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves an archive path a layer names inside the files root. The layer validator already refuses absolute paths
 * and '..'; this is the second line: the real path (symbolic links followed) must still lie under the root's real
 * path, or the archive is reported missing, exactly as an absent file is, so nothing outside the root can be probed.
 */
final class ArchiveFiles {
  private ArchiveFiles() {}

  static Path resolve(Path filesRoot, String relative) {
    try {
      Path root = filesRoot.toRealPath();
      Path candidate = root.resolve(relative).normalize();
      if (!candidate.startsWith(root)) {
        throw PmtilesException.notFound(relative);
      }
      Path real = candidate.toRealPath();
      if (!real.startsWith(root) || !Files.isRegularFile(real)) {
        throw PmtilesException.notFound(relative);
      }
      return real;
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw PmtilesException.notFound(relative);
    }
  }
}
