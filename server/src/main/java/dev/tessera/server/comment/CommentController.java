package dev.tessera.server.comment;

import dev.tessera.server.security.Caller;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Threaded comments. {@code GET /api/comments?mapId=} (or {@code layerId=}) answers the threads;
 * {@code POST /api/comments} with {@code content} and {@code map_id}, {@code layer_id} or {@code parent_id};
 * {@code PUT /api/comments/{id}} with {@code content} and/or {@code is_resolved}; {@code DELETE} removes it (or
 * leaves a tombstone in its thread when it has replies).
 */
@RestController
@RequestMapping("/api/comments")
class CommentController {
  private final CommentService comments;

  CommentController(CommentService comments) {
    this.comments = comments;
  }

  @GetMapping
  List<CommentView> threads(
      Caller caller,
      @RequestParam(name = "mapId", required = false) UUID mapId,
      @RequestParam(name = "layerId", required = false) UUID layerId) {
    return comments.threads(caller, mapId, layerId);
  }

  @PostMapping
  ResponseEntity<CommentView> create(Caller caller, @RequestBody CommentService.NewComment input) {
    CommentView created = comments.create(caller, input);
    return ResponseEntity.created(URI.create("/api/comments/" + created.id())).body(created);
  }

  @PutMapping("/{id}")
  CommentView update(Caller caller, @PathVariable UUID id, @RequestBody CommentService.CommentChange change) {
    return comments.update(caller, id, change);
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
    comments.delete(caller, id);
    return ResponseEntity.noContent().build();
  }
}
