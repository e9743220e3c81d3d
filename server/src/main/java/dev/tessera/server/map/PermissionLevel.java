package dev.tessera.server.map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who may see a map: its owner only, the owner and invited collaborators, or anyone. */
public enum PermissionLevel {
  PRIVATE,
  COLLABORATORS,
  PUBLIC;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static PermissionLevel of(String value) {
    for (PermissionLevel level : values()) {
      if (level.value().equals(value)) {
        return level;
      }
    }
    throw new IllegalArgumentException("permission_level must be private, collaborators or public, was '" + value + "'");
  }
}
