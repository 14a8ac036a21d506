package dev.openproof.certificate;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Where a {@link Canvas} draws to: the page's names for its fonts and forms, the glyph codes of a text,
 * and what becomes of the finished content stream. A PDFBox page ({@link PdfBoxTarget}) or a page that
 * the certificate writes itself ({@link CertificateTarget}).
 */
interface CanvasTarget {
  /** The page's resource name of a font, without the slash. */
  String fontName(PDType0Font font) throws IOException;

  /** Writes the two-byte codes of {@code printable} in {@code font} to {@code codes}; returns how many. */
  int glyphs(String printable, PDType0Font font, int[] codes) throws IOException;

  /** Adds a form of {@code span} units square drawn by {@code content}; returns its resource name. */
  String form(byte[] content, int span) throws IOException;

  /** Takes the page's finished content stream. */
  void finish(byte[] content) throws IOException;
}
