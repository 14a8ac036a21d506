package dev.openproof.certificate;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays the certificate out on one page: a framed title block, the licensee, the license panel, the
 * product table, and at the foot the verification block with the QR code. The table takes the room
 * left between the panel and the foot; rows that do not fit are counted in a last line.
 */
final class CertificatePage {
  private static final float FRAME = 24;
  private static final float MARGIN = 54;
  private static final float QR_SIDE = 162;
  private static final float BODY = 8.3f;
  private static final float LEADING = 11;
  private static final float[] COLUMNS = {0.14f, 0.32f, 0.07f, 0.25f, 0.22f};

  private final Canvas canvas;
  private final CertificateContent content;
  private final float width;
  private final float height;
  private final float left;
  private final float inner;

  private CertificatePage(Canvas canvas, CertificateContent content, PDRectangle paper) {
    this.canvas = canvas;
    this.content = content;
    this.width = paper.getWidth();
    this.height = paper.getHeight();
    this.left = MARGIN;
    this.inner = width - 2 * MARGIN;
  }

  /**
   * The fixed texts the page sets in the bold face, in one string: the title, the section headings and
   * the table's column labels (what else it sets bold comes from the proof: the licensee, the license
   * number, the SKUs).
   */
  static String boldTexts(CertificateTexts t) {
    return t.text("title") + t.text("section.products") + t.text("section.verify") + t.text("section.support")
        + t.text("col.sku") + t.text("col.product") + t.text("col.quantity") + t.text("col.type") + t.text("col.term");
  }

  static void draw(Canvas canvas, CertificateContent content, PDRectangle paper) throws IOException {
    new CertificatePage(canvas, content, paper).draw();
  }

  private void draw() throws IOException {
    canvas.frame(FRAME, FRAME, width - 2 * FRAME, height - 2 * FRAME, 1.6f, Canvas.INK);
    canvas.frame(FRAME + 4, FRAME + 4, width - 2 * FRAME - 8, height - 2 * FRAME - 8, 0.5f, Canvas.GOLD);
    float y = heading(height - 78);
    y = panel(y - 18);
    float foot = foot();
    table(y - 24, foot + 18);
  }

  /** Kicker, title, rule, the licensee; returns the baseline below them. */
  private float heading(float top) throws IOException {
    float centre = width / 2;
    PDType0Font bold = canvas.bold();
    PDType0Font regular = canvas.regular();
    canvas.tracked(content.kicker(), regular, 8.5f, 1.6f, centre, top, Canvas.GOLD);
    canvas.centered(content.title(), bold, 26, centre, top - 32, Canvas.INK);
    canvas.line(centre - 60, top - 46, centre + 60, top - 46, 1.2f, Canvas.GOLD);
    canvas.centered(content.certifies(), regular, 10.5f, centre, top - 68, Canvas.MUTED);
    float size = 20;
    List<String> name = canvas.wrap(content.licensee(), bold, size, inner);
    while (name.size() > 2 && size > 12) {
      size -= 1;
      name = canvas.wrap(content.licensee(), bold, size, inner);
    }
    float y = top - 68 - size - 8;
    for (String line : name.subList(0, Math.min(2, name.size()))) {
      canvas.centered(line, bold, size, centre, y, Canvas.TEXT);
      y -= size * 1.2f;
    }
    for (String line : canvas.wrap(content.licensed(), regular, 10.5f, inner)) {
      canvas.centered(line, regular, 10.5f, centre, y - 2, Canvas.MUTED);
      y -= 14;
    }
    return y;
  }

  /** The license panel: two columns of labelled values on a tint; returns its bottom. */
  private float panel(float top) throws IOException {
    float gap = 24;
    float column = (inner - 2 * 14 - gap) / 2;
    float leftHeight = fieldsHeight(content.left(), column);
    float rightHeight = fieldsHeight(content.right(), column);
    float bottom = top - Math.max(leftHeight, rightHeight) - 20;
    canvas.fill(left, bottom, inner, top - bottom, Canvas.TINT);
    canvas.fill(left, bottom, 3, top - bottom, Canvas.INK);
    fields(content.left(), left + 14, top - 14, column);
    fields(content.right(), left + 14 + column + gap, top - 14, column);
    return bottom;
  }

  private float fieldsHeight(List<CertificateContent.Field> fields, float column) throws IOException {
    float total = 0;
    for (CertificateContent.Field field : fields) {
      total += 12 + valueLines(field, column).size() * lineHeight(field) + 5;
    }
    return total;
  }

  private void fields(List<CertificateContent.Field> fields, float x, float top, float column) throws IOException {
    float y = top;
    for (CertificateContent.Field field : fields) {
      canvas.text(field.label().toUpperCase(content.texts().locale()), canvas.regular(), 6.8f, x, y - 6, Canvas.MUTED);
      y -= 12;
      for (String line : valueLines(field, column)) {
        y -= lineHeight(field) - 3;
        canvas.text(line, field.emphasised() ? canvas.bold() : canvas.regular(), valueSize(field), x, y, Canvas.TEXT);
        y -= 3;
      }
      y -= 5;
    }
  }

  private List<String> valueLines(CertificateContent.Field field, float column) throws IOException {
    List<String> lines = canvas.wrap(field.value(), field.emphasised() ? canvas.bold() : canvas.regular(), valueSize(field), column);
    return lines.size() > 3 ? lines.subList(0, 3) : lines;
  }

  private static float valueSize(CertificateContent.Field field) {
    return field.emphasised() ? 13 : 9.5f;
  }

  private static float lineHeight(CertificateContent.Field field) {
    return valueSize(field) + 3;
  }

  /** The product table between {@code top} and {@code floor}, as many rows as fit. */
  private void table(float top, float floor) throws IOException {
    canvas.text(content.productsHeading(), canvas.bold(), 12, left, top, Canvas.INK);
    float y = top - 8;
    canvas.line(left, y, left + inner, y, 0.8f, Canvas.GOLD);
    y -= 4;
    float head = 18;
    canvas.fill(left, y - head, inner, head, Canvas.INK);
    float x = left;
    for (int c = 0; c < COLUMNS.length; c++) {
      float w = inner * COLUMNS[c];
      String label = content.columns().get(c);
      if (c == 2) {
        canvas.right(label, canvas.bold(), 8, x + w - 6, y - 12.5f, Canvas.WHITE);
      } else {
        canvas.text(label, canvas.bold(), 8, x + 6, y - 12.5f, Canvas.WHITE);
      }
      x += w;
    }
    y -= head;
    List<List<String>> rows = content.rows();
    for (int r = 0; r < rows.size(); r++) {
      float rowHeight = rowHeight(rows.get(r));
      boolean last = r == rows.size() - 1;
      if (y - rowHeight < floor + (last ? 0 : 16)) {
        canvas.text(content.more(rows.size() - r), canvas.regular(), 8.5f, left + 6, y - 12, Canvas.MUTED);
        return;
      }
      if (r % 2 == 1) {
        canvas.fill(left, y - rowHeight, inner, rowHeight, Canvas.TINT);
      }
      row(rows.get(r), y);
      y -= rowHeight;
      canvas.line(left, y, left + inner, y, 0.3f, 0xC9D1DB);
    }
  }

  private float rowHeight(List<String> row) throws IOException {
    int lines = 1;
    for (int c = 0; c < COLUMNS.length; c++) {
      lines = Math.max(lines, cell(row.get(c), c).size());
    }
    return 8 + lines * 11;
  }

  private List<String> cell(String value, int column) throws IOException {
    return canvas.wrap(value, column == 0 ? canvas.bold() : canvas.regular(), 8.5f, inner * COLUMNS[column] - 12);
  }

  private void row(List<String> row, float top) throws IOException {
    float x = left;
    for (int c = 0; c < COLUMNS.length; c++) {
      float w = inner * COLUMNS[c];
      float y = top - 13;
      for (String line : cell(row.get(c), c)) {
        if (c == 2) {
          canvas.right(line, canvas.regular(), 8.5f, x + w - 6, y, Canvas.TEXT);
        } else {
          canvas.text(line, c == 0 ? canvas.bold() : canvas.regular(), 8.5f, x + 6, y, Canvas.TEXT);
        }
        y -= 11;
      }
      x += w;
    }
  }

  /** The foot: verification text beside the QR code, support, the small print; returns its top. */
  private float foot() throws IOException {
    List<String> small = canvas.wrap(content.footer(), canvas.regular(), 6.8f, inner);
    float baseline = FRAME + 16 + (small.size() - 1) * 8.5f;
    for (String line : small) {
      canvas.centered(line, canvas.regular(), 6.8f, width / 2, baseline, Canvas.MUTED);
      baseline -= 8.5f;
    }
    float bottom = FRAME + 16 + small.size() * 8.5f + 8;
    float textWidth = inner - QR_SIDE - 24;
    float top = bottom + Math.max(QR_SIDE, textHeight(textWidth));
    float qrLeft = left + inner - QR_SIDE;
    float qrBottom = top - QR_SIDE;
    Optional<QrSymbol> symbol = QrSymbol.of(content.verificationLink());
    if (symbol.isPresent()) {
      symbol.get().draw(canvas, qrLeft, qrBottom, QR_SIDE);
    } else {
      canvas.frame(qrLeft + 8, qrBottom + 8, QR_SIDE - 16, QR_SIDE - 16, 0.5f, Canvas.MUTED);
      canvas.paragraph(content.tooLarge(), canvas.regular(), 9, 12, qrLeft + 20, qrBottom + QR_SIDE / 2 + 6, QR_SIDE - 40, Canvas.MUTED);
    }
    float y = top - 12;
    canvas.text(content.verifyHeading(), canvas.bold(), 11, left, y, Canvas.INK);
    y -= 16;
    for (String paragraph : content.verifyLines()) {
      y = canvas.paragraph(paragraph, canvas.regular(), BODY, LEADING, left, y, textWidth, Canvas.TEXT) - 4;
    }
    y -= 8;
    canvas.text(content.supportHeading(), canvas.bold(), 11, left, y, Canvas.INK);
    y -= 16;
    for (String line : content.supportLines()) {
      y = canvas.paragraph(line, canvas.regular(), BODY, LEADING, left, y, textWidth, Canvas.TEXT);
    }
    float rule = top + 10;
    canvas.line(left, rule, left + inner, rule, 0.8f, Canvas.GOLD);
    return rule;
  }

  /** The height of the verification and support text, as {@link #foot()} sets it. */
  private float textHeight(float textWidth) throws IOException {
    float height = 12 + 16 + 8 + 16 + 4;
    for (String paragraph : content.verifyLines()) {
      height += canvas.wrap(paragraph, canvas.regular(), BODY, textWidth).size() * LEADING + 4;
    }
    for (String line : content.supportLines()) {
      height += canvas.wrap(line, canvas.regular(), BODY, textWidth).size() * LEADING;
    }
    return height;
  }
}
