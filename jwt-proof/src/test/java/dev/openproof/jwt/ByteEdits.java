package dev.openproof.jwt;

/** One edit of a claims set's bytes, for the tests that try every position: a byte replaced, dropped or put in. */
final class ByteEdits {
  private ByteEdits() {}

  static byte[] replaced(byte[] bytes, int at, byte replacement) {
    byte[] out = bytes.clone();
    out[at] = replacement;
    return out;
  }

  /** The bytes without {@code count} of them from {@code at} on (fewer at the end). */
  static byte[] dropped(byte[] bytes, int at, int count) {
    int end = Math.min(bytes.length, at + count);
    byte[] out = new byte[bytes.length - (end - at)];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(bytes, end, out, at, bytes.length - end);
    return out;
  }

  /** The bytes with {@code inserted} put before the byte at {@code at}. */
  static byte[] inserted(byte[] bytes, int at, byte... inserted) {
    byte[] out = new byte[bytes.length + inserted.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(inserted, 0, out, at, inserted.length);
    System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
    return out;
  }
}
