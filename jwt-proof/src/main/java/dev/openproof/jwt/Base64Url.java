package dev.openproof.jwt;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Base64url without padding; decoding is strict: the unpadded alphabet only, and only the canonical
 * encoding of a value.
 */
final class Base64Url {
  private static final byte[] VALUES = new byte[128];

  static {
    Arrays.fill(VALUES, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUES[alphabet.charAt(i)] = (byte) i;
    }
  }

  private static final java.util.Base64.Encoder ENCODER = java.util.Base64.getUrlEncoder().withoutPadding();

  private Base64Url() {}

  /** The unpadded base64url text of the bytes. */
  static String encode(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  /**
   * Decodes {@code text[from, to)}.
   *
   * @return the bytes, or {@code null} when the text holds a character outside the alphabet, has a
   *     length no encoding has, or sets bits that the canonical encoding leaves zero
   */
  static byte @Nullable [] decode(String text, int from, int to) {
    int length = to - from;
    int tail = length % 4;
    if (tail == 1) {
      return null;
    }
    byte[] out = new byte[length / 4 * 3 + (tail == 0 ? 0 : tail - 1)];
    int next = 0;
    int end = to - tail;
    int i = from;
    for (; i < end; i += 4) {
      int quad = value(text.charAt(i)) << 18 | value(text.charAt(i + 1)) << 12
          | value(text.charAt(i + 2)) << 6 | value(text.charAt(i + 3));
      if (quad < 0) {
        return null;
      }
      out[next++] = (byte) (quad >> 16);
      out[next++] = (byte) (quad >> 8);
      out[next++] = (byte) quad;
    }
    if (tail == 2) {
      int pair = value(text.charAt(i)) << 6 | value(text.charAt(i + 1));
      if (pair < 0 || (pair & 0x0f) != 0) {
        return null;
      }
      out[next] = (byte) (pair >> 4);
    } else if (tail == 3) {
      int triple = value(text.charAt(i)) << 12 | value(text.charAt(i + 1)) << 6 | value(text.charAt(i + 2));
      if (triple < 0 || (triple & 0x03) != 0) {
        return null;
      }
      out[next++] = (byte) (triple >> 10);
      out[next] = (byte) (triple >> 2);
    }
    return out;
  }

  /** The character's value, or a negative number (all bits set) outside the alphabet. */
  private static int value(char c) {
    return VALUES[c & 0x7f] | ((0x7f - c) >> 31);
  }
}
