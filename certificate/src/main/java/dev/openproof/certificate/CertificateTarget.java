package dev.openproof.certificate;

import java.util.BitSet;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;

/**
 * The certificate's page as the certificate writes it itself ({@link CertificateFile}): the regular
 * face is {@code F1}, the bold {@code F2}, the one form (the QR code) {@code Form1}; the glyphs
 * shown in each face are kept, for the subsets to embed.
 */
final class CertificateTarget implements CanvasTarget {
  private final CertificateFonts fonts;
  final BitSet regularGlyphs = new BitSet();
  final BitSet boldGlyphs = new BitSet();
  byte @Nullable [] form;
  int formSpan;
  byte[] content = new byte[0];

  CertificateTarget(CertificateFonts fonts) {
    this.fonts = fonts;
  }

  @Override
  public String fontName(PDType0Font font) {
    return fonts.isBold(font) ? "F2" : "F1";
  }

  @Override
  public int glyphs(String printable, PDType0Font font, int[] codes) {
    int count = fonts.glyphs(printable, font, codes);
    BitSet used = fonts.isBold(font) ? boldGlyphs : regularGlyphs;
    for (int i = 0; i < count; i++) {
      used.set(codes[i]);
    }
    return count;
  }

  @Override
  public String form(byte[] content, int span) {
    if (form != null) {
      throw new IllegalStateException("the certificate's page has one form");
    }
    form = content;
    formSpan = span;
    return "Form1";
  }

  @Override
  public void finish(byte[] content) {
    this.content = content;
  }
}
