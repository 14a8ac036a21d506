package dev.openproof.certificate;

import java.util.Arrays;

/**
 * The operators of a page's content stream, written as bytes: numbers as the shortest decimal of at
 * most five fraction digits, text as hexadecimal strings of two-byte glyph codes. Not thread-safe.
 */
final class PageContent {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private byte[] bytes = new byte[8192];
  private int length;

  /** Writes a number and a space. */
  PageContent number(float value) {
    long scaled = Math.round((double) value * 100_000);
    if (scaled < 0) {
      put('-');
      scaled = -scaled;
    }
    long whole = scaled / 100_000;
    int fraction = (int) (scaled % 100_000);
    digits(whole);
    if (fraction != 0) {
      put('.');
      int divisor = 10_000;
      while (fraction != 0) {
        put((char) ('0' + fraction / divisor));
        fraction %= divisor;
        divisor /= 10;
      }
    }
    return put(' ');
  }

  /** Writes an integer and a space. */
  PageContent integer(int value) {
    if (value < 0) {
      put('-');
      digits(-(long) value);
    } else {
      digits(value);
    }
    return put(' ');
  }

  /** Writes an operator (or a name, such as {@code /F1}) and then a space, or a line end for an operator. */
  PageContent operator(String operator) {
    for (int i = 0; i < operator.length(); i++) {
      put(operator.charAt(i));
    }
    return put('\n');
  }

  /** Writes a name and a space. */
  PageContent name(String name) {
    put('/');
    for (int i = 0; i < name.length(); i++) {
      put(name.charAt(i));
    }
    return put(' ');
  }

  /** Writes glyph codes as a hexadecimal string of two bytes each, and a space. */
  PageContent glyphs(int[] codes, int count) {
    put('<');
    for (int i = 0; i < count; i++) {
      int code = codes[i];
      put(HEX[code >> 12 & 15]).put(HEX[code >> 8 & 15]).put(HEX[code >> 4 & 15]).put(HEX[code & 15]);
    }
    return put('>').put(' ');
  }

  /** The bytes written so far. */
  byte[] toByteArray() {
    return Arrays.copyOf(bytes, length);
  }

  private void digits(long value) {
    if (value >= 10) {
      digits(value / 10);
    }
    put((char) ('0' + value % 10));
  }

  private PageContent put(char c) {
    return put((byte) c);
  }

  private PageContent put(byte b) {
    if (length == bytes.length) {
      bytes = Arrays.copyOf(bytes, bytes.length * 2);
    }
    bytes[length++] = b;
    return this;
  }
}
