package dev.openproof.certificate;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The two faces of the certificate, DejaVu Serif and DejaVu Serif Bold (Latin, Greek and Cyrillic),
 * shipped in this jar with their licence and embedded as subsets. One instance per document.
 *
 * <p>The font files are parsed once per thread and kept: parsing them for every document cost more
 * than the rest of a certificate. A parsed font is read, never changed, by the subsetting of a
 * document, and a document is saved on the thread that made it, so one thread's documents may share
 * its parse; other threads have their own.
 */
final class CertificateFonts implements Closeable {
  private static final String DIR = "fonts/";

  final PDType0Font regular;
  final PDType0Font bold;
  private final TrueTypeFont regularFile;
  private final TrueTypeFont boldFile;

  private CertificateFonts(PDDocument document, TrueTypeFont regularFile, TrueTypeFont boldFile) throws IOException {
    this.regularFile = regularFile;
    this.boldFile = boldFile;
    this.regular = PDType0Font.load(document, regularFile, true);
    this.bold = PDType0Font.load(document, boldFile, true);
  }

  private static final ThreadLocal<TrueTypeFont[]> PARSED = new ThreadLocal<>();

  static CertificateFonts load(PDDocument document) throws IOException {
    TrueTypeFont[] parsed = PARSED.get();
    if (parsed == null) {
      parsed = new TrueTypeFont[] {parse(Files.REGULAR), parse(Files.BOLD)};
      PARSED.set(parsed);
    }
    return new CertificateFonts(document, parsed[0], parsed[1]);
  }

  /**
   * The text as the font can show it: control characters become spaces, and a character the font
   * has no glyph for becomes a question mark, so that no value from a proof can break the page.
   */
  String printable(String text, PDType0Font font) {
    TrueTypeFont file = font == bold ? boldFile : regularFile;
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      if (Character.isISOControl(cp) || cp == '\u2028' || cp == '\u2029') {
        out.append(' ');
      } else if (hasGlyph(file, cp)) {
        out.appendCodePoint(cp);
      } else if (Character.isSpaceChar(cp)) {
        out.append(' ');
      } else {
        out.append('?');
      }
    });
    return out.toString();
  }

  private static boolean hasGlyph(TrueTypeFont file, int codePoint) {
    try {
      return file.getUnicodeCmapLookup().getGlyphId(codePoint) > 0;
    } catch (IOException e) {
      return false;
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
  private static final class Files {
    static final byte[] REGULAR = read("DejaVuSerif.ttf");
    static final byte[] BOLD = read("DejaVuSerif-Bold.ttf");

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
