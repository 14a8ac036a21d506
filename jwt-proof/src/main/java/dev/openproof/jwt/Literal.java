package dev.openproof.jwt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A fixed run of ASCII bytes of the signer's claims layout (punctuation and member names, such as
 * {@code ,"sub":"}), matched a word at a time: the words from its start, eight bytes apart, and the
 * last eight bytes (overlapping the one before), or one masked word when it is shorter than eight.
 */
final class Literal {
  private final byte[] bytes;
  private final long[] words;
  private final long last;
  private final long mask;

  Literal(String ascii) {
    bytes = ascii.getBytes(StandardCharsets.US_ASCII);
    int n = bytes.length;
    byte[] padded = Arrays.copyOf(bytes, Math.max(8, n));
    words = new long[n <= 8 ? 1 : (n - 1) / 8];
    for (int k = 0; k < words.length; k++) {
      words[k] = Words.at(padded, 8 * k);
    }
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
      return (Words.at(json, at) & mask) == words[0];
    }
    for (int k = 0; k < words.length; k++) {
      if (Words.at(json, at + 8 * k) != words[k]) {
        return false;
      }
    }
    return Words.at(json, at + n - 8) == last;
  }
}
