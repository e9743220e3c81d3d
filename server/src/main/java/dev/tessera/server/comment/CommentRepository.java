package dev.tessera.server.comment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Comments. Implementations are thread-safe. */
public interface CommentRepository {

  void insert(Comment comment);

  Optional<Comment> findById(UUID id);

  /** Every comment on the map (replies included, tombstones too), oldest first. */
  List<Comment> findByMap(UUID mapId);

  /** Every comment on the layer, oldest first. */
  List<Comment> findByLayer(UUID layerId);

  /** Writes content, resolved flag and updated_at. */
  boolean update(Comment comment);

  /** Keeps the comment's place in its thread: content cleared, deleted_at set. */
  boolean tombstone(UUID id, Instant at);

  boolean delete(UUID id);

  boolean hasReplies(UUID id);

  /** Author names by id, for rendering threads. */
  java.util.Map<UUID, String> authorNames(java.util.Collection<UUID> authorIds);
}
