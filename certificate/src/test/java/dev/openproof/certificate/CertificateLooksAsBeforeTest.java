package dev.openproof.certificate;

import static dev.openproof.certificate.CertificateFixture.CERTIFICATES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.PartyRef;
import dev.openproof.core.model.SignedProof;
import dev.openproof.core.testing.SampleOrders;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.cos.COSName;
import org.junit.jupiter.api.Test;

/**
 * The certificate as it writes its file itself against the same certificate made through a PDFBox
 * document (its fonts subset at save, as before): the same pixels and the same extracted text, with the
 * prepared subsets, and with a subset of the page's own where a name has a glyph outside them (in the
 * last test, Greek in both faces: the reseller is set regular, the licensee bold).
 */
class CertificateLooksAsBeforeTest {
  @Test
  void anEnglishCertificateOnLetterLooksAndReadsAsBefore() throws IOException {
    LicenseProof proof = CertificateFixture.proof(SampleOrders.beforeCutover(), "552001001");
    assertSameAsBefore(proof, Locale.ENGLISH, true, true);
  }

  @Test
  void aGermanCertificateWithUmlautsLooksAndReadsAsBefore() throws IOException {
    LicenseProof proof = CertificateFixture.proof(SampleOrders.germanSubscription(), "880045001");
    // The licensee, Bäckerei Schäfer KG, is set in bold, whose prepared subset has no umlauts.
    assertSameAsBefore(proof, Locale.GERMAN, true, false);
  }

  @Test
  void aRussianCertificateInCyrillicLooksAndReadsAsBefore() throws IOException {
    LicenseProof proof = CertificateFixture.proof(SampleOrders.russian(), "702411390");
    // The licensee, ООО «Ромашка», is set in bold, whose prepared subset has the Cyrillic of the headings only.
    assertSameAsBefore(proof, Locale.forLanguageTag("ru"), true, false);
  }

  @Test
  void aNameWithGlyphsOutsideThePreparedSubsetGetsASubsetOfItsOwnAndLooksAsBefore() throws IOException {
    LicenseProof base = CertificateFixture.proof(SampleOrders.germanSubscription(), "880045001");
    LicenseProof proof = new LicenseProof(base.proofId(), base.licenseNumber(), base.authorizationNumber(), base.program(),
        base.orderId(), base.orderedAt(), new PartyRef("C-7", "Ωmega Ελλάς Ltd · Łódź", "DE"),
        new PartyRef("R-7", "Ελληνικά Reseller", "GR"), base.distributor(), base.entitlements(), base.issuedAt(), null, null);
    String text = assertSameAsBefore(proof, Locale.GERMAN, false, false);
    assertThat(text).contains("Ωmega Ελλάς Ltd · Łódź", "Ελληνικά Reseller");
  }

  /** Asserts the two make the same page and text; returns the text. */
  private static String assertSameAsBefore(LicenseProof proof, Locale language, boolean regularPrepared, boolean boldPrepared)
      throws IOException {
    SignedProof signed = CertificateFixture.sign(proof);
    byte[] now = CERTIFICATES.render(proof, signed, language);
    byte[] before = CERTIFICATES.renderThroughPdfBox(proof, signed, language);

    assertThat(CertificateFixture.text(now)).isEqualTo(CertificateFixture.text(before));
    BufferedImage nowPicture = CertificateFixture.picture(now, 110);
    BufferedImage beforePicture = CertificateFixture.picture(before, 110);
    assertThat(nowPicture.getWidth()).isEqualTo(beforePicture.getWidth());
    assertThat(nowPicture.getHeight()).isEqualTo(beforePicture.getHeight());
    int differ = 0;
    for (int y = 0; y < nowPicture.getHeight(); y++) {
      for (int x = 0; x < nowPicture.getWidth(); x++) {
        if (nowPicture.getRGB(x, y) != beforePicture.getRGB(x, y)) {
          differ++;
        }
      }
    }
    assertThat(differ).as("pixels that differ").isZero();
    CertificateTexts texts = CertificateTexts.forLanguage(language);
    CertificateFonts fonts = CertificateFonts.forThread();
    assertThat(baseFont(now, "F1").equals(PreparedFaces.prepared(fonts, fonts.regular, texts).baseName()))
        .as("the page embeds the prepared regular subset").isEqualTo(regularPrepared);
    assertThat(baseFont(now, "F2").equals(PreparedFaces.prepared(fonts, fonts.bold, texts).baseName()))
        .as("the page embeds the prepared bold subset").isEqualTo(boldPrepared);
    return CertificateFixture.text(now);
  }

  private static String baseFont(byte[] pdf, String name) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDResources resources = document.getPage(0).getResources();
      return resources.getFont(COSName.getPDFName(name)).getName();
    }
  }
}
