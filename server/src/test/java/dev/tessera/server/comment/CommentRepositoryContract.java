package dev.tessera.server.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.server.store.Ids;
import dev.tessera.server.store.Rows;
import dev.tessera.server.store.StoreFixture;
import dev.tessera.server.store.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** What every store must do for comments; run by one subclass per store. */
abstract class CommentRepositoryContract {
  private CommentRepository comments;
  private StoreFixture fixture;
  private UUID author;
  private UUID map;
  private UUID layer;

  abstract DataSource dataSource();

  @BeforeEach
  void setUp() {
    TestDatabases.truncate(dataSource());
    comments = new JdbcCommentRepository(new JdbcTemplate(dataSource()));
    fixture = new StoreFixture(dataSource());
    author = fixture.user("author@example.org");
    map = fixture.map(author, "public");
    layer = fixture.layer(author, "vector", false);
  }

  private Comment comment(UUID mapId, UUID layerId, UUID parentId, Instant at) {
    Comment c = new Comment(Ids.newId(), "text " + at, author, mapId, layerId, parentId, false, at, at, null);
    comments.insert(c);
    return c;
  }

  @Test
  void insertedCommentReadsBackEqualAndListsByTarget() {
    Instant t = Rows.now();
    Comment onMap = comment(map, null, null, t);
    Comment reply = comment(map, null, onMap.id(), t.plusSeconds(1));
    Comment onLayer = comment(null, layer, null, t);
    assertThat(comments.findById(onMap.id())).contains(onMap);
    assertThat(comments.findByMap(map)).containsExactly(onMap, reply);
    assertThat(comments.findByLayer(layer)).containsExactly(onLayer);
    assertThat(comments.hasReplies(onMap.id())).isTrue();
    assertThat(comments.hasReplies(reply.id())).isFalse();
    assertThat(comments.authorNames(List.of(author))).containsEntry(author, "author@example.org");
  }

  @Test
  void theStoreRefusesACommentOnBothOrNeither() {
    Instant t = Rows.now();
    var jdbc = fixture.jdbc();
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "INSERT INTO comments (id, content, author_id, map_id, layer_id, is_resolved, created_at, updated_at)"
                        + " VALUES (?, 'x', ?, ?, ?, FALSE, ?, ?)",
                    Ids.newId(), author, map, layer, Rows.timestamp(t), Rows.timestamp(t)))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void updateChangesTextAndResolvedButNotATombstone() {
    Instant t = Rows.now();
    Comment c = comment(map, null, null, t);
    Comment edited = new Comment(c.id(), "edited", author, map, null, null, true, t, t.plusSeconds(1), null);
    assertThat(comments.update(edited)).isTrue();
    assertThat(comments.findById(c.id())).contains(edited);

    assertThat(comments.tombstone(c.id(), t.plusSeconds(2))).isTrue();
    assertThat(comments.tombstone(c.id(), t.plusSeconds(3))).as("once").isFalse();
    Comment gone = comments.findById(c.id()).orElseThrow();
    assertThat(gone.deleted()).isTrue();
    assertThat(gone.content()).isEmpty();
    assertThat(comments.update(edited)).as("a tombstone is not edited").isFalse();
  }

  @Test
  void deletingARootDeletesItsThreadAndDeletingAMapItsComments() {
    Instant t = Rows.now();
    Comment root = comment(map, null, null, t);
    comment(map, null, root.id(), t.plusSeconds(1));
    assertThat(comments.delete(root.id())).isTrue();
    assertThat(comments.findByMap(map)).isEmpty();
    comment(map, null, null, t);
    fixture.jdbc().update("DELETE FROM maps WHERE id = ?", map);
    assertThat(fixture.count("comments")).isZero();
  }
}
