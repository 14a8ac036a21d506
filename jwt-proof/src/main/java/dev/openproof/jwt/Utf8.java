package dev.openproof.jwt;

/** Well-formed UTF-8 (RFC 3629, the Unicode Standard's table 3-7), checked without decoding. */
final class Utf8 {
  private Utf8() {}

  /**
   * Whether the bytes are well-formed UTF-8 without a NUL byte: no overlong form, no surrogate, nothing
   * above U+10FFFF, no sequence cut short.
   */
  static boolean isWellFormedWithoutNul(byte[] bytes) {
    int n = bytes.length;
    int i = 0;
    while (i < n) {
      // Eight bytes at a time while they are ASCII without NUL: no high bit set, no byte zero.
      while (i + 8 <= n) {
        long word = Words.at(bytes, i);
        if ((word & Words.HIGH_BITS) != 0 || Words.bytesBelow(word, 1) != 0) {
          break;
        }
        i += 8;
      }
      if (i >= n) {
        break;
      }
      int c = bytes[i];
      if (c > 0) {
        i++;
        continue;
      }
      if (c == 0) {
        return false;
      }
      int length = sequenceAt(bytes, i, n);
      if (length == 0) {
        return false;
      }
      i += length;
    }
    return true;
  }

  /**
   * The length (2 to 4) of the well-formed sequence that starts with the byte above 127 at {@code i}
   * and ends before {@code end}, or 0 when none does: an overlong form, a surrogate, beyond U+10FFFF, a
   * continuation byte first, or cut short.
   */
  static int sequenceAt(byte[] bytes, int i, int end) {
    int c = bytes[i] & 0xff;
    if (c < 0xc2 || c > 0xf4) {
      return 0;
    }
    if (c < 0xe0) {
      return i + 1 < end && isContinuation(bytes[i + 1]) ? 2 : 0;
    }
    if (c < 0xf0) {
      return i + 2 < end && secondInRange(c, bytes[i + 1] & 0xff) && isContinuation(bytes[i + 2]) ? 3 : 0;
    }
    return i + 3 < end && secondInRange(c, bytes[i + 1] & 0xff)
        && isContinuation(bytes[i + 2]) && isContinuation(bytes[i + 3]) ? 4 : 0;
  }

  /** The second byte's range, which depends on the first (E0, ED, F0 and F4 are narrower). */
  private static boolean secondInRange(int first, int second) {
    int low = first == 0xe0 ? 0xa0 : first == 0xf0 ? 0x90 : 0x80;
    int high = first == 0xed ? 0x9f : first == 0xf4 ? 0x8f : 0xbf;
    return second >= low && second <= high;
  }

  private static boolean isContinuation(byte b) {
    return (b & 0xc0) == 0x80;
  }
}
