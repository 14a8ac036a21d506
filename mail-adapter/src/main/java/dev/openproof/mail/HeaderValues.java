package dev.openproof.mail;

/**
 * Makes values safe to place in a header. A display name or a subject part is neutralized: every
 * line break, NUL or other control character becomes a space, so it can never end the header line
 * and start another; the encoder then writes it per RFC 2047. Addresses are never neutralized, they
 * are refused (see {@link MailAddresses}).
 */
final class HeaderValues {
  /** Longest display name or subject part kept; the rest is cut. */
  static final int MAX_PHRASE = 200;

  private HeaderValues() {}

  /** Tells whether the value holds a control character, or a Unicode line or paragraph separator. */
  static boolean hasControl(String value) {
    return value.codePoints().anyMatch(HeaderValues::isControl);
  }

  /** The value with controls turned into spaces, runs of white space collapsed, trimmed and cut. */
  static String phrase(String value) {
    return oneLine(value, MAX_PHRASE);
  }

  /** The value with controls turned into spaces, runs of white space collapsed and trimmed. */
  static String oneLine(String value) {
    return oneLine(value, Integer.MAX_VALUE);
  }

  private static String oneLine(String value, int max) {
    StringBuilder out = new StringBuilder(Math.min(value.length(), 256));
    boolean space = false;
    for (int i = 0; i < value.length() && out.length() < max; ) {
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      if (isControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.appendCodePoint(cp);
    }
    return out.toString();
  }

  /** The value fit for a file name: ASCII letters, digits, dot, hyphen and underscore only. */
  static String fileNamePart(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length() && out.length() < 64; i++) {
      char c = value.charAt(i);
      boolean safe = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
      out.append(safe ? c : '_');
    }
    return out.length() == 0 ? "_" : out.toString();
  }

  /** The value for a one-line error message: controls shown as escapes, cut to 120 characters. */
  static String printable(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length() && out.length() < 120; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        case '\0' -> out.append("\\0");
        default -> {
          if (isControl(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean isControl(int cp) {
    int type = Character.getType(cp);
    return Character.isISOControl(cp)
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
  }
}
