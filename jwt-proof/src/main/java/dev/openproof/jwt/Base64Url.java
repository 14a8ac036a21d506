package dev.openproof.jwt;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Strict base64url decoding: the unpadded alphabet only, and only the canonical encoding of a value. */
final class Base64Url {
  private static final byte[] VALUES = new byte[128];

  static {
    Arrays.fill(VALUES, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUES[alphabet.charAt(i)] = (byte) i;
    }
  }

  private Base64Url() {}

  /**
   * Decodes {@code text[from, to)}.
   *
   * @return the bytes, or {@code null} when the text holds a character outside the alphabet, has a
   *     length no encoding has, or sets bits that the canonical encoding leaves zero
   */
  static byte @Nullable [] decode(String text, int from, int to) {
    int length = to - from;
    if (length % 4 == 1) {
      return null;
    }
    byte[] out = new byte[length * 3 / 4];
    int accumulator = 0;
    int bits = 0;
    int next = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      int value = c < 128 ? VALUES[c] : -1;
      if (value < 0) {
        return null;
      }
      accumulator = (accumulator << 6) | value;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out[next++] = (byte) (accumulator >> bits);
        accumulator &= (1 << bits) - 1;
      }
    }
    return accumulator == 0 ? out : null;
  }
}
