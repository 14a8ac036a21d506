package dev.openproof.examples.demo;

import java.io.IOException;
import java.io.InputStream;

/**
 * The sandbox's reader of SMTP lines: hands out a line at a time, or the part of a longer line that
 * fills the caller's buffer, so that no line is ever held whole. Not thread-safe; one per connection.
 */
final class SandboxLines {
  private final InputStream in;
  private final byte[] buffer = new byte[16 * 1024];
  private int position;
  private int limit;

  SandboxLines(InputStream in) {
    this.in = in;
  }

  /**
   * Copies bytes into {@code into} up to and including the next line feed, or until it is full.
   *
   * @return how many bytes were copied, or {@code -1} at the end of the stream
   */
  int read(byte[] into) throws IOException {
    int n = 0;
    while (n < into.length) {
      if (position == limit) {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit < 0) {
          limit = 0;
          return n == 0 ? -1 : n;
        }
      }
      int end = Math.min(limit, position + into.length - n);
      int start = position;
      while (position < end) {
        if (buffer[position++] == '\n') {
          System.arraycopy(buffer, start, into, n, position - start);
          return n + position - start;
        }
      }
      System.arraycopy(buffer, start, into, n, position - start);
      n += position - start;
    }
    return n;
  }
}
