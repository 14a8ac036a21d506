package dev.openproof.jwt.status;

/** Makes untrusted text safe to quote in a log line. */
final class Quote {
  private Quote() {}

  /** The text in quotes, printable ASCII only (others become {@code ?}), at most 120 characters. */
  static String of(String text) {
    StringBuilder out = new StringBuilder("'");
    for (int i = 0; i < text.length() && i < 120; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c < 0x7f && c != '\'' ? c : '?');
    }
    return out.append(text.length() > 120 ? "…'" : "'").toString();
  }
}
