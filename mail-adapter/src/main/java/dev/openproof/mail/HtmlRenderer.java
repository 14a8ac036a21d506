package dev.openproof.mail;

import java.util.List;

/**
 * Renders a {@link MailDocument} as a self-contained HTML page: inline styles only, no images, no
 * scripts, no links to anything outside the message. Every value is escaped.
 */
final class HtmlRenderer {
  private static final String LABEL = " style=\"text-align:left;vertical-align:top;padding:2px 16px 2px 0;font-weight:normal;color:#555555\"";
  private static final String CELL = " style=\"text-align:left;vertical-align:top;padding:4px 12px 4px 0;border-bottom:1px solid #dddddd\"";

  private HtmlRenderer() {}

  static String render(MailDocument document) {
    StringBuilder out = new StringBuilder(4096);
    out.append("<!DOCTYPE html>\r\n<html lang=\"").append(escape(document.language().toLanguageTag())).append("\">\r\n")
        .append("<head><meta charset=\"utf-8\"><title>").append(escape(document.title())).append("</title></head>\r\n")
        .append("<body style=\"margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#1b1b1b\">\r\n")
        .append("<div style=\"max-width:680px\">\r\n")
        .append("<h1 style=\"font-size:20px;margin:0 0 12px\">").append(escape(document.title())).append("</h1>\r\n");
    for (MailDocument.Block block : document.blocks()) {
      if (block instanceof MailDocument.Heading h) {
        out.append("<h2 style=\"font-size:16px;margin:20px 0 8px\">").append(escape(h.text())).append("</h2>\r\n");
      } else if (block instanceof MailDocument.Paragraph p) {
        out.append("<p style=\"margin:0 0 10px\">").append(escape(p.text())).append("</p>\r\n");
      } else if (block instanceof MailDocument.Fields f) {
        fields(out, f.fields());
      } else if (block instanceof MailDocument.Table t) {
        table(out, t);
      } else if (block instanceof MailDocument.Code c) {
        out.append("<pre style=\"margin:0 0 10px;padding:8px;background:#f3f3f3;white-space:pre-wrap\"><code>")
            .append(escape(c.text())).append("</code></pre>\r\n");
      } else if (block instanceof MailDocument.Items i) {
        items(out, i.items());
      }
    }
    return out.append("</div>\r\n</body>\r\n</html>\r\n").toString();
  }

  private static void fields(StringBuilder out, List<MailDocument.Field> fields) {
    out.append("<table role=\"presentation\" style=\"border-collapse:collapse;margin:0 0 10px\">\r\n");
    for (MailDocument.Field f : fields) {
      out.append("<tr><th scope=\"row\"").append(LABEL).append('>').append(escape(f.label()))
          .append("</th><td style=\"padding:2px 0\"><strong>").append(escape(f.value())).append("</strong></td></tr>\r\n");
    }
    out.append("</table>\r\n");
  }

  private static void table(StringBuilder out, MailDocument.Table table) {
    out.append("<table style=\"border-collapse:collapse;margin:0 0 10px\">\r\n<thead><tr>");
    for (String column : table.columns()) {
      out.append("<th scope=\"col\"").append(CELL).append('>').append(escape(column)).append("</th>");
    }
    out.append("</tr></thead>\r\n<tbody>\r\n");
    for (List<String> row : table.rows()) {
      out.append("<tr>");
      for (String value : row) {
        out.append("<td").append(CELL).append('>').append(escape(value)).append("</td>");
      }
      out.append("</tr>\r\n");
    }
    out.append("</tbody>\r\n</table>\r\n");
  }

  private static void items(StringBuilder out, List<String> items) {
    out.append("<ul style=\"margin:0 0 10px;padding-left:20px\">\r\n");
    items.forEach(item -> out.append("<li>").append(escape(item)).append("</li>\r\n"));
    out.append("</ul>\r\n");
  }

  /** The text with {@code & < > " '} written as character references. */
  static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      String replacement = switch (text.charAt(i)) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> null;
      };
      if (replacement != null) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(replacement);
      } else if (out != null) {
        out.append(text.charAt(i));
      }
    }
    return out == null ? text : out.toString();
  }
}
