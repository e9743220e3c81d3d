package dev.tessera.server.collab;

import dev.tessera.server.security.Caller;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sharing a map. {@code POST /api/maps/{id}/collaborators} with {@code {"email"|"user_id", "permission"}} invites
 * (201) or changes a collaborator's permission (200); {@code POST …/collaborators/accept} is the invitee accepting;
 * {@code DELETE …/collaborators/{userId}} revokes (owner) or leaves (the collaborator);
 * {@code GET /api/users/me/invitations} lists the caller's invitations not yet accepted.
 */
@RestController
class CollaboratorController {
  private final CollaboratorService collaborators;

  CollaboratorController(CollaboratorService collaborators) {
    this.collaborators = collaborators;
  }

  @GetMapping("/api/maps/{id}/collaborators")
  List<Collaborator> list(Caller caller, @PathVariable UUID id) {
    return collaborators.list(caller, id);
  }

  @PostMapping("/api/maps/{id}/collaborators")
  ResponseEntity<Collaborator> invite(
      Caller caller, @PathVariable UUID id, @RequestBody CollaboratorService.Invitation invitation) {
    var invited = collaborators.invite(caller, id, invitation);
    if (!invited.created()) {
      return ResponseEntity.ok(invited.collaborator());
    }
    return ResponseEntity.created(URI.create("/api/maps/" + id + "/collaborators/" + invited.collaborator().userId()))
        .body(invited.collaborator());
  }

  @PostMapping("/api/maps/{id}/collaborators/accept")
  Collaborator accept(Caller caller, @PathVariable UUID id) {
    return collaborators.accept(caller, id);
  }

  @DeleteMapping("/api/maps/{id}/collaborators/{userId}")
  ResponseEntity<Void> remove(Caller caller, @PathVariable UUID id, @PathVariable UUID userId) {
    collaborators.remove(caller, id, userId);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/users/me/invitations")
  List<Collaborator> invitations(Caller caller) {
    return collaborators.pending(caller);
  }
}
