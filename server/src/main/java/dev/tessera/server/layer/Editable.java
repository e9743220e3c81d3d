package dev.tessera.server.layer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who may change a layer: its creator, or everyone who may edit a map it is on. */
public enum Editable {
  CREATOR_ONLY("creator-only"),
  EVERYONE("everyone");

  private final String value;

  Editable(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }

  @JsonCreator
  public static Editable of(String value) {
    for (Editable editable : values()) {
      if (editable.value.equals(value)) {
        return editable;
      }
    }
    throw new IllegalArgumentException("editable must be creator-only or everyone, was '" + value + "'");
  }
}
