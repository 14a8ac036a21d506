package dev.openproof.jwt;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
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

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Base64Url() {}

  /** The unpadded base64url text of the bytes, one ASCII byte a character. */
  static byte[] encodeToAscii(byte[] bytes) {
    return ENCODER.encode(bytes);
  }

  /**
   * Decodes {@code ascii[from, to)}, one character a byte.
   *
   * <p>The JDK's decoder does the work (the JIT gives it vector instructions where the CPU has them);
   * what it would let through beyond the canonical form is refused before and after it: padding (it
   * accepts {@code =} only at the end, so the last character is checked), and bits set in the last
   * character that the encoding leaves zero. It refuses every byte outside the URL alphabet, and a
   * length no encoding has.
   *
   * @return the bytes, or {@code null} when the text holds a byte outside the alphabet, has a length
   *     no encoding has, or sets bits that the canonical encoding leaves zero
   */
  static byte @Nullable [] decode(byte[] ascii, int from, int to) {
    int length = to - from;
    int tail = length % 4;
    if (length == 0) {
      return new byte[0];
    }
    if (tail == 1) {
      return null;
    }
    int last = BYTE_VALUES[ascii[to - 1] & 0xff];
    if (last < 0 || tail == 2 && (last & 0x0f) != 0 || tail == 3 && (last & 0x03) != 0) {
      return null;
    }
    try {
      ByteBuffer decoded = DECODER.decode(ByteBuffer.wrap(ascii, from, length));
      byte[] bytes = decoded.array();
      return decoded.remaining() == bytes.length ? bytes : Arrays.copyOf(bytes, decoded.remaining());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
