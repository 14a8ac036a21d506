package dev.openproof.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.SignedProof;
import dev.openproof.core.testing.SampleOrders;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

/** The remembered substitutions are the font's own: a page shows the same glyphs with the memo as without it. */
class LigaturesTest {
  private static final String TEXT = "official flow affix ffl Лицензия ﬁ official flow Straße";

  /** The content of a page that shows {@code text} in {@code bold} or regular, with the memo or without it. */
  private static byte[] shown(String text, boolean bold, boolean remembered) throws IOException {
    try (PDDocument document = new PDDocument(); CertificateFonts fonts = CertificateFonts.load(document)) {
      PDType0Font font = bold ? fonts.bold : fonts.regular;
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
        stream.beginText();
        stream.setFont(font, 11);
        if (remembered) {
          fonts.ligatures(font).install(stream, font);
        }
        stream.showText(fonts.printable(text, font));
        stream.endText();
      }
      try (InputStream in = page.getContents()) {
        return in.readAllBytes();
      }
    }
  }

  private static long[] counts(boolean bold) throws IOException {
    try (PDDocument document = new PDDocument(); CertificateFonts fonts = CertificateFonts.load(document)) {
      return fonts.ligatures(bold ? fonts.bold : fonts.regular).counts();
    }
  }

  @Test
  void theSameGlyphsAreShownWithTheMemoAsWithoutItTheFirstTimeAndAfter() throws IOException {
    for (boolean bold : List.of(false, true)) {
      byte[] own = shown(TEXT, bold, false);
      long[] before = counts(bold);
      assertThat(shown(TEXT, bold, true)).isEqualTo(own);
      long[] between = counts(bold);
      assertThat(shown(TEXT, bold, true)).isEqualTo(own);
      long[] after = counts(bold);
      long words = between[0] - before[0];
      assertThat(words).as("words asked of the memo").isPositive();
      assertThat(after[0] - between[0]).as("words asked the second time").isEqualTo(words);
      assertThat(after[1] - between[1]).as("words worked out the second time").isZero();
    }
  }

  @Test
  void randomWordsShowAsTheFontShowsThemAndTheMemoStaysBounded() throws IOException {
    Random random = new Random(5);
    String letters = "affilo tbcfл";
    for (int round = 0; round < 30; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < 200; i++) {
        text.append(letters.charAt(random.nextInt(letters.length())));
      }
      assertThat(shown(text.toString(), false, true)).isEqualTo(shown(text.toString(), false, false));
    }
    long[] counts = counts(false);
    assertThat(counts[1]).isLessThanOrEqualTo(counts[0]);
  }

  @Test
  void aCertificateDrawnAgainOnTheSameThreadTakesEveryWordFromTheMemo() throws IOException {
    LicenseProof proof = CertificateFixture.proof(SampleOrders.russian(), "702411391");
    SignedProof signed = CertificateFixture.sign(proof);
    byte[] first = CertificateFixture.CERTIFICATES.render(proof, signed);
    long[] before = counts(false);
    byte[] second = CertificateFixture.CERTIFICATES.render(proof, signed);
    long[] after = counts(false);
    assertThat(second).isEqualTo(first);
    assertThat(after[0] - before[0]).as("words asked").isPositive();
    assertThat(after[1] - before[1]).as("words worked out").isZero();
  }
}
