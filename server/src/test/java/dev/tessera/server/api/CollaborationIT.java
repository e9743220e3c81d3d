package dev.tessera.server.api;

import static dev.tessera.server.api.ApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.server.security.IdentityService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Sharing, admin-created users, threaded comments and live map events end to end, on the embedded store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CollaborationIT {
  static final String ADMIN_TOKEN = "tsr_collaboration-test-admin-token";
  private static final Duration WAIT = Duration.ofSeconds(5);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("tessera-collab");
    registry.add("tessera.data-dir", dir::toString);
    common(registry);
  }

  static void common(DynamicPropertyRegistry registry) {
    registry.add("tessera.admin.token", () -> ADMIN_TOKEN);
    registry.add("tessera.demo.enabled", () -> "false");
  }

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  ApiClient admin;
  ApiClient anonymous;
  ApiClient owner;
  ApiClient alice;
  ApiClient bob;
  String ownerToken;
  String aliceToken;
  String aliceEmail;
  UUID aliceId;

  @BeforeEach
  void users() {
    admin = new ApiClient(port, ADMIN_TOKEN);
    anonymous = new ApiClient(port, null);
    String run = UUID.randomUUID().toString().substring(0, 8);
    ownerToken = token("owner-" + run + "@example.org");
    owner = admin.as(ownerToken);
    aliceEmail = "alice-" + run + "@example.org";
    aliceToken = token(aliceEmail);
    aliceId = identity.authenticate(aliceEmail, "password-123").orElseThrow().id();
    alice = admin.as(aliceToken);
    bob = admin.as(token("bob-" + run + "@example.org"));
  }

  private String token(String email) {
    var user = identity.createLocalUser(email, email.substring(0, email.indexOf('-')), "password-123", false);
    return identity.issueToken(user.id(), "test").secret();
  }

  private String map(ApiClient client, String level) {
    var r = client.post("/api/maps", "{\"name\": \"shared\", \"permission_level\": \"" + level + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asString();
  }

  private int count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
  }

  // --- sharing

  @Test
  void anOwnerSharesAPrivateMapAndTheInviteeAcceptsIsPromotedAndRevoked() {
    String map = map(owner, "private");
    assertThat(alice.get("/api/maps/" + map).status()).isEqualTo(404);

    var invited = owner.post("/api/maps/" + map + "/collaborators", "{\"email\": \"" + aliceEmail.toUpperCase() + "\", \"permission\": \"view\"}");
    assertThat(invited.status()).as(invited.body()).isEqualTo(201);
    assertThat(invited.json().get("user_id").asString()).isEqualTo(aliceId.toString());
    assertThat(invited.json().get("invited_at").isNull()).isFalse();
    assertThat(invited.json().get("accepted_at").isNull()).isTrue();

    assertThat(alice.get("/api/maps/" + map).status()).as("access starts with the invitation").isEqualTo(200);
    assertThat(alice.get("/api/users/me/invitations").json().get(0).get("map_id").asString()).isEqualTo(map);
    assertProblem(alice.put("/api/maps/" + map, "{\"name\": \"mine\"}"), 403, "forbidden");
    assertThat(alice.get("/api/maps/" + map + "/collaborators").status()).isEqualTo(200);

    var accepted = alice.post("/api/maps/" + map + "/collaborators/accept", "");
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.json().get("accepted_at").isNull()).isFalse();
    assertThat(alice.get("/api/users/me/invitations").json().size()).isZero();

    var promoted = owner.post("/api/maps/" + map + "/collaborators", "{\"user_id\": \"" + aliceId + "\", \"permission\": \"edit\"}");
    assertThat(promoted.status()).as("changing a permission is not a new invitation").isEqualTo(200);
    assertThat(promoted.json().get("accepted_at").isNull()).isFalse();
    assertThat(alice.put("/api/maps/" + map, "{\"name\": \"ours\"}").status()).isEqualTo(200);
    assertProblem(alice.delete("/api/maps/" + map), 403, "forbidden");

    assertThat(owner.delete("/api/maps/" + map + "/collaborators/" + aliceId).status()).isEqualTo(204);
    assertThat(alice.get("/api/maps/" + map).status()).isEqualTo(404);
    assertProblem(owner.delete("/api/maps/" + map + "/collaborators/" + aliceId), 404, "not_found");
  }

  /**
   * Tile requests remember an access decision that needs the database for up to a second; a change of who may see
   * the map must still be obeyed by the very next request.
   */
  @Test
  void aLayersTilesFollowTheSharingOfItsMapFromTheNextRequestOn() {
    String map = map(owner, "public");
    var created = owner.post("/api/layers", "{\"name\": \"survey\", \"source_type\": \"vector\", \"source_config\": {}}");
    String layer = created.json().get("id").asString();
    assertThat(owner.post("/api/maps/" + map + "/layers", "{\"layer_id\": \"" + layer + "\"}").status()).isEqualTo(201);
    String tile = "/api/layers/" + layer + "/tiles/0/0/0.mvt";
    assertThat(anonymous.get(tile).status()).as("seen through the public map (empty: 204)").isEqualTo(204);
    assertThat(anonymous.get(tile).status()).isEqualTo(204);

    assertThat(owner.put("/api/maps/" + map, "{\"permission_level\": \"private\"}").status()).isEqualTo(200);
    assertThat(anonymous.get(tile).status()).as("the map went private").isEqualTo(404);

    assertThat(alice.get(tile).status()).isEqualTo(404);
    owner.post("/api/maps/" + map + "/collaborators", "{\"user_id\": \"" + aliceId + "\", \"permission\": \"view\"}");
    assertThat(alice.get(tile).status()).as("invited").isEqualTo(204);
    assertThat(owner.delete("/api/maps/" + map + "/collaborators/" + aliceId).status()).isEqualTo(204);
    assertThat(alice.get(tile).status()).as("revoked").isEqualTo(404);

    assertThat(owner.put("/api/maps/" + map, "{\"permission_level\": \"public\"}").status()).isEqualTo(200);
    assertThat(anonymous.get(tile).status()).isEqualTo(204);
    assertThat(owner.delete("/api/maps/" + map + "/layers/" + layer).status()).isEqualTo(204);
    assertThat(anonymous.get(tile).status()).as("the layer left the public map").isEqualTo(404);
  }

  @Test
  void badInvitationsAreRefusedAndChangeNothing() {
    String map = map(owner, "collaborators");
    int before = count("map_collaborators");
    assertProblem(owner.post("/api/maps/" + map + "/collaborators", "{\"email\": \"nobody@example.org\", \"permission\": \"view\"}"), 400, "unknown_user");
    assertProblem(owner.post("/api/maps/" + map + "/collaborators", "{\"email\": \"" + aliceEmail + "\", \"user_id\": \"" + aliceId + "\", \"permission\": \"view\"}"), 400, "invalid_field");
    assertProblem(owner.post("/api/maps/" + map + "/collaborators", "{\"email\": \"" + aliceEmail + "\", \"permission\": \"admin\"}"), 400, "invalid_field");
    assertProblem(owner.post("/api/maps/" + map + "/collaborators", "{\"email\": \"" + aliceEmail + "\"}"), 400, "invalid_field");
    String ownerEmail = owner.get("/api/users/me").json().get("email").asString();
    assertProblem(owner.post("/api/maps/" + map + "/collaborators", "{\"email\": \"" + ownerEmail + "\", \"permission\": \"edit\"}"), 400, "owner_not_collaborator");
    assertProblem(bob.post("/api/maps/" + map + "/collaborators", "{\"email\": \"" + aliceEmail + "\", \"permission\": \"edit\"}"), 404, "not_found");
    assertThat(count("map_collaborators")).isEqualTo(before);
  }

  @Test
  void aCollaboratorMayLeaveButNotRemoveOthers() {
    String map = map(owner, "private");
    owner.post("/api/maps/" + map + "/collaborators", "{\"email\": \"" + aliceEmail + "\", \"permission\": \"edit\"}");
    String bobId = bob.get("/api/users/me").json().get("id").asString();
    owner.post("/api/maps/" + map + "/collaborators", "{\"user_id\": \"" + bobId + "\", \"permission\": \"view\"}");
    assertProblem(alice.delete("/api/maps/" + map + "/collaborators/" + bobId), 403, "forbidden");
    assertThat(alice.delete("/api/maps/" + map + "/collaborators/" + aliceId).status()).isEqualTo(204);
    assertThat(alice.get("/api/maps/" + map).status()).isEqualTo(404);
    assertThat(owner.get("/api/maps/" + map + "/collaborators").json().size()).isEqualTo(1);
  }

  // --- users

  @Test
  void anAdminCreatesALocalUserWhoThenSignsIn() {
    String email = "carol-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    String body = "{\"email\": \"" + email + "\", \"name\": \"Carol\", \"password\": \"correct-horse\"}";
    assertProblem(alice.post("/api/users", body), 403, "forbidden");
    var created = admin.post("/api/users", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("email").asString()).isEqualTo(email);
    assertThat(created.body()).doesNotContain("correct-horse");
    assertProblem(admin.post("/api/users", body), 409, "email_taken");
    assertProblem(admin.post("/api/users", "{\"email\": \"not-an-email\", \"name\": \"x\", \"password\": \"correct-horse\"}"), 400, "invalid_field");
    assertProblem(admin.post("/api/users", "{\"email\": \"short@example.org\", \"name\": \"x\", \"password\": \"short\"}"), 400, "invalid_field");
    var login = anonymous.post("/api/auth/login", "{\"email\": \"" + email + "\", \"password\": \"correct-horse\"}");
    assertThat(login.status()).isEqualTo(200);
    assertThat(admin.as(login.json().get("token").asString()).get("/api/users/me").json().get("name").asString()).isEqualTo("Carol");
  }

  // --- comments

  private JsonNode comment(ApiClient client, String body) {
    var r = client.post("/api/comments", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  @Test
  void commentsFormThreadsToAnyDepth() {
    String map = map(owner, "public");
    String root = comment(owner, "{\"map_id\": \"" + map + "\", \"content\": \"Is this the right extent?\"}").get("id").asString();
    String reply = comment(alice, "{\"parent_id\": \"" + root + "\", \"content\": \"Looks fine\"}").get("id").asString();
    String deeper = comment(bob, "{\"parent_id\": \"" + reply + "\", \"content\": \"Agreed\"}").get("id").asString();
    comment(alice, "{\"map_id\": \"" + map + "\", \"content\": \"Second thread\"}");

    var threads = anonymous.get("/api/comments?mapId=" + map);
    assertThat(threads.status()).isEqualTo(200);
    JsonNode first = threads.json().get(0);
    assertThat(threads.json().size()).isEqualTo(2);
    assertThat(first.get("content").asString()).isEqualTo("Is this the right extent?");
    assertThat(first.get("replies").get(0).get("id").asString()).isEqualTo(reply);
    assertThat(first.get("replies").get(0).get("author_name").asString()).isEqualTo("alice");
    assertThat(first.get("replies").get(0).get("replies").get(0).get("id").asString()).isEqualTo(deeper);
    assertThat(threads.json().get(1).get("content").asString()).isEqualTo("Second thread");
  }

  @Test
  void onlyTheAuthorEditsAndTheAuthorOrMapEditorsResolve() {
    String map = map(owner, "public");
    owner.post("/api/maps/" + map + "/collaborators", "{\"email\": \"" + aliceEmail + "\", \"permission\": \"edit\"}");
    String id = comment(bob, "{\"map_id\": \"" + map + "\", \"content\": \"typo here\"}").get("id").asString();

    assertProblem(owner.put("/api/comments/" + id, "{\"content\": \"rewritten\"}"), 403, "forbidden");
    var edited = bob.put("/api/comments/" + id, "{\"content\": \"typo there\"}");
    assertThat(edited.status()).isEqualTo(200);
    assertThat(edited.json().get("content").asString()).isEqualTo("typo there");

    String carol = token("carol-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
    assertProblem(admin.as(carol).put("/api/comments/" + id, "{\"is_resolved\": true}"), 403, "forbidden");
    var resolved = alice.put("/api/comments/" + id, "{\"is_resolved\": true}");
    assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
    assertThat(resolved.json().get("is_resolved").asBoolean()).isTrue();
    assertThat(bob.put("/api/comments/" + id, "{\"is_resolved\": false}").json().get("is_resolved").asBoolean()).isFalse();
    assertProblem(bob.put("/api/comments/" + id, "{\"content\": \" \"}"), 400, "invalid_field");
    assertProblem(bob.put("/api/comments/" + id, "{\"text\": \"x\"}"), 400, "invalid_field");
  }

  @Test
  void aDeletedCommentWithRepliesKeepsItsPlaceUntilItsLastReplyGoes() {
    String map = map(owner, "public");
    String root = comment(bob, "{\"map_id\": \"" + map + "\", \"content\": \"root\"}").get("id").asString();
    String reply = comment(alice, "{\"parent_id\": \"" + root + "\", \"content\": \"reply\"}").get("id").asString();

    assertProblem(alice.delete("/api/comments/" + root), 403, "forbidden");
    assertThat(owner.delete("/api/comments/" + root).status()).as("the map's owner deletes any comment").isEqualTo(204);
    JsonNode tombstone = anonymous.get("/api/comments?mapId=" + map).json().get(0);
    assertThat(tombstone.get("id").asString()).isEqualTo(root);
    assertThat(tombstone.get("deleted").asBoolean()).isTrue();
    assertThat(tombstone.get("content").isNull()).isTrue();
    assertThat(tombstone.get("author_id").isNull()).isTrue();
    assertThat(tombstone.get("replies").get(0).get("content").asString()).isEqualTo("reply");
    assertProblem(bob.put("/api/comments/" + root, "{\"content\": \"back\"}"), 404, "not_found");
    assertProblem(alice.post("/api/comments", "{\"parent_id\": \"" + root + "\", \"content\": \"x\"}"), 400, "invalid_field");

    assertThat(alice.delete("/api/comments/" + reply).status()).isEqualTo(204);
    assertThat(anonymous.get("/api/comments?mapId=" + map).json().size()).as("the empty tombstone goes too").isZero();
  }

  @Test
  void commentsOnLayersFollowTheLayersVisibilityAndBadTargetsAreRefused() {
    String hidden = map(owner, "private");
    var layer = owner.post("/api/layers", "{\"name\": \"l\", \"source_type\": \"vector\", \"source_config\": {}}").json().get("id").asString();
    owner.post("/api/maps/" + hidden + "/layers", "{\"layer_id\": \"" + layer + "\"}");
    comment(owner, "{\"layer_id\": \"" + layer + "\", \"content\": \"on the layer\"}");
    assertThat(owner.get("/api/comments?layerId=" + layer).json().get(0).get("layer_id").asString()).isEqualTo(layer);
    assertProblem(alice.get("/api/comments?layerId=" + layer), 404, "not_found");
    assertProblem(alice.post("/api/comments", "{\"layer_id\": \"" + layer + "\", \"content\": \"x\"}"), 404, "not_found");
    assertProblem(alice.post("/api/comments", "{\"map_id\": \"" + hidden + "\", \"content\": \"x\"}"), 404, "not_found");

    int before = count("comments");
    String open = map(owner, "public");
    assertProblem(owner.post("/api/comments", "{\"map_id\": \"" + open + "\", \"layer_id\": \"" + layer + "\", \"content\": \"x\"}"), 400, "invalid_field");
    assertProblem(owner.post("/api/comments", "{\"content\": \"nowhere\"}"), 400, "invalid_field");
    assertProblem(owner.post("/api/comments", "{\"map_id\": \"" + open + "\"}"), 400, "invalid_field");
    assertProblem(owner.get("/api/comments"), 400, "invalid_parameter");
    assertProblem(anonymous.post("/api/comments", "{\"map_id\": \"" + open + "\", \"content\": \"x\"}"), 401, "unauthorized");
    assertThat(count("comments")).isEqualTo(before);
  }

  // --- live events

  @Test
  void viewersOfAMapHearItsChangesAndAReconnectReplaysWhatTheyMissed() throws Exception {
    String map = map(owner, "collaborators");
    String layer = owner.post("/api/layers", "{\"name\": \"l\", \"source_type\": \"vector\", \"source_config\": {}}").json().get("id").asString();
    owner.post("/api/maps/" + map + "/collaborators", "{\"email\": \"" + aliceEmail + "\", \"permission\": \"view\"}");
    String lastSeen;
    try (var stream = SseStream.open(port, "/api/maps/" + map + "/events", aliceToken, null)) {
      assertThat(stream.status).isEqualTo(200);
      assertThat(owner.post("/api/maps/" + map + "/layers", "{\"layer_id\": \"" + layer + "\"}").status()).isEqualTo(201);
      var added = stream.next("layer_added", WAIT);
      assertThat(added).isNotNull();
      assertThat(added.json().get("layer_id").asString()).isEqualTo(layer);

      owner.put("/api/maps/" + map + "/layers/" + layer, "{\"is_visible\": false}");
      assertThat(stream.next("layer_updated", WAIT)).isNotNull();
      owner.post("/api/layers/" + layer + "/features", AuthorizationMatrix.FEATURE_BODY);
      assertThat(stream.next("layer_changed", WAIT).json().get("layer_id").asString()).isEqualTo(layer);
      String comment = comment(owner, "{\"map_id\": \"" + map + "\", \"content\": \"live\"}").get("id").asString();
      var created = stream.next("comment_created", WAIT);
      assertThat(created.json().get("comment").get("id").asString()).isEqualTo(comment);
      lastSeen = created.id();
    }
    comment(owner, "{\"map_id\": \"" + map + "\", \"content\": \"while away\"}");
    owner.delete("/api/maps/" + map + "/layers/" + layer);
    try (var again = SseStream.open(port, "/api/maps/" + map + "/events", aliceToken, lastSeen)) {
      var missed = again.next(WAIT);
      assertThat(missed.name()).isEqualTo("comment_created");
      assertThat(missed.json().get("comment").get("content").asString()).isEqualTo("while away");
      assertThat(Long.parseLong(missed.id())).isGreaterThan(Long.parseLong(lastSeen));
      assertThat(again.next(WAIT).name()).isEqualTo("layer_removed");
      owner.post("/api/maps/" + map + "/layers", "{\"layer_id\": \"" + layer + "\"}");
      assertThat(again.next("layer_added", WAIT)).isNotNull();
      assertThat(owner.delete("/api/layers/" + layer).status()).isEqualTo(204);
      assertThat(again.next("layer_removed", WAIT).json().get("layer_id").asString())
          .as("deleting the layer from the library removes it from the map")
          .isEqualTo(layer);
    }
  }

  @Test
  void idleStreamsHoldNoThreadAndAreDroppedWhenClientsGoAway() throws Exception {
    String map = map(owner, "public");
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    int before = threads.getThreadCount();
    var streams = new java.util.ArrayList<SseStream>();
    for (int i = 0; i < 200; i++) {
      streams.add(SseStream.open(port, "/api/maps/" + map + "/events", null, null));
    }
    assertThat(streams).allSatisfy(s -> assertThat(s.status).isEqualTo(200));
    assertThat(openStreams()).isGreaterThanOrEqualTo(200);
    assertThat(threads.getThreadCount() - before).as("platform threads added for 200 open streams").isLessThan(20);
    comment(owner, "{\"map_id\": \"" + map + "\", \"content\": \"to all\"}");
    for (SseStream s : streams) {
      assertThat(s.next("comment_created", WAIT)).isNotNull();
    }
    for (SseStream s : streams) {
      s.close();
    }
    // A closed connection is noticed when a write fails: the second heartbeat (10 s apart) after the close.
    assertThat(dev.tessera.server.testing.Eventually.until(Duration.ofSeconds(35), this::openStreams, n -> n == 0))
        .as("streams of clients that went away are dropped").isZero();
  }

  private double openStreams() {
    for (String line : anonymous.get("/metrics").body().split("\n")) {
      if (line.startsWith("map_event_streams")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new AssertionError("no map_event_streams metric");
  }

  @Test
  void deletingAMapTellsItsStreamsAndEndsThem() throws Exception {
    String map = map(owner, "private");
    owner.post("/api/maps/" + map + "/collaborators", "{\"email\": \"" + aliceEmail + "\", \"permission\": \"view\"}");
    try (var stream = SseStream.open(port, "/api/maps/" + map + "/events", aliceToken, null)) {
      assertThat(owner.delete("/api/maps/" + map).status()).isEqualTo(204);
      assertThat(stream.next("map_deleted", WAIT).json().get("map_id").asString()).isEqualTo(map);
      assertThat(stream.endsWithin(WAIT)).isTrue();
    }
  }

  @Test
  void aClientBehindTheKeptEventsIsToldToReload() throws Exception {
    String map = map(owner, "public");
    String seen;
    try (var stream = SseStream.open(port, "/api/maps/" + map + "/events", null, null)) {
      comment(owner, "{\"map_id\": \"" + map + "\", \"content\": \"one\"}");
      seen = stream.next("comment_created", WAIT).id();
    }
    comment(owner, "{\"map_id\": \"" + map + "\", \"content\": \"two\"}");
    jdbc.update("DELETE FROM map_events WHERE id <= ?", Long.parseLong(seen)); // as pruning after an hour does
    try (var again = SseStream.open(port, "/api/maps/" + map + "/events", null, seen)) {
      assertThat(again.next(WAIT).name()).isEqualTo("reset");
      assertThat(again.next(WAIT).json().get("comment").get("content").asString()).isEqualTo("two");
    }
  }

  @Test
  void aStreamEndsWhenItsViewerLosesAccessAndHiddenMapsHaveNoStream() throws Exception {
    String map = map(owner, "private");
    assertProblem(alice.get("/api/maps/" + map + "/events"), 404, "not_found");
    owner.post("/api/maps/" + map + "/collaborators", "{\"email\": \"" + aliceEmail + "\", \"permission\": \"view\"}");
    try (var stream = SseStream.open(port, "/api/maps/" + map + "/events", aliceToken, null);
        var owners = SseStream.open(port, "/api/maps/" + map + "/events", ownerToken, null)) {
      assertThat(owner.delete("/api/maps/" + map + "/collaborators/" + aliceId).status()).isEqualTo(204);
      assertThat(owners.next("collaborator_removed", WAIT)).isNotNull();
      comment(owner, "{\"map_id\": \"" + map + "\", \"content\": \"secret\"}");
      assertThat(owners.next("comment_created", WAIT)).isNotNull();
      assertThat(stream.next("comment_created", Duration.ofMillis(500))).as("no longer allowed to see the map").isNull();
      assertThat(stream.endsWithin(WAIT)).as("the server closed the stream").isTrue();
    }
    assertProblem(alice.get("/api/maps/" + map + "/events", "Last-Event-ID", "x"), 404, "not_found");
  }

  @Test
  void makingAPublicMapPrivateEndsAnonymousStreams() throws Exception {
    String map = map(owner, "public");
    try (var visitor = SseStream.open(port, "/api/maps/" + map + "/events", null, null);
        var owners = SseStream.open(port, "/api/maps/" + map + "/events", ownerToken, null)) {
      assertThat(visitor.status).isEqualTo(200);
      assertProblem(anonymous.get("/api/maps/" + map + "/events", "Last-Event-ID", "x"), 400, "invalid_last_event_id");
      assertThat(owner.put("/api/maps/" + map, "{\"permission_level\": \"private\"}").status()).isEqualTo(200);
      assertThat(owners.next("map_updated", WAIT)).isNotNull();
      comment(owner, "{\"map_id\": \"" + map + "\", \"content\": \"now private\"}");
      assertThat(owners.next("comment_created", WAIT)).isNotNull();
      assertThat(visitor.next("comment_created", Duration.ofMillis(500))).isNull();
      assertThat(visitor.endsWithin(WAIT)).as("the server closed the anonymous stream").isTrue();
      assertThat(owners.endsWithin(Duration.ofMillis(100))).isFalse();
    }
    assertThat(anonymous.get("/api/maps/" + map + "/events").status()).isEqualTo(404);
  }
}
