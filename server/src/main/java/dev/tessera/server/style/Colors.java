package dev.tessera.server.style;

import java.util.Locale;

/** Colours from layer styles ({@code #rgb}, {@code #rrggbb}, {@code #rrggbbaa}, CSS names) as MapLibre accepts them. */
final class Colors {
  private Colors() {}

  /** A colour and the alpha it carried (1 when none). */
  record Color(String css, double alpha) {}

  static Color parse(String value, String fallback) {
    if (value == null || value.isBlank()) {
      return new Color(fallback, 1);
    }
    String v = value.trim();
    if (v.matches("#[0-9a-fA-F]{8}")) {
      int r = Integer.parseInt(v.substring(1, 3), 16);
      int g = Integer.parseInt(v.substring(3, 5), 16);
      int b = Integer.parseInt(v.substring(5, 7), 16);
      double a = Integer.parseInt(v.substring(7, 9), 16) / 255.0;
      return new Color(String.format(Locale.ROOT, "rgb(%d, %d, %d)", r, g, b), a);
    }
    if (v.matches("#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|[a-zA-Z]+|rgba?\\([0-9.,\\s%]+\\)|hsla?\\([0-9.,\\s%]+\\)")) {
      return new Color(v, 1);
    }
    return new Color(fallback, 1);
  }
}
