package dev.openproof.examples.demo;

/**
 * Text for a terminal: what came from outside is printed so that it cannot move the cursor, change
 * the colours, or reorder the line (no control, format or bidirectional characters).
 *
 * @since 0.1.0
 */
public final class Console {
  private Console() {}

  /**
   * The text with every control, format (such as U+202E) and line or paragraph separator character
   * written as {@code \}{@code uXXXX}.
   *
   * @param text the text
   * @return the printable text
   */
  public static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      int type = Character.getType(c);
      if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
          || type == Character.SURROGATE) {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }
}
