package dev.tessera.server.layer;

import dev.tessera.server.security.AccessSql;
import dev.tessera.server.security.Caller;
import dev.tessera.server.store.Rows;
import dev.tessera.server.store.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

@Repository
class JdbcLayerRepository implements LayerRepository {
  private static final String COLUMNS =
      "l.id, l.name, l.slug, l.source_type, l.description, l.category, l.created_by, l.editable, l.is_global,"
          + " l.source_config, l.style_config, l.legend_config, l.metadata, l.version, l.created_at, l.updated_at";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final String insertSql;
  private final String updateSql;
  private final RowMapper<Layer> rowMapper = this::row;

  JdbcLayerRepository(JdbcTemplate jdbc, SqlDialect dialect, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
    String j = dialect.jsonParam();
    this.insertSql =
        """
        INSERT INTO layers (id, name, slug, source_type, description, category, created_by, editable, is_global,
                            source_config, style_config, legend_config, metadata, version, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, %s, %s, %s, %s, ?, ?, ?)"""
            .formatted(j, j, j, j);
    this.updateSql =
        """
        UPDATE layers SET name = ?, slug = ?, description = ?, category = ?, editable = ?, is_global = ?, source_config = %s,
                          style_config = %s, legend_config = %s, metadata = %s, version = ?, updated_at = ?
        WHERE id = ? AND version = ?"""
            .formatted(j, j, j, j);
  }

  @Override
  public void insert(Layer l) {
    jdbc.update(
        insertSql,
        l.id(),
        l.name(),
        l.slug(),
        l.sourceType().value(),
        l.description(),
        l.category(),
        l.createdBy(),
        l.editable().value(),
        l.isGlobal(),
        text(l.sourceConfig()),
        text(l.styleConfig()),
        text(l.legendConfig()),
        text(l.metadata()),
        l.version(),
        Rows.timestamp(l.createdAt()),
        Rows.timestamp(l.updatedAt()));
  }

  @Override
  public Optional<Layer> findById(UUID id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM layers l WHERE l.id = ?", rowMapper, id).stream().findFirst();
  }

  @Override
  public Optional<Layer> findBySlug(String slug) {
    return jdbc.query("SELECT " + COLUMNS + " FROM layers l WHERE l.slug = ?", rowMapper, slug).stream()
        .findFirst();
  }

  @Override
  public Optional<Layer> lock(UUID id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM layers l WHERE l.id = ? FOR UPDATE", rowMapper, id).stream()
        .findFirst();
  }

  @Override
  public List<Layer> findVisibleTo(Caller caller, LayerFilter filter) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM layers l WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (!caller.admin()) {
      sql.append(" AND ").append(AccessSql.LAYER_VISIBLE);
      args.add(caller.userId());
      args.add(caller.userId());
      args.add(caller.userId());
    }
    if (filter.sourceType() != null) {
      sql.append(" AND l.source_type = ?");
      args.add(filter.sourceType().value());
    }
    if (filter.category() != null) {
      sql.append(" AND l.category = ?");
      args.add(filter.category());
    }
    if (filter.isGlobal() != null) {
      sql.append(" AND l.is_global = ?");
      args.add(filter.isGlobal());
    }
    sql.append(" ORDER BY l.name, l.id");
    return jdbc.query(sql.toString(), rowMapper, args.toArray());
  }

  @Override
  public boolean update(Layer l, long expectedVersion) {
    return jdbc.update(
            updateSql,
            l.name(),
            l.slug(),
            l.description(),
            l.category(),
            l.editable().value(),
            l.isGlobal(),
            text(l.sourceConfig()),
            text(l.styleConfig()),
            text(l.legendConfig()),
            text(l.metadata()),
            expectedVersion + 1,
            Rows.timestamp(l.updatedAt()),
            l.id(),
            expectedVersion)
        == 1;
  }

  @Override
  public boolean delete(UUID id) {
    return jdbc.update("DELETE FROM layers WHERE id = ?", id) == 1;
  }

  @Override
  public List<UUID> mapIds(UUID layerId) {
    return jdbc.queryForList("SELECT map_id FROM map_layers WHERE layer_id = ?", UUID.class, layerId);
  }

  private String text(JsonNode node) {
    return node == null || node.isNull() ? null : json.writeValueAsString(node);
  }

  private JsonNode node(ResultSet rs, String column) throws SQLException {
    String text = rs.getString(column);
    return text == null ? null : json.readTree(text);
  }

  private Layer row(ResultSet rs, int rowNum) throws SQLException {
    return new Layer(
        Rows.uuid(rs, "id"),
        rs.getString("name"),
        rs.getString("slug"),
        SourceType.of(rs.getString("source_type")),
        rs.getString("description"),
        rs.getString("category"),
        Rows.uuid(rs, "created_by"),
        Editable.of(rs.getString("editable")),
        rs.getBoolean("is_global"),
        (ObjectNode) node(rs, "source_config"),
        node(rs, "style_config"),
        node(rs, "legend_config"),
        node(rs, "metadata"),
        rs.getLong("version"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"));
  }
}
