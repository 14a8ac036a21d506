package dev.openproof.jwt;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes at a time: a little-endian word read from a byte array, and tests on all its bytes at
 * once, for the scans of token text ({@link Utf8}, {@link ClaimsStream}).
 */
final class Words {
  /** The high bit of every byte of a word. */
  static final long HIGH_BITS = 0x8080808080808080L;
  private static final long LOW_BITS = 0x0101010101010101L;
  private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Words() {}

  /** The eight bytes from {@code index} on, the first in the lowest bits. */
  static long at(byte[] bytes, int index) {
    return (long) WORDS.get(bytes, index);
  }

  /** Every byte of the word set to {@code b}. */
  static long repeated(int b) {
    return LOW_BITS * (b & 0xff);
  }

  /**
   * Nonzero exactly when some byte of the word that is below 0x80 is below {@code bound} (1 to
   * 0x80): with {@code bound} 1, when some byte is zero.
   */
  static long bytesBelow(long word, int bound) {
    return (word - repeated(bound)) & ~word & HIGH_BITS;
  }

  /** Nonzero exactly when some byte of the word is {@code b}. */
  static long bytesEqual(long word, int b) {
    return bytesBelow(word ^ repeated(b), 1);
  }
}
