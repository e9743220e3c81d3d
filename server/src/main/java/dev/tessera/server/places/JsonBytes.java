package dev.tessera.server.places;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A growable UTF-8 buffer that answers are written into directly: the hot path of {@code /api/v1/places}, where a
 * general JSON generator spent more time tracking its state and re-encoding properties than writing them. Numbers are
 * written as {@link Double#toString}/{@link Long#toString} (what Jackson writes), strings escaped per RFC 8259, and a
 * point's properties copied member by member from its {@link StoredPoint} bytes. Not thread-safe; one per answer.
 */
final class JsonBytes {
  private static final JsonFactory JSON = new JsonFactory();
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private byte[] buf;
  private int len;

  JsonBytes(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  int size() {
    return len;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }

  JsonBytes raw(char c) {
    ensure(1);
    buf[len++] = (byte) c;
    return this;
  }

  JsonBytes raw(byte[] bytes) {
    return raw(bytes, 0, bytes.length);
  }

  JsonBytes raw(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buf, len, length);
    len += length;
    return this;
  }

  /** ASCII text that needs no escaping (member names and punctuation written by this package). */
  JsonBytes ascii(String text) {
    int n = text.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) text.charAt(i);
    }
    return this;
  }

  JsonBytes number(double value) {
    return ascii(Double.toString(value));
  }

  JsonBytes number(long value) {
    return ascii(Long.toString(value));
  }

  JsonBytes bool(boolean value) {
    return ascii(value ? "true" : "false");
  }

  /** A UUID as a quoted string, as {@link UUID#toString} spells it. */
  JsonBytes uuid(UUID id) {
    ensure(38);
    buf[len++] = '"';
    hex(id.getMostSignificantBits() >>> 32, 8);
    buf[len++] = '-';
    hex(id.getMostSignificantBits() >>> 16, 4);
    buf[len++] = '-';
    hex(id.getMostSignificantBits(), 4);
    buf[len++] = '-';
    hex(id.getLeastSignificantBits() >>> 48, 4);
    buf[len++] = '-';
    hex(id.getLeastSignificantBits(), 12);
    buf[len++] = '"';
    return this;
  }

  private void hex(long bits, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      buf[len + i] = HEX[(int) (bits & 0xF)];
      bits >>>= 4;
    }
    len += digits;
  }

  /** A quoted, escaped string. */
  JsonBytes string(String s) {
    int start = len;
    ensure(s.length() * 6 + 2);
    buf[len++] = '"';
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        // Rare (names are slugs or UUIDs): Jackson encodes it, surrogate pairs included.
        len = start;
        return raw(quoted(s));
      }
      if (c == '"' || c == '\\') {
        buf[len++] = '\\';
        buf[len++] = (byte) c;
      } else if (c < 0x20) {
        buf[len++] = '\\';
        buf[len++] = 'u';
        buf[len++] = '0';
        buf[len++] = '0';
        buf[len++] = HEX[c >> 4];
        buf[len++] = HEX[c & 0xF];
      } else {
        buf[len++] = (byte) c;
      }
    }
    buf[len++] = '"';
    return this;
  }

  /** A string quoted and escaped by Jackson, as it appears in {@link StoredPoint#json()}: for matching member names. */
  static byte[] quoted(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 8);
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeString(s);
    }
    return out.toByteArray();
  }

  /**
   * Copies the members of a properties object written by Jackson (no whitespace), each preceded by a comma: those
   * named in {@code include} (all when null) and not in {@code exclude}. Names are given {@link #quoted}.
   */
  void members(byte[] json, byte[][] include, byte[][] exclude) {
    int i = 1;
    int end = json.length - 1; // the closing brace
    while (i < end) {
      int nameEnd = stringEnd(json, i);
      int valueEnd = valueEnd(json, nameEnd + 1);
      if ((include == null || contains(include, json, i, nameEnd)) && !contains(exclude, json, i, nameEnd)) {
        ensure(valueEnd - i + 1);
        buf[len++] = ',';
        System.arraycopy(json, i, buf, len, valueEnd - i);
        len += valueEnd - i;
      }
      i = valueEnd + 1; // past the comma, or onto the closing brace's successor
    }
  }

  /** The index just past the string starting with the quote at {@code start}. */
  private static int stringEnd(byte[] json, int start) {
    int i = start + 1;
    while (json[i] != '"') {
      i += json[i] == '\\' ? 2 : 1;
    }
    return i + 1;
  }

  /** The index of the comma or closing brace that ends the value starting at {@code start}. */
  private static int valueEnd(byte[] json, int start) {
    int depth = 0;
    int i = start;
    while (true) {
      byte b = json[i];
      if (b == '"') {
        i = stringEnd(json, i);
        continue;
      }
      if (b == '{' || b == '[') {
        depth++;
      } else if (b == '}' || b == ']') {
        if (depth == 0) {
          return i;
        }
        depth--;
      } else if (b == ',' && depth == 0) {
        return i;
      }
      i++;
    }
  }

  private static boolean contains(byte[][] names, byte[] json, int from, int to) {
    for (byte[] name : names) {
      if (Arrays.equals(name, 0, name.length, json, from, to)) {
        return true;
      }
    }
    return false;
  }

  static byte[][] quotedAll(Collection<String> names) {
    byte[][] out = new byte[names.size()][];
    int i = 0;
    for (String name : names) {
      out[i++] = quoted(name);
    }
    return out;
  }
}
