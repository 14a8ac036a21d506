package dev.openproof.mail;

import java.util.ArrayList;
import java.util.List;

/** Renders a {@link MailDocument} as plain text, wrapped at 72 columns, lines ending in CRLF. */
final class PlainTextRenderer {
  private static final int WIDTH = 72;
  private static final String EOL = "\r\n";

  private PlainTextRenderer() {}

  static String render(MailDocument document) {
    StringBuilder out = new StringBuilder(2048);
    out.append(document.title()).append(EOL).append("=".repeat(Math.min(WIDTH, document.title().length()))).append(EOL);
    for (MailDocument.Block block : document.blocks()) {
      out.append(EOL);
      if (block instanceof MailDocument.Heading h) {
        out.append(h.text()).append(EOL).append("-".repeat(Math.min(WIDTH, h.text().length()))).append(EOL);
      } else if (block instanceof MailDocument.Paragraph p) {
        wrap(out, p.text(), "", "");
      } else if (block instanceof MailDocument.Fields f) {
        fields(out, f.fields(), "");
      } else if (block instanceof MailDocument.Table t) {
        table(out, t);
      } else if (block instanceof MailDocument.Code c) {
        out.append("    ").append(c.text()).append(EOL);
      } else if (block instanceof MailDocument.Items i) {
        i.items().forEach(item -> wrap(out, item, "  * ", "    "));
      }
    }
    return out.toString();
  }

  private static void fields(StringBuilder out, List<MailDocument.Field> fields, String indent) {
    int width = fields.stream().mapToInt(f -> f.label().length()).max().orElse(0);
    for (MailDocument.Field f : fields) {
      out.append(indent).append(f.label()).append(':').append(" ".repeat(width - f.label().length() + 1))
          .append(f.value()).append(EOL);
    }
  }

  private static void table(StringBuilder out, MailDocument.Table table) {
    int n = 1;
    for (List<String> row : table.rows()) {
      out.append(String.format("%2d. ", n++)).append(row.get(0)).append(EOL);
      List<MailDocument.Field> rest = new ArrayList<>();
      for (int i = 1; i < row.size(); i++) {
        rest.add(new MailDocument.Field(table.columns().get(i), row.get(i)));
      }
      fields(out, rest, "    ");
    }
  }

  /** Appends the text in lines of at most {@link #WIDTH} characters, breaking at spaces. */
  private static void wrap(StringBuilder out, String text, String first, String rest) {
    String indent = first;
    int column = 0;
    out.append(indent);
    column = indent.length();
    for (String word : text.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      if (column > indent.length() && column + 1 + word.length() > WIDTH) {
        out.append(EOL).append(rest);
        indent = rest;
        column = rest.length();
      } else if (column > indent.length()) {
        out.append(' ');
        column++;
      }
      out.append(word);
      column += word.length();
    }
    out.append(EOL);
  }
}
