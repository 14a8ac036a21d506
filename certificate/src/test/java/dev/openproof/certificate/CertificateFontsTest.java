package dev.openproof.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
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
}
