package dev.tessera.server.tiles.pmtiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchiveFilesTest {
  @TempDir Path dir;
  Path root;
  Path outside;

  @BeforeEach
  void files() throws IOException {
    root = Files.createDirectories(dir.resolve("root"));
    Files.createDirectories(root.resolve("sub"));
    Files.write(root.resolve("sub/a.pmtiles"), new byte[] {1});
    outside = Files.write(dir.resolve("secret.pmtiles"), new byte[] {2});
    Files.createSymbolicLink(root.resolve("escape.pmtiles"), outside);
    Files.createSymbolicLink(root.resolve("inside.pmtiles"), root.resolve("sub/a.pmtiles"));
  }

  @Test
  void aFileUnderTheRootResolvesToItsRealPath() throws IOException {
    assertThat(ArchiveFiles.resolve(root, "sub/a.pmtiles")).isEqualTo(root.resolve("sub/a.pmtiles").toRealPath());
    assertThat(ArchiveFiles.resolve(root, "inside.pmtiles")).isEqualTo(root.resolve("sub/a.pmtiles").toRealPath());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"../secret.pmtiles", "sub/../../secret.pmtiles", "escape.pmtiles", "missing.pmtiles", "sub", "/etc/passwd"})
  void anythingLeavingTheRootOrMissingIsNotFound(String path) {
    assertThatThrownBy(() -> ArchiveFiles.resolve(root, path))
        .isInstanceOf(PmtilesException.class)
        .extracting(e -> ((PmtilesException) e).code())
        .isEqualTo("archive_not_found");
  }

  @Test
  void theProblemNamesThePathAsGivenNotTheServersPath() {
    assertThatThrownBy(() -> ArchiveFiles.resolve(root, "escape.pmtiles"))
        .hasMessageContaining("'escape.pmtiles'")
        .hasMessageNotContaining(dir.toString());
  }
}
