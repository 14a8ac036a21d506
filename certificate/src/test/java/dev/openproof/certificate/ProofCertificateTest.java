package dev.openproof.certificate;

import static dev.openproof.certificate.CertificateFixture.CERTIFICATES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.SignedProof;
import dev.openproof.core.testing.SampleOrders;
import dev.openproof.jwt.VerifiedProof;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

class ProofCertificateTest {
  private static final LicenseProof RUSSIAN = CertificateFixture.proof(SampleOrders.russian(), "702411390");
  private static final SignedProof RUSSIAN_SIGNED = CertificateFixture.sign(RUSSIAN);

  @Test
  void printsTheLicenseNumberTheCyrillicLicenseeAndEverySku() throws IOException {
    String text = CertificateFixture.text(CERTIFICATES.render(RUSSIAN, RUSSIAN_SIGNED));

    assertThat(text).contains(RUSSIAN.licenseNumber().value(), "ООО «Ромашка»", "Сертификат лицензии",
        RUSSIAN.authorizationNumber().value(), "PO-2020-0815-001", "Example Reseller", "Example Distribution",
        RUSSIAN_SIGNED.keyId().substring(0, 12), "https://licensing.example.test/jwks.json");
    for (Entitlement entitlement : RUSSIAN.entitlements()) {
      assertThat(text).contains(entitlement.sku());
    }
  }

  @Test
  void theQrCodeOpensTheVerificationPageWithATokenThatVerifies() throws Exception {
    String prefix = "https://licensing.example.test/verify.html#";
    for (String number : List.of("702411390", "702411391", "702411392")) {
      LicenseProof proof = CertificateFixture.proof(SampleOrders.russian(), number);
      SignedProof signed = CertificateFixture.sign(proof);

      String link = scanQr(CERTIFICATES.render(proof, signed));

      assertThat(link).startsWith(prefix).isEqualTo(CERTIFICATES.verificationLink(signed).toString());
      VerifiedProof verified = CertificateFixture.verifier().verify(link.substring(prefix.length()));
      assertThat(verified.proof().licenseNumber()).isEqualTo(proof.licenseNumber());
    }
  }

  @Test
  void theSameProofGivesTheSameBytes() {
    byte[] first = CERTIFICATES.render(RUSSIAN, RUSSIAN_SIGNED);
    byte[] second = ProofCertificate.builder().issuerSite(java.net.URI.create(CertificateFixture.ISSUER)).build()
        .render(RUSSIAN, RUSSIAN_SIGNED);

    assertThat(second).isEqualTo(first);
    assertThat(new String(first, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("CreationDate(D:2026").contains("<pdfaid:part>2</pdfaid:part>");
  }

  @Test
  void customersInTheUnitedStatesGetLetterOthersA4() throws IOException {
    LicenseProof american = CertificateFixture.proof(SampleOrders.beforeCutover(), "552001001");
    byte[] letter = CERTIFICATES.render(american, CertificateFixture.sign(american));
    byte[] a4 = CERTIFICATES.render(RUSSIAN, RUSSIAN_SIGNED);

    assertThat(mediaBox(letter)).isEqualTo(new float[] {PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight()});
    assertThat(mediaBox(a4)).isEqualTo(new float[] {PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight()});
    assertThat(CertificateFixture.text(letter)).contains("Certificate of License", "Fabrikam Dental Group", "79P-05552",
        "Regional Operations Center Americas");
  }

  @Test
  void speaksTheLanguageAskedForAndEnglishForAnyOther() throws IOException {
    LicenseProof german = CertificateFixture.proof(SampleOrders.germanSubscription(), "880045001");
    SignedProof signed = CertificateFixture.sign(german);

    assertThat(CertificateFixture.text(CERTIFICATES.render(german, signed))).contains("Lizenzzertifikat", "Bäckerei Schäfer KG",
        "Müller & Söhne IT", "Abonnement");
    assertThat(CertificateFixture.text(CERTIFICATES.render(german, signed, Locale.FRENCH))).contains("Certificat de licence");
    assertThat(CertificateFixture.text(CERTIFICATES.render(german, signed, Locale.forLanguageTag("es"))))
        .contains("Certificado de licencia");
    assertThat(CertificateFixture.text(CERTIFICATES.render(german, signed, Locale.JAPANESE))).contains("Certificate of License");
    assertThat(ProofCertificate.languageOf("ru")).isEqualTo(Locale.forLanguageTag("ru"));
    assertThat(ProofCertificate.languageOf("JP")).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void aProofAndASignedProofOfAnotherAreRefused() {
    LicenseProof other = CertificateFixture.proof(SampleOrders.beforeCutover(), "552001001");
    SignedProof mismatched = new SignedProof(ProofId.of("someone-else"), RUSSIAN_SIGNED.token(), "ES256", "kid");

    assertThatThrownBy(() -> CERTIFICATES.render(other, mismatched))
        .isInstanceOfSatisfying(CertificateException.class, e -> {
          assertThat(e.reason()).isEqualTo(CertificateException.Reason.CERTIFICATE_INVALID_INPUT);
          assertThat(e.violations()).hasSize(1);
        });
  }

  @Test
  void writesPicturesOfThePageToLookAt() throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "certificates"));
    byte[] english = CERTIFICATES.render(RUSSIAN, RUSSIAN_SIGNED, Locale.ENGLISH);
    byte[] russian = CERTIFICATES.render(RUSSIAN, RUSSIAN_SIGNED);
    Files.write(dir.resolve("certificate-en.pdf"), english);
    Files.write(dir.resolve("certificate-ru.pdf"), russian);
    BufferedImage en = CertificateFixture.picture(english, 100);
    BufferedImage ru = CertificateFixture.picture(russian, 100);
    ImageIO.write(en, "png", dir.resolve("certificate-en.png").toFile());
    ImageIO.write(ru, "png", dir.resolve("certificate-ru.png").toFile());

    assertThat(en.getWidth()).isBetween(826, 827);
    assertThat(ru.getRGB(ru.getWidth() / 2, 3)).isEqualTo(0xFFFFFFFF);
  }

  /**
   * The text of the QR code in the page's lower right quarter, where the certificate sets it, read
   * by ZXing (the certificate is encoded with another library).
   */
  /**
   * Reads the certificate's QR code as a phone does: from several pictures until one decodes. ZXing's
   * detector sometimes samples a dense symbol (version 25 at the lowest error correction) a module
   * off at one resolution and reads it at the next; the symbol itself is checked module for module
   * in {@link QrMasksTest}, so only the reading is retried here, never the text that is compared.
   */
  static String scanQr(byte[] pdf) throws IOException, NotFoundException {
    NotFoundException last = null;
    for (float dpi : new float[] {300, 200, 400}) {
      try {
        return decodeQr(CertificateFixture.picture(pdf, dpi));
      } catch (NotFoundException e) {
        last = e;
      }
    }
    throw last;
  }

  private static String decodeQr(BufferedImage page) throws NotFoundException {
    BufferedImage corner = page.getSubimage(page.getWidth() / 2, page.getHeight() / 2, page.getWidth() / 2, page.getHeight() / 2);
    Map<DecodeHintType, Object> hints = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
        DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
    BufferedImageLuminanceSource source = new BufferedImageLuminanceSource(corner);
    try {
      return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText();
    } catch (NotFoundException e) {
      return new MultiFormatReader().decode(new BinaryBitmap(new GlobalHistogramBinarizer(source)), hints).getText();
    }
  }

  private static float[] mediaBox(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      PDRectangle box = document.getPage(0).getMediaBox();
      return new float[] {box.getWidth(), box.getHeight()};
    }
  }
}
