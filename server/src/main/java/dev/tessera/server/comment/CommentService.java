package dev.tessera.server.comment;

import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.LayerRepository;
import dev.tessera.server.live.MapEvents;
import dev.tessera.server.map.MapRepository;
import dev.tessera.server.map.WebMap;
import dev.tessera.server.problem.ApiException;
import dev.tessera.server.security.AccessPolicy;
import dev.tessera.server.security.Caller;
import dev.tessera.server.store.Ids;
import dev.tessera.server.store.Rows;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Threaded comments on maps and layers. Whoever may see the map (layer) reads its comments; signed-in viewers
 * write; the rules for editing, resolving and deleting are {@link AccessPolicy}'s. Every change is a live event on
 * the map (or on every map the layer is on). Thread-safe.
 */
@Service
public class CommentService {
  static final int MAX_CONTENT = 10_000;

  private final CommentRepository comments;
  private final MapRepository maps;
  private final LayerRepository layers;
  private final AccessPolicy access;
  private final MapEvents events;

  CommentService(
      CommentRepository comments, MapRepository maps, LayerRepository layers, AccessPolicy access, MapEvents events) {
    this.comments = comments;
    this.maps = maps;
    this.layers = layers;
    this.access = access;
    this.events = events;
  }

  /** A new comment: on a map or a layer, or a reply (whose target is its parent's). */
  public record NewComment(String content, UUID mapId, UUID layerId, UUID parentId) {}

  /** A partial change: text (author only) and/or resolved state. */
  public record CommentChange(String content, Boolean isResolved) {}

  @Transactional(readOnly = true)
  public List<CommentView> threads(Caller caller, UUID mapId, UUID layerId) {
    if ((mapId == null) == (layerId == null)) {
      throw ApiException.badRequest("invalid_parameter", "Give exactly one of the query parameters mapId and layerId.")
          .with("parameter", "mapId");
    }
    List<Comment> found;
    if (mapId != null) {
      visibleMap(caller, mapId);
      found = comments.findByMap(mapId);
    } else {
      visibleLayer(caller, layerId);
      found = comments.findByLayer(layerId);
    }
    return CommentView.threads(found, names(found));
  }

  @Transactional
  public CommentView create(Caller caller, NewComment input) {
    requireSignedIn(caller);
    String content = content(input.content());
    UUID mapId = input.mapId();
    UUID layerId = input.layerId();
    if (input.parentId() != null) {
      Comment parent = comments.findById(input.parentId()).orElseThrow(() -> unknownParent(input.parentId()));
      if ((mapId != null && !mapId.equals(parent.mapId())) || (layerId != null && !layerId.equals(parent.layerId()))) {
        throw ApiException.invalidField("parent_id", "A reply is on the same map or layer as its parent.");
      }
      if (parent.deleted()) {
        throw ApiException.invalidField("parent_id", "Comment " + parent.id() + " was deleted; it takes no replies.");
      }
      mapId = parent.mapId();
      layerId = parent.layerId();
    }
    if ((mapId == null) == (layerId == null)) {
      throw ApiException.invalidField("map_id", "Give exactly one of 'map_id' and 'layer_id' (or a 'parent_id').");
    }
    Target target = target(caller, mapId, layerId, input.parentId());
    if (!target.commentable(access, caller)) {
      throw ApiException.forbidden("Sign in to comment.");
    }
    Instant now = Rows.now();
    Comment comment = new Comment(Ids.newId(), content, caller.userId(), mapId, layerId, input.parentId(), false, now, now, null);
    comments.insert(comment);
    CommentView view = view(comment);
    publish(comment, "comment_created", Map.of("comment", view));
    return view;
  }

  @Transactional
  public CommentView update(Caller caller, UUID id, CommentChange change) {
    requireSignedIn(caller);
    Comment current = visible(caller, id);
    Target target = target(caller, current.mapId(), current.layerId(), id);
    String content = current.content();
    if (change.content() != null) {
      if (!access.canEditComment(caller, current.authorId())) {
        throw ApiException.forbidden("Only a comment's author changes its text.").with("field", "content");
      }
      content = content(change.content());
    }
    boolean resolved = current.resolved();
    if (change.isResolved() != null && change.isResolved() != current.resolved()) {
      if (!target.resolvable(access, caller, current.authorId())) {
        throw ApiException.forbidden("Only the comment's author and the map's editors resolve it.")
            .with("field", "is_resolved");
      }
      resolved = change.isResolved();
    }
    Instant now = Rows.now();
    if (!now.isAfter(current.updatedAt())) {
      now = current.updatedAt().plus(1, ChronoUnit.MICROS);
    }
    Comment updated =
        new Comment(id, content, current.authorId(), current.mapId(), current.layerId(), current.parentId(), resolved,
            current.createdAt(), now, null);
    comments.update(updated);
    CommentView view = view(updated);
    publish(updated, "comment_updated", Map.of("comment", view));
    return view;
  }

  /** Deletes the comment; one with replies stays as a tombstone, and tombstones left without replies go too. */
  @Transactional
  public void delete(Caller caller, UUID id) {
    requireSignedIn(caller);
    Comment current = visible(caller, id);
    Target target = target(caller, current.mapId(), current.layerId(), id);
    if (!target.deletable(access, caller, current.authorId())) {
      throw ApiException.forbidden("Only a comment's author and the map's owner delete it.");
    }
    if (comments.hasReplies(id)) {
      comments.tombstone(id, Rows.now());
    } else {
      comments.delete(id);
      UUID parentId = current.parentId();
      while (parentId != null) {
        Comment parent = comments.findById(parentId).orElse(null);
        if (parent == null || !parent.deleted() || comments.hasReplies(parentId)) {
          break;
        }
        comments.delete(parentId);
        parentId = parent.parentId();
      }
    }
    publish(current, "comment_deleted", Map.of("comment_id", id));
  }

  private void publish(Comment comment, String type, Map<String, ?> data) {
    if (comment.mapId() != null) {
      events.publish(comment.mapId(), type, data);
    } else {
      events.publishForLayer(comment.layerId(), type, data);
    }
  }

  private CommentView view(Comment comment) {
    return CommentView.of(comment, comments.authorNames(Set.of(comment.authorId())), List.of());
  }

  private Map<UUID, String> names(List<Comment> found) {
    Set<UUID> authors = new HashSet<>();
    found.forEach(c -> authors.add(c.authorId()));
    return comments.authorNames(authors);
  }

  /** The comment, if the caller may see what it is on; 404 otherwise and for tombstones. */
  private Comment visible(Caller caller, UUID id) {
    Comment comment =
        comments.findById(id).filter(c -> !c.deleted()).orElseThrow(() -> ApiException.notFound("comment", id));
    target(caller, comment.mapId(), comment.layerId(), id);
    return comment;
  }

  /** What a comment is on, checked visible to the caller (404 naming the comment when {@code commentId} is set). */
  private Target target(Caller caller, UUID mapId, UUID layerId, UUID commentId) {
    try {
      return mapId != null ? new Target(visibleMap(caller, mapId), null) : new Target(null, visibleLayer(caller, layerId));
    } catch (ApiException e) {
      throw commentId != null ? ApiException.notFound("comment", commentId) : e;
    }
  }

  private WebMap visibleMap(Caller caller, UUID mapId) {
    return maps.findById(mapId).filter(m -> access.canView(caller, m)).orElseThrow(() -> ApiException.notFound("map", mapId));
  }

  private Layer visibleLayer(Caller caller, UUID layerId) {
    return layers
        .findById(layerId)
        .filter(l -> access.canView(caller, l))
        .orElseThrow(() -> ApiException.notFound("layer", layerId));
  }

  private static String content(String content) {
    if (content == null || content.isBlank()) {
      throw ApiException.invalidField("content", "Field 'content' is required.");
    }
    if (content.length() > MAX_CONTENT) {
      throw ApiException.invalidField("content", "Field 'content' is longer than " + MAX_CONTENT + " characters.");
    }
    return content.strip();
  }

  private static ApiException unknownParent(UUID parentId) {
    return ApiException.invalidField("parent_id", "No comment with id " + parentId + " to reply to.");
  }

  private static void requireSignedIn(Caller caller) {
    if (caller.anonymousCaller()) {
      throw ApiException.unauthorized("Sign in to comment.");
    }
  }

  /** A map or a layer, whichever the comment is on. */
  private record Target(WebMap map, Layer layer) {
    boolean commentable(AccessPolicy access, Caller caller) {
      return map != null ? access.canComment(caller, map) : access.canComment(caller, layer);
    }

    boolean resolvable(AccessPolicy access, Caller caller, UUID authorId) {
      return map != null
          ? access.canResolveComment(caller, authorId, map)
          : access.canResolveComment(caller, authorId, layer);
    }

    boolean deletable(AccessPolicy access, Caller caller, UUID authorId) {
      return map != null
          ? access.canDeleteComment(caller, authorId, map)
          : access.canDeleteComment(caller, authorId, layer);
    }
  }
}
