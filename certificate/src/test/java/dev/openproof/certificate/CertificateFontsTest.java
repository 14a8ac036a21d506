package dev.openproof.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFTable;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The fonts' kept measures against the fonts' own: the same characters shown, the same widths to the last bit. */
class CertificateFontsTest {
  private static final List<String> TEXTS = List.of("Certificate of license", "Сертификат лицензии ООО «Ромашка»",
      "Lizenzzertifikat für Müller & Söhne GmbH", "Certificat de licence — société générale",
      "Certificado de licencia: señor Peña", "tab\there, line\nbreak\u2028and\u2029paragraph", "emoji \uD83D\uDE00 and CJK 漢字",
      "no-break\u00A0space, thin\u2009space", "", "   ", "ﬁ ligature and ﬀ", "x".repeat(300));

  @Test
  void aTextMeasuresAsTheFontMeasuresItsPrintableForm() throws IOException {
    List<String> texts = new ArrayList<>(TEXTS);
    Random random = new Random(3);
    for (int i = 0; i < 200; i++) {
      StringBuilder text = new StringBuilder();
      for (int j = 0; j < 1 + random.nextInt(60); j++) {
        text.appendCodePoint(random.nextInt(8) == 0 ? 0x1F300 + random.nextInt(200) : random.nextInt(0x0600));
      }
      texts.add(text.toString());
    }
    try (PDDocument document = new PDDocument(); CertificateFonts fonts = CertificateFonts.load(document)) {
      for (PDType0Font font : List.of(fonts.regular, fonts.bold)) {
        for (String text : texts) {
          String printable = fonts.printable(text, font);
          assertThat(fonts.width(text, font)).as(text).isEqualTo(font.getStringWidth(printable));
          // Measured twice: the second time from what the thread kept.
          assertThat(fonts.width(text, font)).as(text).isEqualTo(font.getStringWidth(printable));
        }
      }
    }
  }

  @Test
  void controlCharactersBecomeSpacesAndMissingGlyphsQuestionMarks() throws IOException {
    try (PDDocument document = new PDDocument(); CertificateFonts fonts = CertificateFonts.load(document)) {
      assertThat(fonts.printable("a\tb\nc\u2028d", fonts.regular)).isEqualTo("a b c d");
      assertThat(fonts.printable("漢\uD83D\uDE00Ж", fonts.bold)).isEqualTo("??Ж");
    }
  }

  @Test
  void theFacesAreReadWithoutGlyphSubstitutionsAndEveryOtherTableAsShipped() throws IOException {
    for (String name : List.of("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf")) {
      byte[] shipped;
      try (InputStream in = CertificateFonts.class.getResourceAsStream("fonts/" + name)) {
        shipped = in.readAllBytes();
      }
      Map<String, byte[]> before = tables(shipped);
      Map<String, byte[]> after = tables(CertificateFonts.Files.withoutTable(shipped, "GSUB"));
      assertThat(before).containsKey("GSUB");
      before.remove("GSUB");
      assertThat(after.keySet()).as(name).isEqualTo(before.keySet());
      for (String tag : before.keySet()) {
        assertThat(after.get(tag)).as(name + " " + tag).isEqualTo(before.get(tag));
      }
      TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(CertificateFonts.Files.withoutTable(shipped, "GSUB")));
      assertThat(parsed.getGsubData()).isSameAs(GsubData.NO_DATA_FOUND);
      assertThat(parsed.getNumberOfGlyphs()).isEqualTo(new TTFParser().parse(new RandomAccessReadBuffer(shipped)).getNumberOfGlyphs());
      assertThatThrownBy(() -> CertificateFonts.Files.withoutTable(CertificateFonts.Files.withoutTable(shipped, "GSUB"), "GSUB"))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("GSUB");
    }
  }

  @Test
  void wordsWithLigatureLettersAreShownLetterByLetterAsMeasured() throws IOException {
    String text = "official flow affix ffl fi Лицензия";
    try (PDDocument document = new PDDocument(); CertificateFonts fonts = CertificateFonts.load(document)) {
      assertThat(fonts.regular.getGsubData()).isSameAs(GsubData.NO_DATA_FOUND);
      assertThat(fonts.bold.getGsubData()).isSameAs(GsubData.NO_DATA_FOUND);
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
        stream.beginText();
        stream.setFont(fonts.bold, 12);
        stream.newLineAtOffset(50, 700);
        stream.showText(text);
        stream.endText();
      }
      // One two-byte code per character in the page's content: no two letters drawn as one ligature.
      List<Object> tokens = new org.apache.pdfbox.pdfparser.PDFStreamParser(page).parse();
      List<Integer> shown = new ArrayList<>();
      for (Object token : tokens) {
        if (token instanceof org.apache.pdfbox.cos.COSString) {
          shown.add(((org.apache.pdfbox.cos.COSString) token).getBytes().length);
        }
      }
      assertThat(shown).containsExactly(2 * text.length());
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      document.save(out);
      try (PDDocument read = org.apache.pdfbox.Loader.loadPDF(out.toByteArray())) {
        assertThat(new PDFTextStripper().getText(read).strip()).isEqualTo(text);
      }
    }
  }

  private static Map<String, byte[]> tables(byte[] font) throws IOException {
    TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(font));
    Map<String, byte[]> tables = new TreeMap<>();
    for (TTFTable table : parsed.getTables()) {
      tables.put(table.getTag(), parsed.getTableBytes(table));
    }
    return tables;
  }
}
