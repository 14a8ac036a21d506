package dev.openproof.certificate;

import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseSummary;
import dev.openproof.core.model.PartyRef;
import dev.openproof.core.model.SummaryLine;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;

/**
 * Lays a license summary out: on the first page a title block and a panel naming the subject, the
 * holder and the date; on every page the table's head, as many rows as fit, and a foot with the page
 * number. The rows are measured first, so that each page knows how many pages there are.
 */
final class SummaryPages {
  private static final float FRAME = 24;
  private static final float MARGIN = 44;
  private static final float SIZE = 7.6f;
  private static final float LINE = 9.6f;
  private static final float HEAD_SIZE = 7f;
  private static final int MARKED = 0x9B2C2C;
  private static final int RULE = 0xC9D1DB;
  private static final float[] PLAIN = {0.24f, 0.11f, 0.06f, 0.16f, 0.10f, 0.10f, 0.23f};
  private static final float[] WITH_STATE = {0.20f, 0.10f, 0.06f, 0.15f, 0.10f, 0.10f, 0.11f, 0.18f};

  private final PDDocument document;
  private final CertificateFonts fonts;
  private final CertificateTexts texts;
  private final LicenseSummary summary;
  private final @Nullable PartyRef holder;
  private final PDRectangle paper;
  private final float[] columns;
  private final float left;
  private final float inner;

  private SummaryPages(PDDocument document, CertificateFonts fonts, CertificateTexts texts, LicenseSummary summary,
      @Nullable PartyRef holder, PDRectangle paper) {
    this.document = document;
    this.fonts = fonts;
    this.texts = texts;
    this.summary = summary;
    this.holder = holder;
    this.paper = paper;
    this.columns = summary.includesEnded() ? WITH_STATE : PLAIN;
    this.left = MARGIN;
    this.inner = paper.getWidth() - 2 * MARGIN;
  }

  static void draw(PDDocument document, CertificateFonts fonts, CertificateTexts texts, LicenseSummary summary,
      @Nullable PartyRef holder, PDRectangle paper) throws IOException {
    new SummaryPages(document, fonts, texts, summary, holder, paper).draw();
  }

  /** One row of the table, its cells wrapped. */
  private record Row(List<List<String>> cells, float height, boolean marked) {}

  private void draw() throws IOException {
    PDPage first = new PDPage(paper);
    document.addPage(first);
    Canvas canvas = new Canvas(document, first, fonts);
    try {
      List<String> footer = canvas.wrap(texts.text("summary.footer", texts.dateTime(summary.asOf())), canvas.regular(), 6.6f,
          inner - 90);
      float floor = FRAME + 18 + footer.size() * 8.2f + 10;
      List<List<String>> head = new ArrayList<>();
      for (int c = 0; c < columns.length; c++) {
        head.add(canvas.wrap(label(c), canvas.bold(), HEAD_SIZE, width(c) - 10));
      }
      float headHeight = 8 + lines(head) * (HEAD_SIZE + 2);
      List<Row> rows = new ArrayList<>();
      for (SummaryLine line : summary.lines()) {
        rows.add(row(canvas, line));
      }
      float firstTop = heading(canvas);
      float laterTop = paper.getHeight() - FRAME - 36;
      List<List<Row>> pages = paginate(rows, firstTop - headHeight - floor, laterTop - headHeight - floor);
      for (int p = 0; p < pages.size(); p++) {
        if (p > 0) {
          canvas.close();
          PDPage page = new PDPage(paper);
          document.addPage(page);
          canvas = new Canvas(document, page, fonts);
          frame(canvas);
          canvas.text(texts.text("summary.title") + " · " + subjectLine(), canvas.bold(), 9, left, laterTop + 12, Canvas.INK);
        }
        float y = tableHead(canvas, head, headHeight, p == 0 ? firstTop : laterTop);
        if (rows.isEmpty()) {
          canvas.text(texts.text("summary.none"), canvas.regular(), SIZE + 1, left + 5, y - 14, Canvas.MUTED);
        }
        int index = 0;
        for (Row row : pages.get(p)) {
          drawRow(canvas, row, y, index++ % 2 == 1);
          y -= row.height();
        }
        foot(canvas, footer, p + 1, pages.size());
      }
    } finally {
      canvas.close();
    }
  }

  private static List<List<Row>> paginate(List<Row> rows, float firstRoom, float laterRoom) {
    List<List<Row>> pages = new ArrayList<>();
    List<Row> page = new ArrayList<>();
    float room = firstRoom;
    for (Row row : rows) {
      if (row.height() > room && !page.isEmpty()) {
        pages.add(page);
        page = new ArrayList<>();
        room = laterRoom;
      }
      page.add(row);
      room -= row.height();
    }
    pages.add(page);
    return pages;
  }

  private void frame(Canvas canvas) throws IOException {
    float w = paper.getWidth();
    float h = paper.getHeight();
    canvas.frame(FRAME, FRAME, w - 2 * FRAME, h - 2 * FRAME, 1.6f, Canvas.INK);
    canvas.frame(FRAME + 4, FRAME + 4, w - 2 * FRAME - 8, h - 2 * FRAME - 8, 0.5f, Canvas.GOLD);
  }

  /** The frame, title block and subject panel of the first page; returns the top of the table. */
  private float heading(Canvas canvas) throws IOException {
    frame(canvas);
    float centre = paper.getWidth() / 2;
    float top = paper.getHeight() - 66;
    canvas.tracked(texts.text("summary.kicker").toUpperCase(texts.locale()), canvas.regular(), 8.5f, 1.6f, centre, top, Canvas.GOLD);
    canvas.centered(texts.text("summary.title"), canvas.bold(), 24, centre, top - 30, Canvas.INK);
    canvas.line(centre - 60, top - 43, centre + 60, top - 43, 1.2f, Canvas.GOLD);
    float y = top - 70;
    String name = holder != null ? holder.name() : subjectLine();
    List<String> nameLines = canvas.wrap(name, canvas.bold(), 17, inner);
    for (String line : nameLines.subList(0, Math.min(2, nameLines.size()))) {
      canvas.centered(line, canvas.bold(), 17, centre, y, Canvas.TEXT);
      y -= 21;
    }
    List<String[]> fields = new ArrayList<>();
    if (summary.forCustomer().isPresent()) {
      fields.add(new String[] {texts.text("summary.customer"), summary.forCustomer().get()});
    } else {
      fields.add(new String[] {texts.text("summary.authorization"), summary.forAuthorization().orElseThrow().value()});
      if (holder != null) {
        fields.add(new String[] {texts.text("summary.holder"), holder.name() + " (" + holder.id() + ")"});
      }
    }
    fields.add(new String[] {texts.text("summary.asOf"), texts.dateTime(summary.asOf())});
    fields.add(new String[] {texts.text("summary.entitlements"), Integer.toString(summary.lines().size())});
    float unit = inner / (fields.size() - 0.5f);
    float panelTop = y - 4;
    int valueLines = 1;
    for (String[] field : fields) {
      valueLines = Math.max(valueLines, Math.min(2, canvas.wrap(field[1], canvas.regular(), 9.5f, unit - 24).size()));
    }
    float bottom = panelTop - 30 - valueLines * 12.5f;
    canvas.fill(left, bottom, inner, panelTop - bottom, Canvas.TINT);
    canvas.fill(left, bottom, 3, panelTop - bottom, Canvas.INK);
    for (int i = 0; i < fields.size(); i++) {
      float x = left + 14 + i * unit;
      String label = fields.get(i)[0];
      canvas.text(label.toUpperCase(texts.locale()), canvas.regular(), 6.8f, x, panelTop - 15, Canvas.MUTED);
      List<String> value = canvas.wrap(fields.get(i)[1], canvas.regular(), 9.5f, unit - 24);
      float baseline = panelTop - 30;
      for (String line : value.subList(0, Math.min(2, value.size()))) {
        canvas.text(line, canvas.regular(), 9.5f, x, baseline, Canvas.TEXT);
        baseline -= 12.5f;
      }
    }
    float scope = canvas.paragraph(texts.text(summary.includesEnded() ? "summary.scope.all" : "summary.scope.inForce"),
        canvas.regular(), 8.5f, 11, left, bottom - 18, inner, Canvas.MUTED);
    return scope - 4;
  }

  private String subjectLine() {
    return summary.forCustomer().map(id -> texts.text("summary.customer") + " " + id)
        .orElseGet(() -> texts.text("summary.authorization") + " " + summary.forAuthorization().orElseThrow().value());
  }

  /** The navy head of the table; returns its bottom. */
  private float tableHead(Canvas canvas, List<List<String>> head, float height, float top) throws IOException {
    canvas.fill(left, top - height, inner, height, Canvas.INK);
    float x = left;
    for (int c = 0; c < columns.length; c++) {
      float y = top - 4 - HEAD_SIZE;
      for (String line : head.get(c)) {
        if (c == 2) {
          canvas.right(line, canvas.bold(), HEAD_SIZE, x + width(c) - 5, y, Canvas.WHITE);
        } else {
          canvas.text(line, canvas.bold(), HEAD_SIZE, x + 5, y, Canvas.WHITE);
        }
        y -= HEAD_SIZE + 2;
      }
      x += width(c);
    }
    return top - height;
  }

  private Row row(Canvas canvas, SummaryLine line) throws IOException {
    List<String> values = new ArrayList<>(List.of(line.product(), line.sku(), Integer.toString(line.quantity()),
        texts.name(line.type()), date(line.termEnds()), date(line.saEnds())));
    if (summary.includesEnded()) {
      values.add(texts.name(line.state()));
    }
    values.add(line.proofs().stream().map(LicenseNumber::value).collect(Collectors.joining(" ")));
    List<List<String>> cells = new ArrayList<>();
    for (int c = 0; c < values.size(); c++) {
      cells.add(canvas.wrap(values.get(c), font(canvas, c), SIZE, width(c) - 10));
    }
    return new Row(cells, 7 + lines(cells) * LINE, line.state() != SummaryLine.State.IN_FORCE);
  }

  private void drawRow(Canvas canvas, Row row, float top, boolean tinted) throws IOException {
    if (tinted) {
      canvas.fill(left, top - row.height(), inner, row.height(), Canvas.TINT);
    }
    if (row.marked()) {
      canvas.fill(left, top - row.height(), 2.5f, row.height(), MARKED);
    }
    float x = left;
    for (int c = 0; c < columns.length; c++) {
      float y = top - 3 - SIZE;
      boolean state = summary.includesEnded() && c == 6;
      int color = state && row.marked() ? MARKED : row.marked() ? Canvas.MUTED : Canvas.TEXT;
      for (String line : row.cells().get(c)) {
        if (c == 2) {
          canvas.right(line, font(canvas, c), SIZE, x + width(c) - 5, y, color);
        } else {
          canvas.text(line, state && row.marked() ? canvas.bold() : font(canvas, c), SIZE, x + 5, y, color);
        }
        y -= LINE;
      }
      x += width(c);
    }
    canvas.line(left, top - row.height(), left + inner, top - row.height(), 0.3f, RULE);
  }

  private void foot(Canvas canvas, List<String> footer, int page, int pages) throws IOException {
    float baseline = FRAME + 16 + (footer.size() - 1) * 8.2f;
    canvas.line(left, baseline + 12, left + inner, baseline + 12, 0.8f, Canvas.GOLD);
    for (String line : footer) {
      canvas.text(line, canvas.regular(), 6.6f, left, baseline, Canvas.MUTED);
      baseline -= 8.2f;
    }
    canvas.right(texts.text("summary.page", page, pages), canvas.regular(), 7.5f, left + inner, FRAME + 16, Canvas.MUTED);
  }

  private String label(int column) {
    boolean state = summary.includesEnded();
    return switch (column) {
      case 0 -> texts.text("summary.col.product");
      case 1 -> texts.text("col.sku");
      case 2 -> texts.text("col.quantity");
      case 3 -> texts.text("col.type");
      case 4 -> texts.text("summary.col.termEnds");
      case 5 -> texts.text("summary.col.saEnds");
      case 6 -> texts.text(state ? "summary.col.state" : "summary.col.proofs");
      default -> texts.text("summary.col.proofs");
    };
  }

  private PDType0Font font(Canvas canvas, int column) {
    return column == 1 ? canvas.bold() : canvas.regular();
  }

  private float width(int column) {
    return inner * columns[column];
  }

  private String date(@Nullable LocalDate date) {
    return date == null ? "–" : texts.mediumDate(date);
  }

  private static int lines(List<List<String>> cells) {
    int lines = 1;
    for (List<String> cell : cells) {
      lines = Math.max(lines, cell.size());
    }
    return lines;
  }
}
