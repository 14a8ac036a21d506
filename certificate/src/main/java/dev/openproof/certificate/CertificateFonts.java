package dev.openproof.certificate;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The two faces of the certificate, DejaVu Serif and DejaVu Serif Bold (Latin, Greek and Cyrillic),
 * shipped in this jar with their licence and embedded as subsets, read without their glyph
 * substitution table (so without ligatures: each character is its own glyph, as the page measures
 * it). One instance per PDFBox document ({@link #load}), or one per thread for the pages the
 * certificate writes itself ({@link #forThread}).
 *
 * <p>The font files are parsed once per thread and kept: parsing them for every document cost more
 * than the rest of a certificate. A parsed font is read, never changed, by the subsetting of a
 * document, and a document is saved on the thread that made it, so one thread's documents may share
 * its parse; other threads have their own. With the parse the thread keeps which characters each
 * font has and their widths, which measuring and wrapping text asked of the font over and over.
 */
final class CertificateFonts implements Closeable {
  private static final String DIR = "fonts/";

  final PDType0Font regular;
  final PDType0Font bold;
  private final Face regularFace;
  private final Face boldFace;

  private CertificateFonts(PDDocument document, Face regularFace, Face boldFace) throws IOException {
    this.regularFace = regularFace;
    this.boldFace = boldFace;
    this.regular = PDType0Font.load(document, regularFace.file, true);
    this.bold = PDType0Font.load(document, boldFace.file, true);
  }

  private static final ThreadLocal<Face[]> PARSED = new ThreadLocal<>();
  private static final ThreadLocal<CertificateFonts> MEASURES = new ThreadLocal<>();

  static CertificateFonts load(PDDocument document) throws IOException {
    Face[] parsed = PARSED.get();
    if (parsed == null) {
      parsed = new Face[] {new Face(parse(Files.REGULAR)), new Face(parse(Files.BOLD))};
      PARSED.set(parsed);
    }
    return new CertificateFonts(document, parsed[0], parsed[1]);
  }

  /**
   * The thread's fonts for pages that the certificate writes itself: loaded once into a document of
   * the thread's that is never saved, so they serve to measure, to name the glyphs and to tell a
   * canvas which face a text is in, while the page embeds its own subsets ({@link FaceEmbedding}).
   */
  static CertificateFonts forThread() throws IOException {
    CertificateFonts fonts = MEASURES.get();
    if (fonts == null) {
      fonts = load(new PDDocument());
      MEASURES.set(fonts);
    }
    return fonts;
  }

  /**
   * Subsets the two faces for the glyphs their document shows, before it is saved: a canvas writes
   * its own content stream, so the document does not learn of the fonts from it. Once per document.
   */
  void subset() throws IOException {
    regular.subset();
    bold.subset();
  }

  /** Whether {@code font} is the bold face. */
  boolean isBold(PDType0Font font) {
    return font == bold;
  }

  /** The parsed font file of {@code font}, to be read on this thread only. */
  TrueTypeFont file(PDType0Font font) {
    return face(font).file;
  }

  /**
   * Writes the glyph ids of {@code printable} (a text as {@link #printable} gives it) to
   * {@code codes}; returns how many: the codes the page shows it with, one per character.
   */
  int glyphs(String printable, PDType0Font font, int[] codes) {
    Face face = face(font);
    int count = 0;
    for (int i = 0; i < printable.length(); ) {
      int cp = printable.codePointAt(i);
      i += Character.charCount(cp);
      codes[count++] = face.glyph(cp);
    }
    return count;
  }

  /**
   * The text as the font can show it: control characters become spaces, and a character the font
   * has no glyph for becomes a question mark, so that no value from a proof can break the page.
   */
  String printable(String text, PDType0Font font) {
    Face face = face(font);
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      int shown = face.printable(cp);
      if (shown == cp) {
        out.appendCodePoint(cp);
      } else {
        out.append((char) shown);
      }
    }
    return out.toString();
  }

  /**
   * The width of {@link #printable(String, PDType0Font) the printable text}, in the font's units
   * (1000 to the em): the sum of its glyphs' widths, added in order as the font's own measure adds
   * them, so the result is the same to the last bit; each glyph's width is asked of the font once per thread.
   */
  float width(String text, PDType0Font font) throws IOException {
    Face face = face(font);
    float width = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      width += face.width(face.printable(cp), font);
    }
    return width;
  }

  private Face face(PDType0Font font) {
    return font == bold ? boldFace : regularFace;
  }

  /** A parsed font file and what the certificate has asked of it: which characters it has, their widths. */
  private static final class Face {
    private static final int KNOWN = 0x10000;
    final TrueTypeFont file;
    /** Per character of the Basic Multilingual Plane: its glyph id, 0 for none, -1 not asked yet. */
    private final int[] glyphs = new int[KNOWN];
    /** Per character of the Basic Multilingual Plane: its width, NaN until asked. */
    private final float[] widths = new float[KNOWN];

    Face(TrueTypeFont file) {
      this.file = file;
      java.util.Arrays.fill(widths, Float.NaN);
      java.util.Arrays.fill(glyphs, -1);
    }

    /** The character the page shows for {@code cp}: itself, a space, or a question mark. */
    int printable(int cp) {
      if (Character.isISOControl(cp) || cp == '\u2028' || cp == '\u2029') {
        return ' ';
      }
      if (hasGlyph(cp)) {
        return cp;
      }
      return Character.isSpaceChar(cp) ? ' ' : '?';
    }

    private boolean hasGlyph(int cp) {
      return glyph(cp) > 0;
    }

    /** The glyph id of a character, 0 where the font has none. */
    int glyph(int cp) {
      if (cp >= KNOWN) {
        return lookUp(cp);
      }
      int known = glyphs[cp];
      if (known < 0) {
        known = lookUp(cp);
        glyphs[cp] = known;
      }
      return known;
    }

    private int lookUp(int cp) {
      try {
        return Math.max(0, file.getUnicodeCmapLookup().getGlyphId(cp));
      } catch (IOException e) {
        return 0;
      }
    }

    /** The width of a printable character as {@code font}, made of this file, measures it. */
    float width(int cp, PDType0Font font) throws IOException {
      if (cp >= KNOWN) {
        return font.getStringWidth(new String(Character.toChars(cp)));
      }
      float known = widths[cp];
      if (Float.isNaN(known)) {
        known = font.getStringWidth(String.valueOf((char) cp));
        widths[cp] = known;
      }
      return known;
    }
  }

  private static TrueTypeFont parse(byte[] bytes) throws IOException {
    return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
  }

  /** Ends the document's use of the fonts; the parsed files stay with the thread, for its next document. */
  @Override
  public void close() {
    // Nothing to release: the parsed files hold only the jar's bytes and are kept for the thread.
  }

  /** The font files, read once from the jar. */
  static final class Files {
    static final byte[] REGULAR = withoutTable(read("DejaVuSerif.ttf"), "GSUB");
    static final byte[] BOLD = withoutTable(read("DejaVuSerif-Bold.ttf"), "GSUB");

    /**
     * The font file without the table {@code tag}: its entry taken out of the table directory (the
     * later entries move up, the directory's search fields follow the new count), the tables' bytes
     * left where they are. The certificate leaves out the glyph substitutions (GSUB): PDFBox would
     * work out ligatures from them at every text shown, which cost a sixth of a certificate, while
     * every text on the page is measured, centred and wrapped by the glyphs' own widths, without
     * ligatures; without the table the page shows exactly the glyphs it measured.
     */
    static byte[] withoutTable(byte[] font, String tag) {
      ByteBuffer in = ByteBuffer.wrap(font);
      int tables = in.getShort(4) & 0xFFFF;
      int wanted = ByteBuffer.wrap(tag.getBytes(StandardCharsets.US_ASCII)).getInt();
      for (int i = 0; i < tables; i++) {
        int entry = 12 + 16 * i;
        if (in.getInt(entry) == wanted) {
          byte[] out = font.clone();
          System.arraycopy(font, entry + 16, out, entry, 16 * (tables - 1 - i));
          Arrays.fill(out, 12 + 16 * (tables - 1), 12 + 16 * tables, (byte) 0);
          int left = tables - 1;
          int power = Integer.highestOneBit(left);
          ByteBuffer header = ByteBuffer.wrap(out);
          header.putShort(4, (short) left);
          header.putShort(6, (short) (power * 16));
          header.putShort(8, (short) Integer.numberOfTrailingZeros(power));
          header.putShort(10, (short) (left * 16 - power * 16));
          return out;
        }
      }
      throw new IllegalStateException("the font has no table " + tag);
    }

    private static byte[] read(String name) {
      try (InputStream in = CertificateFonts.class.getResourceAsStream(DIR + name)) {
        if (in == null) {
          throw new IllegalStateException("the font " + name + " is missing from the jar");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the font " + name, e);
      }
    }
  }
}
