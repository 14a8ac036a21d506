package dev.openproof.certificate;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Writes a certificate's one-page PDF/A-2b file itself, object by object, where PDFBox would build and
 * save a document model for every certificate: the catalog with its XMP metadata, language and sRGB
 * output intent (the profile compressed once), the page, its content and QR form, the two faces'
 * subsets ({@link FaceEmbedding}), the document information and a cross-reference table.
 */
final class CertificateFile {
  private static final byte[] ICC = Deflate.of(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("'D:'yyyyMMddHHmmss'+00''00'''", Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  private static final int OBJECTS = 21;
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
  private final int[] offsets = new int[OBJECTS + 1];

  private CertificateFile() {}

  /** The file of a page drawn on {@code page}, with the faces' subsets and the metadata of {@code info}. */
  static byte[] write(CertificateTarget page, PDRectangle paper, FaceEmbedding regular, FaceEmbedding bold, PdfArchive.Info info) {
    return new CertificateFile().file(page, paper, regular, bold, info);
  }

  private byte[] file(CertificateTarget page, PDRectangle paper, FaceEmbedding regular, FaceEmbedding bold, PdfArchive.Info info) {
    ascii("%PDF-1.7\n%");
    out.write(0xE2);
    out.write(0xE3);
    out.write(0xCF);
    out.write(0xD3);
    ascii("\n");
    object(1, "/Type /Catalog /Version /1.7 /Pages 2 0 R /Metadata 3 0 R /Lang " + literal(info.language())
        + " /OutputIntents [4 0 R]");
    object(2, "/Type /Pages /Kids [6 0 R] /Count 1");
    stream(3, "/Type /Metadata /Subtype /XML", PdfArchive.xmp(info).getBytes(StandardCharsets.UTF_8), false);
    String srgb = literal(PdfArchive.SRGB);
    object(4, "/Type /OutputIntent /S /GTS_PDFA1 /DestOutputProfile 5 0 R /Info " + srgb + " /OutputCondition " + srgb
        + " /OutputConditionIdentifier " + srgb + " /RegistryName (http://www.color.org)");
    stream(5, "/N 3", ICC, true);
    byte[] form = page.form;
    object(6, "/Type /Page /Parent 2 0 R /MediaBox [0 0 " + number(paper.getWidth()) + " " + number(paper.getHeight())
        + "] /Resources << /Font << /F1 8 0 R /F2 14 0 R >>" + (form == null ? "" : " /XObject << /Form1 7 0 R >>")
        + " >> /Contents 20 0 R");
    if (form == null) {
      object(7, "");
    } else {
      stream(7, "/Type /XObject /Subtype /Form /BBox [0 0 " + page.formSpan + " " + page.formSpan + "] /Resources << >>",
          Deflate.of(form), true);
    }
    face(8, regular);
    face(14, bold);
    stream(20, "", Deflate.of(page.content), true);
    String date = literal(DATE.format(info.issuedAt()));
    String producer = literal(PdfArchive.PRODUCER);
    object(21, "/Title " + text(info.title()) + " /Creator " + producer + " /Producer " + producer + " /CreationDate " + date
        + " /ModDate " + date);
    int xref = out.size();
    StringBuilder table = new StringBuilder(32 + 20 * OBJECTS);
    table.append("xref\n0 ").append(OBJECTS + 1).append("\n0000000000 65535 f \n");
    for (int i = 1; i <= OBJECTS; i++) {
      table.append(String.format(Locale.ROOT, "%010d 00000 n \n", offsets[i]));
    }
    String id = HEX.formatHex(ByteBuffer.allocate(16).putLong(info.documentId().getMostSignificantBits())
        .putLong(info.documentId().getLeastSignificantBits()).array());
    table.append("trailer\n<< /Size ").append(OBJECTS + 1).append(" /Root 1 0 R /Info 21 0 R /ID [<").append(id).append("> <")
        .append(id).append(">] >>\nstartxref\n").append(xref).append("\n%%EOF\n");
    ascii(table.toString());
    return out.toByteArray();
  }

  /** A face's six objects from {@code first}: the Type 0 font, its CIDFont, descriptor, program, ToUnicode and CIDToGIDMap. */
  private void face(int first, FaceEmbedding face) {
    object(first, "/Type /Font /Subtype /Type0 /BaseFont /" + face.baseName() + " /Encoding /Identity-H /DescendantFonts ["
        + (first + 1) + " 0 R] /ToUnicode " + (first + 4) + " 0 R");
    object(first + 1, "/Type /Font /Subtype /CIDFontType2 /BaseFont /" + face.baseName()
        + " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor " + (first + 2)
        + " 0 R /W " + face.widths() + " /CIDToGIDMap " + (first + 5) + " 0 R");
    object(first + 2, face.descriptor() + " /FontFile2 " + (first + 3) + " 0 R");
    stream(first + 3, "/Length1 " + face.fontFileLength(), face.fontFile(), true);
    stream(first + 4, "", face.toUnicode(), true);
    stream(first + 5, "", face.cidToGid(), true);
  }

  private void object(int number, String dictionary) {
    offsets[number] = out.size();
    ascii(number + " 0 obj\n<< " + dictionary + " >>\nendobj\n");
  }

  private void stream(int number, String dictionary, byte[] data, boolean deflated) {
    offsets[number] = out.size();
    ascii(number + " 0 obj\n<< " + dictionary + (deflated ? " /Filter /FlateDecode" : "") + " /Length " + data.length
        + " >>\nstream\n");
    out.write(data, 0, data.length);
    ascii("\nendstream\nendobj\n");
  }

  private void ascii(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    out.write(bytes, 0, bytes.length);
  }

  private static String number(float value) {
    return new String(new PageContent().number(value).toByteArray(), StandardCharsets.US_ASCII).trim();
  }

  /** A literal string of printable ASCII, its parentheses and backslashes escaped. */
  private static String literal(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('(');
    for (char c : text.toCharArray()) {
      if (c == '(' || c == ')' || c == '\\') {
        out.append('\\');
      }
      out.append(c >= 0x20 && c < 0x7F ? c : '?');
    }
    return out.append(')').toString();
  }

  /** A text string in UTF-16 with its byte order mark, as hexadecimal. */
  private static String text(String text) {
    return "<FEFF" + HEX.formatHex(text.getBytes(StandardCharsets.UTF_16BE)) + ">";
  }
}
