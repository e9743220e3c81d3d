package dev.tessera.engine.vector;

import java.util.Arrays;

/** A growable protobuf output buffer: tags, varints, raw bytes. Not thread-safe. */
final class ProtoBuffer {
  byte[] a;
  int n;

  ProtoBuffer(int capacity) {
    a = new byte[capacity];
  }

  void tag(int field, int wireType) {
    uvarint(field << 3 | wireType);
  }

  void varint(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      a[n++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    a[n++] = (byte) v;
  }

  /** A varint of {@code v} read as an unsigned 32-bit integer (MVT command integers, tag indexes). */
  void uvarint(int v) {
    if (n + 5 > a.length) {
      ensure(uvarintSize(v)); // exact, so that a buffer sized to its content is not grown
    }
    while ((v & ~0x7F) != 0) {
      a[n++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    a[n++] = (byte) v;
  }

  void raw(byte b) {
    ensure(1);
    a[n++] = b;
  }

  void bytes(byte[] b, int length) {
    ensure(length);
    System.arraycopy(b, 0, a, n, length);
    n += length;
  }

  /** A length-delimited field: tag, length, bytes. */
  void message(int field, byte[] b, int length) {
    tag(field, 2);
    uvarint(length);
    bytes(b, length);
  }

  byte[] toByteArray() {
    return Arrays.copyOf(a, n);
  }

  private void ensure(int more) {
    if (n + more > a.length) {
      a = Arrays.copyOf(a, Math.max(a.length * 2, n + more));
    }
  }

  /** The size of {@link #uvarint}'s encoding of {@code v}. */
  static int uvarintSize(int v) {
    return (31 - Integer.numberOfLeadingZeros(v | 1)) / 7 + 1;
  }

  static int varintSize(long v) {
    int size = 1;
    while ((v & ~0x7FL) != 0) {
      v >>>= 7;
      size++;
    }
    return size;
  }
}
