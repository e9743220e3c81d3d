package dev.tessera.server.layer;

import dev.tessera.server.http.ETags;
import dev.tessera.server.layer.config.SourceConfigValidator;
import dev.tessera.server.problem.ApiException;
import dev.tessera.server.security.AccessPolicy;
import dev.tessera.server.security.Caller;
import dev.tessera.server.store.Ids;
import dev.tessera.server.store.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Layer library use cases. Thread-safe. */
@Service
public class LayerService {
  /** Keys of a vector layer's source_config that the server keeps; clients' values are ignored. */
  static final List<String> SERVER_KEPT = List.of("featureCount", "bounds", "pointsOnly");

  private final LayerRepository layers;
  private final AccessPolicy access;
  private final ApplicationEventPublisher events;

  LayerService(LayerRepository layers, AccessPolicy access, ApplicationEventPublisher events) {
    this.layers = layers;
    this.access = access;
    this.events = events;
  }

  @Transactional(readOnly = true)
  public List<Layer> list(Caller caller, LayerFilter filter) {
    return layers.findVisibleTo(caller, filter);
  }

  @Transactional(readOnly = true)
  public Layer get(Caller caller, UUID id) {
    return visible(caller, id);
  }

  @Transactional
  public Layer create(Caller caller, LayerInput input) {
    if (caller.anonymousCaller()) {
      throw ApiException.unauthorized("Sign in to create layers.");
    }
    if (input.name() == null || input.name().isBlank()) {
      throw ApiException.invalidField("name", "Field 'name' is required.");
    }
    if (input.sourceType() == null) {
      throw ApiException.invalidField("source_type", "Field 'source_type' is required.");
    }
    if (input.sourceConfig() == null || input.sourceConfig().isNull()) {
      throw ApiException.invalidField("source_config", "Field 'source_config' is required.");
    }
    ObjectNode config = SourceConfigValidator.validate(input.sourceType(), input.sourceConfig().deepCopy());
    if (input.sourceType() == SourceType.VECTOR) {
      config.remove(SERVER_KEPT);
      config.put("featureCount", 0);
    }
    Instant now = Rows.now();
    Layer layer =
        new Layer(
            Ids.newId(),
            input.name().trim(),
            LayerSlugs.checkFree(layers, input.slug(), null),
            input.sourceType(),
            input.description(),
            input.category(),
            caller.userId(),
            Objects.requireNonNullElse(input.editable(), Editable.CREATOR_ONLY),
            Boolean.TRUE.equals(input.isGlobal()),
            config,
            object(input.styleConfig(), "style_config"),
            object(input.legendConfig(), "legend_config"),
            object(input.metadata(), "metadata"),
            1,
            now,
            now);
    layers.insert(layer);
    return layer;
  }

  @Transactional
  public Layer update(Caller caller, UUID id, LayerInput input, String ifMatch) {
    Layer current = editable(caller, id);
    ETags.checkIfMatch(ifMatch, current.version(), "layer");
    if (input.sourceType() != null && input.sourceType() != current.sourceType()) {
      throw ApiException.invalidField("source_type", "A layer's source_type cannot change; create a new layer.");
    }
    if (input.name() != null && input.name().isBlank()) {
      throw ApiException.invalidField("name", "Field 'name' must not be blank.");
    }
    ObjectNode config = current.sourceConfig();
    if (input.sourceConfig() != null) {
      config = SourceConfigValidator.validate(current.sourceType(), input.sourceConfig().deepCopy());
      if (current.sourceType() == SourceType.VECTOR) {
        config.remove(SERVER_KEPT);
        for (String key : SERVER_KEPT) {
          if (current.sourceConfig().has(key)) {
            config.set(key, current.sourceConfig().get(key));
          }
        }
      }
    }
    Layer updated =
        new Layer(
            current.id(),
            input.name() != null ? input.name().trim() : current.name(),
            input.slug() != null ? LayerSlugs.checkFree(layers, input.slug(), current.id()) : current.slug(),
            current.sourceType(),
            input.description() != null ? input.description() : current.description(),
            input.category() != null ? input.category() : current.category(),
            current.createdBy(),
            input.editable() != null ? input.editable() : current.editable(),
            input.isGlobal() != null ? input.isGlobal() : current.isGlobal(),
            config,
            input.styleConfig() != null ? object(input.styleConfig(), "style_config") : current.styleConfig(),
            input.legendConfig() != null ? object(input.legendConfig(), "legend_config") : current.legendConfig(),
            input.metadata() != null ? object(input.metadata(), "metadata") : current.metadata(),
            current.version() + 1,
            current.createdAt(),
            Rows.now());
    if (!layers.update(updated, current.version())) {
      throw ApiException.preconditionFailed("layer", ETags.of(current.version()));
    }
    events.publishEvent(new LayerChanged(id));
    return updated;
  }

  @Transactional
  public void delete(Caller caller, UUID id, String ifMatch) {
    Layer current = editable(caller, id);
    if (!access.canDelete(caller, current)) {
      throw ApiException.forbidden("Only the layer's creator may delete it.");
    }
    ETags.checkIfMatch(ifMatch, current.version(), "layer");
    events.publishEvent(new LayerDeleted(id, layers.mapIds(id)));
    layers.delete(id);
    events.publishEvent(new LayerChanged(id));
  }

  /** The layer, locked, if the caller may see and change it; 404 if hidden, 403 if only visible. */
  public Layer editable(Caller caller, UUID id) {
    if (caller.anonymousCaller()) {
      throw ApiException.unauthorized("Sign in to change layers.");
    }
    Layer layer = layers.lock(id).filter(l -> access.canView(caller, l)).orElseThrow(() -> notFound(id));
    if (!access.canEdit(caller, layer)) {
      throw ApiException.forbidden("You may view this layer but not change it.");
    }
    return layer;
  }

  /** The layer if the caller may see it, else 404. */
  public Layer visible(Caller caller, UUID id) {
    return layers.findById(id).filter(l -> access.canView(caller, l)).orElseThrow(() -> notFound(id));
  }

  private static JsonNode object(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw ApiException.invalidField(field, "Field '" + field + "' must be a JSON object.");
    }
    return node;
  }

  private static ApiException notFound(UUID id) {
    return ApiException.notFound("layer", id);
  }
}
