package dev.openproof.certificate;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * A page of a PDFBox document as a canvas's target: fonts and forms become the page's resources, the
 * text's codes come from the fonts, which so learn the glyphs to subset ({@link CertificateFonts#subset()}).
 */
final class PdfBoxTarget implements CanvasTarget {
  private final PDDocument document;
  private final PDPage page;
  private final PDResources resources = new PDResources();

  PdfBoxTarget(PDDocument document, PDPage page) {
    this.document = document;
    this.page = page;
    page.setResources(resources);
  }

  @Override
  public String fontName(PDType0Font font) {
    return resources.add(font).getName();
  }

  @Override
  public int glyphs(String printable, PDType0Font font, int[] codes) throws IOException {
    byte[] encoded = font.encode(printable);
    printable.codePoints().forEach(font::addToSubset);
    for (int i = 0; i + 1 < encoded.length; i += 2) {
      codes[i / 2] = (encoded[i] & 0xFF) << 8 | encoded[i + 1] & 0xFF;
    }
    return encoded.length / 2;
  }

  @Override
  public String form(byte[] content, int span) throws IOException {
    PDStream stream = new PDStream(document);
    try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
      out.write(content);
    }
    PDFormXObject form = new PDFormXObject(stream);
    form.setBBox(new PDRectangle(0, 0, span, span));
    form.setResources(new PDResources());
    return resources.add(form).getName();
  }

  @Override
  public void finish(byte[] content) throws IOException {
    PDStream stream = new PDStream(document);
    try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
      out.write(content);
    }
    page.setContents(stream);
  }
}
