package dev.openproof.jwt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A fixed run of ASCII bytes of the signer's claims layout (punctuation and member names, such as
 * {@code ,"sub":"}), at most 32, matched a word at a time: the first and the last eight bytes
 * (overlapping), and those between them eight at a time, or one masked word below eight bytes.
 */
final class Literal {
  private final byte[] bytes;
  /** The words from offsets 0, 8 and 16 (zero beyond the literal), and the last eight bytes. */
  private final long first;
  private final long second;
  private final long third;
  private final long last;
  private final long mask;

  Literal(String ascii) {
    bytes = ascii.getBytes(StandardCharsets.US_ASCII);
    int n = bytes.length;
    if (n > 32) {
      throw new IllegalArgumentException("a literal of at most 32 bytes: " + ascii);
    }
    byte[] padded = Arrays.copyOf(bytes, 32);
    first = Words.at(padded, 0);
    second = Words.at(padded, 8);
    third = Words.at(padded, 16);
    last = Words.at(padded, Math.max(0, n - 8));
    mask = n >= 8 ? -1L : (1L << 8 * n) - 1;
  }

  int length() {
    return bytes.length;
  }

  /** Whether {@code json} holds this literal from {@code at} on. */
  boolean isAt(byte[] json, int at) {
    int n = bytes.length;
    if (at + Math.max(n, 8) > json.length) {
      return at + n <= json.length && Arrays.equals(json, at, at + n, bytes, 0, n);
    }
    if (n <= 8) {
      return (Words.at(json, at) & mask) == first;
    }
    return Words.at(json, at) == first && Words.at(json, at + n - 8) == last
        && (n <= 16 || Words.at(json, at + 8) == second && (n <= 24 || Words.at(json, at + 16) == third));
  }
}
