package dev.tessera.server.collab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.server.store.Rows;
import dev.tessera.server.store.StoreFixture;
import dev.tessera.server.store.TestDatabases;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** What every store must do for map collaborators; run by one subclass per store. */
abstract class CollaboratorRepositoryContract {
  private CollaboratorRepository collaborators;
  private UUID map;
  private UUID alice;
  private UUID bob;

  abstract DataSource dataSource();

  @BeforeEach
  void setUp() {
    TestDatabases.truncate(dataSource());
    collaborators = new JdbcCollaboratorRepository(new JdbcTemplate(dataSource()));
    StoreFixture fixture = new StoreFixture(dataSource());
    UUID owner = fixture.user("owner@example.org");
    alice = fixture.user("alice@example.org");
    bob = fixture.user("bob@example.org");
    map = fixture.map(owner, "private");
  }

  @Test
  void anInvitationIsPendingUntilAcceptedOnce() {
    Instant invited = Rows.now();
    collaborators.upsert(map, alice, CollaboratorPermission.VIEW, invited);
    var pending = collaborators.find(map, alice).orElseThrow();
    assertThat(pending.email()).isEqualTo("alice@example.org");
    assertThat(pending.permission()).isEqualTo(CollaboratorPermission.VIEW);
    assertThat(pending.invitedAt()).isEqualTo(invited);
    assertThat(pending.acceptedAt()).isNull();
    assertThat(collaborators.pendingFor(alice)).extracting(Collaborator::mapId).containsExactly(map);

    Instant first = Rows.now();
    assertThat(collaborators.accept(map, alice, first)).isTrue();
    assertThat(collaborators.accept(map, alice, first.plusSeconds(60))).isTrue();
    assertThat(collaborators.find(map, alice).orElseThrow().acceptedAt()).as("the first acceptance stays").isEqualTo(first);
    assertThat(collaborators.pendingFor(alice)).isEmpty();
    assertThat(collaborators.accept(map, bob, first)).as("no invitation, nothing to accept").isFalse();
  }

  @Test
  void reInvitingChangesThePermissionAndKeepsTheInvitation() {
    Instant invited = Rows.now();
    collaborators.upsert(map, alice, CollaboratorPermission.VIEW, invited);
    collaborators.accept(map, alice, invited);
    collaborators.upsert(map, alice, CollaboratorPermission.EDIT, invited.plusSeconds(5));
    var changed = collaborators.find(map, alice).orElseThrow();
    assertThat(changed.permission()).isEqualTo(CollaboratorPermission.EDIT);
    assertThat(changed.invitedAt()).isEqualTo(invited);
    assertThat(changed.acceptedAt()).isEqualTo(invited);
  }

  @Test
  void listsInInvitationOrderAndDeletesOne() {
    Instant now = Rows.now();
    collaborators.upsert(map, bob, CollaboratorPermission.EDIT, now);
    collaborators.upsert(map, alice, CollaboratorPermission.VIEW, now.plusSeconds(1));
    assertThat(collaborators.findByMap(map)).extracting(Collaborator::userId).containsExactly(bob, alice);
    assertThat(collaborators.delete(map, bob)).isTrue();
    assertThat(collaborators.delete(map, bob)).isFalse();
    assertThat(collaborators.findByMap(map)).extracting(Collaborator::userId).containsExactly(alice);
  }
}
