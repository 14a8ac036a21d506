package dev.openproof.jwt;

/** Makes untrusted text safe to quote in a log line. */
final class Texts {
  private static final int MAX_QUOTED = 64;

  private Texts() {}

  /** The text in quotes, printable ASCII only (others become {@code ?}), at most 64 characters. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_QUOTED) + 3).append('\'');
    for (int i = 0; i < text.length() && i < MAX_QUOTED; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c < 0x7f && c != '\'' ? c : '?');
    }
    if (text.length() > MAX_QUOTED) {
      out.append('…');
    }
    return out.append('\'').toString();
  }
}
