package dev.openproof.jwt;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Base64url without padding; decoding is strict: the unpadded alphabet only, and only the canonical
 * encoding of a value.
 */
final class Base64Url {
  /** Each byte's value, or -1 outside the alphabet: indexed by the unsigned byte, no branch needed. */
  private static final int[] BYTE_VALUES = new int[256];

  static {
    Arrays.fill(BYTE_VALUES, -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < alphabet.length(); i++) {
      BYTE_VALUES[alphabet.charAt(i)] = i;
    }
  }

  private static final java.util.Base64.Encoder ENCODER = java.util.Base64.getUrlEncoder().withoutPadding();

  private Base64Url() {}

  /** The unpadded base64url text of the bytes. */
  static String encode(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  /**
   * Decodes {@code ascii[from, to)}, one character a byte.
   *
   * @return the bytes, or {@code null} when the text holds a byte outside the alphabet, has a length
   *     no encoding has, or sets bits that the canonical encoding leaves zero
   */
  static byte @Nullable [] decode(byte[] ascii, int from, int to) {
    int length = to - from;
    int tail = length % 4;
    if (tail == 1) {
      return null;
    }
    byte[] out = new byte[length / 4 * 3 + (tail == 0 ? 0 : tail - 1)];
    int next = 0;
    int end = to - tail;
    int invalid = 0;
    int i = from;
    for (; i < end; i += 4) {
      int quad = BYTE_VALUES[ascii[i] & 0xff] << 18 | BYTE_VALUES[ascii[i + 1] & 0xff] << 12
          | BYTE_VALUES[ascii[i + 2] & 0xff] << 6 | BYTE_VALUES[ascii[i + 3] & 0xff];
      invalid |= quad;
      out[next++] = (byte) (quad >> 16);
      out[next++] = (byte) (quad >> 8);
      out[next++] = (byte) quad;
    }
    if (invalid < 0) {
      return null;
    }
    if (tail == 2) {
      int pair = BYTE_VALUES[ascii[i] & 0xff] << 6 | BYTE_VALUES[ascii[i + 1] & 0xff];
      if (pair < 0 || (pair & 0x0f) != 0) {
        return null;
      }
      out[next] = (byte) (pair >> 4);
    } else if (tail == 3) {
      int triple = BYTE_VALUES[ascii[i] & 0xff] << 12 | BYTE_VALUES[ascii[i + 1] & 0xff] << 6
          | BYTE_VALUES[ascii[i + 2] & 0xff];
      if (triple < 0 || (triple & 0x03) != 0) {
        return null;
      }
      out[next++] = (byte) (triple >> 10);
      out[next] = (byte) (triple >> 2);
    }
    return out;
  }
}
