package dev.tessera.server.comment;

import java.time.Instant;
import java.util.UUID;

/**
 * A comment on a map or on a layer (exactly one), a reply when {@code parentId} is set. A deleted comment that still
 * has replies is kept as a tombstone: {@code deletedAt} set, content empty.
 */
public record Comment(
    UUID id,
    String content,
    UUID authorId,
    UUID mapId,
    UUID layerId,
    UUID parentId,
    boolean resolved,
    Instant createdAt,
    Instant updatedAt,
    Instant deletedAt) {

  public Comment {
    if ((mapId == null) == (layerId == null)) {
      throw new IllegalArgumentException("a comment is on a map or on a layer, exactly one");
    }
  }

  public boolean deleted() {
    return deletedAt != null;
  }
}
