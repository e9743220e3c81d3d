package dev.tessera.server.comment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A comment as clients see it, with its replies nested to any depth. A tombstone ({@code deleted}) keeps its place
 * but shows neither text nor author.
 */
public record CommentView(
    UUID id,
    String content,
    UUID authorId,
    String authorName,
    UUID mapId,
    UUID layerId,
    UUID parentId,
    boolean isResolved,
    boolean deleted,
    Instant createdAt,
    Instant updatedAt,
    List<CommentView> replies) {

  static CommentView of(Comment c, Map<UUID, String> names, List<CommentView> replies) {
    return new CommentView(
        c.id(),
        c.deleted() ? null : c.content(),
        c.deleted() ? null : c.authorId(),
        c.deleted() ? null : names.get(c.authorId()),
        c.mapId(),
        c.layerId(),
        c.parentId(),
        c.resolved(),
        c.deleted(),
        c.createdAt(),
        c.updatedAt(),
        replies);
  }

  /** The comments as threads: roots oldest first, each with its replies oldest first. */
  static List<CommentView> threads(List<Comment> comments, Map<UUID, String> names) {
    Map<UUID, List<Comment>> children = new HashMap<>();
    Map<UUID, Comment> byId = new HashMap<>();
    comments.forEach(c -> byId.put(c.id(), c));
    List<Comment> roots = new ArrayList<>();
    for (Comment c : comments) {
      if (c.parentId() == null || !byId.containsKey(c.parentId())) {
        roots.add(c);
      } else {
        children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
      }
    }
    return build(roots, children, names);
  }

  private static List<CommentView> build(List<Comment> level, Map<UUID, List<Comment>> children, Map<UUID, String> names) {
    List<CommentView> views = new ArrayList<>();
    level.stream()
        .sorted(Comparator.comparing(Comment::createdAt).thenComparing(Comment::id))
        .forEach(c -> views.add(of(c, names, build(children.getOrDefault(c.id(), List.of()), children, names))));
    return views;
  }
}
