package dev.tessera.server.collab;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a collaborator may do on a map. */
public enum CollaboratorPermission {
  VIEW,
  EDIT;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static CollaboratorPermission of(String value) {
    for (CollaboratorPermission p : values()) {
      if (p.value().equals(value)) {
        return p;
      }
    }
    throw new IllegalArgumentException("permission must be view or edit, was '" + value + "'");
  }
}
