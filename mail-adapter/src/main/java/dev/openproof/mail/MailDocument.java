package dev.openproof.mail;

import java.util.List;
import java.util.Locale;

/**
 * The content of a mail as a few kinds of blocks, written once and rendered twice: as plain text
 * and as HTML. Values stay raw here; each renderer escapes them for its own format.
 *
 * @param language the language of the texts
 * @param title the heading of the mail
 * @param blocks the content, in order
 */
record MailDocument(Locale language, String title, List<Block> blocks) {
  MailDocument {
    blocks = List.copyOf(blocks);
  }

  /** One block of content. */
  sealed interface Block {}

  /** A section heading. */
  record Heading(String text) implements Block {}

  /** A paragraph of running text. */
  record Paragraph(String text) implements Block {}

  /** Labelled values, one per line. */
  record Fields(List<Field> fields) implements Block {
    Fields {
      fields = List.copyOf(fields);
    }
  }

  /** One labelled value. */
  record Field(String label, String value) {}

  /** Rows under column headings; the first column names the row. */
  record Table(List<String> columns, List<List<String>> rows) implements Block {
    Table {
      columns = List.copyOf(columns);
      rows = rows.stream().map(List::copyOf).toList();
    }
  }

  /** Text to be typed as it is, such as a command. */
  record Code(String text) implements Block {}

  /** Items of a list. */
  record Items(List<String> items) implements Block {
    Items {
      items = List.copyOf(items);
    }
  }
}
