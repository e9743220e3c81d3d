package dev.tessera.server.layer.config;

import dev.tessera.server.problem.ApiException;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Typed access to one JSON object of a layer configuration, failing with a problem that names the field by its
 * full path (e.g. {@code source_config.temporal.start}). Not thread-safe; one per validation.
 */
final class ConfigFields {
  private final ObjectNode node;
  private final String path;

  ConfigFields(ObjectNode node, String path) {
    this.node = node;
    this.path = path;
  }

  static ConfigFields of(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw ApiException.invalidField(path, "Field '" + path + "' must be a JSON object.");
    }
    return new ConfigFields((ObjectNode) node, path);
  }

  ObjectNode node() {
    return node;
  }

  String path(String key) {
    return path + "." + key;
  }

  /** Refuses keys outside {@code allowed}: a typo in a key would otherwise be silently ignored. */
  void allowOnly(Set<String> allowed) {
    for (String key : node.propertyNames()) {
      if (!allowed.contains(key)) {
        throw ApiException.invalidField(
            path(key), "Unknown field '" + path(key) + "'; allowed: " + String.join(", ", new TreeSet<>(allowed)) + ".");
      }
    }
  }

  boolean has(String key) {
    return node.has(key) && !node.get(key).isNull();
  }

  String string(String key, boolean required) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      if (required) {
        throw fail(key, "is required");
      }
      return null;
    }
    if (!value.isString()) {
      throw fail(key, "must be a string");
    }
    if (required && value.asString().isBlank()) {
      throw fail(key, "must not be empty");
    }
    return value.asString();
  }

  String oneOf(String key, Set<String> values, boolean required) {
    String value = string(key, required);
    if (value != null && !values.contains(value)) {
      throw fail(key, "must be one of " + String.join(", ", new TreeSet<>(values)) + ", was '" + value + "'");
    }
    return value;
  }

  Boolean bool(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      throw fail(key, "must be true or false");
    }
    return value.asBoolean();
  }

  Double number(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw fail(key, "must be a number");
    }
    return value.asDouble();
  }

  ConfigFields object(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    return of(value, path(key));
  }

  JsonNode raw(String key) {
    return node.get(key);
  }

  ApiException fail(String key, String problem) {
    return ApiException.invalidField(path(key), "Field '" + path(key) + "' " + problem + ".");
  }
}
