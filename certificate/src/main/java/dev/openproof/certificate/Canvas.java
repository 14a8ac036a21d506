package dev.openproof.certificate;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;

/** Drawing on one page: text in the certificate's fonts (measured, wrapped), rules and boxes. */
final class Canvas implements Closeable {
  /** Navy, for the title, headings and the table's head. */
  static final int INK = 0x1F3A5F;
  /** The body text. */
  static final int TEXT = 0x222222;
  /** Labels and small print. */
  static final int MUTED = 0x66707A;
  /** The gold of the rules. */
  static final int GOLD = 0xB08D3C;
  /** The tint of panels and alternate rows. */
  static final int TINT = 0xF2F5F9;
  /** White. */
  static final int WHITE = 0xFFFFFF;

  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile(" +");

  private final CanvasTarget target;
  private final PageContent stream = new PageContent();
  private final CertificateFonts fonts;
  private int[] codes = new int[256];
  /*
   * The state last set, kept by the graphics state across text objects: the page sets a font, a
   * colour or a line width only when it changes (a form's drawing is saved and restored around it).
   */
  private @Nullable PDType0Font font;
  private float fontSize = Float.NaN;
  private int fillColor = -1;
  private int strokeColor = -1;
  private float lineWidth = Float.NaN;

  /** Draws on a new content stream of {@code page}, a page of {@code document}. */
  Canvas(PDDocument document, PDPage page, CertificateFonts fonts) {
    this(new PdfBoxTarget(document, page), fonts);
  }

  /** Draws for {@code target}, which takes the content stream when the canvas closes. */
  Canvas(CanvasTarget target, CertificateFonts fonts) {
    this.target = target;
    this.fonts = fonts;
  }

  PDType0Font regular() {
    return fonts.regular;
  }

  PDType0Font bold() {
    return fonts.bold;
  }

  float width(String text, PDType0Font font, float size) throws IOException {
    return fonts.width(text, font) / 1000f * size;
  }

  /** Draws one line of text with its baseline at {@code y}. */
  void text(String text, PDType0Font font, float size, float x, float y, int color) throws IOException {
    String printable = fonts.printable(text, font);
    if (printable.isBlank()) {
      return;
    }
    color(color);
    stream.operator("BT");
    font(font, size);
    stream.number(x).number(y).operator("Td");
    show(printable, font);
    stream.operator("ET");
  }

  void centered(String text, PDType0Font font, float size, float centre, float y, int color) throws IOException {
    text(text, font, size, centre - width(text, font, size) / 2, y, color);
  }

  /** Draws one line centred on {@code centre}, with {@code spacing} points between its characters. */
  void tracked(String text, PDType0Font font, float size, float spacing, float centre, float y, int color) throws IOException {
    String printable = fonts.printable(text, font);
    float width = width(printable, font, size) + spacing * (printable.codePointCount(0, printable.length()) - 1);
    color(color);
    stream.operator("BT");
    font(font, size);
    stream.number(spacing).operator("Tc");
    stream.number(centre - width / 2).number(y).operator("Td");
    show(printable, font);
    stream.number(0).operator("Tc");
    stream.operator("ET");
  }

  void right(String text, PDType0Font font, float size, float right, float y, int color) throws IOException {
    text(text, font, size, right - width(text, font, size), y, color);
  }

  /** The lines of {@code text} that fit {@code width}: broken at spaces, and inside a word too long for a line. */
  List<String> wrap(String text, PDType0Font font, float size, float width) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : SPACES.split(fonts.printable(text, font).trim())) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (width(candidate, font, size) <= width) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
      }
      String rest = word;
      while (width(rest, font, size) > width && rest.length() > 1) {
        int cut = rest.length() - 1;
        while (cut > 1 && width(rest.substring(0, cut), font, size) > width) {
          cut--;
        }
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      line.append(rest);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  /** Draws wrapped text, the first baseline at {@code y}; returns the baseline below the last line. */
  float paragraph(String text, PDType0Font font, float size, float leading, float x, float y, float width, int color)
      throws IOException {
    float baseline = y;
    for (String line : wrap(text, font, size, width)) {
      text(line, font, size, x, baseline, color);
      baseline -= leading;
    }
    return baseline;
  }

  void fill(float x, float y, float width, float height, int color) throws IOException {
    color(color);
    stream.number(x).number(y).number(width).number(height).operator("re");
    stream.operator("f");
  }

  void frame(float x, float y, float width, float height, float lineWidth, int color) throws IOException {
    stroke(lineWidth, color);
    stream.number(x).number(y).number(width).number(height).operator("re");
    stream.operator("S");
  }

  void line(float x1, float y1, float x2, float y2, float lineWidth, int color) throws IOException {
    stroke(lineWidth, color);
    stream.number(x1).number(y1).operator("m");
    stream.number(x2).number(y2).operator("l");
    stream.operator("S");
  }

  /**
   * Fills rectangles of whole units, given as x, y, width, height quadruples (the first
   * {@code count} numbers of {@code rectangles}), in units of {@code unit} points from the origin
   * ({@code x}, {@code y}), {@code span} units square. They are written as one form of small
   * integers, straight into its stream: thousands of them through the page's stream, number by
   * number, cost more than the rest of the page.
   */
  void fillUnits(float x, float y, float unit, int span, int[] rectangles, int count, int color) throws IOException {
    PageContent path = new PageContent();
    path.number(red(color)).number(green(color)).number(blue(color)).operator("rg");
    for (int i = 0; i + 3 < count; i += 4) {
      path.integer(rectangles[i]).integer(rectangles[i + 1]).integer(rectangles[i + 2]).integer(rectangles[i + 3]).operator("re");
    }
    path.operator("f");
    String form = target.form(path.toByteArray(), span);
    stream.operator("q");
    stream.number(unit).number(0).number(0).number(unit).number(x).number(y).operator("cm");
    stream.name(form).operator("Do");
    stream.operator("Q");
  }

  private void show(String printable, PDType0Font font) throws IOException {
    if (codes.length < printable.length()) {
      codes = new int[printable.length() * 2];
    }
    stream.glyphs(codes, target.glyphs(printable, font, codes)).operator("Tj");
  }

  private void font(PDType0Font face, float size) throws IOException {
    if (face != font || size != fontSize) {
      stream.name(target.fontName(face)).number(size).operator("Tf");
      font = face;
      fontSize = size;
    }
  }

  private void color(int rgb) throws IOException {
    if (rgb != fillColor) {
      stream.number(red(rgb)).number(green(rgb)).number(blue(rgb)).operator("rg");
      fillColor = rgb;
    }
  }

  private void stroke(float width, int rgb) throws IOException {
    if (width != lineWidth) {
      stream.number(width).operator("w");
      lineWidth = width;
    }
    if (rgb != strokeColor) {
      stream.number(red(rgb)).number(green(rgb)).number(blue(rgb)).operator("RG");
      strokeColor = rgb;
    }
  }

  private static float red(int rgb) {
    return ((rgb >> 16) & 0xFF) / 255f;
  }

  private static float green(int rgb) {
    return ((rgb >> 8) & 0xFF) / 255f;
  }

  private static float blue(int rgb) {
    return (rgb & 0xFF) / 255f;
  }

  @Override
  public void close() throws IOException {
    target.finish(stream.toByteArray());
  }
}
