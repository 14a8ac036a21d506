package dev.openproof.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.SignedProof;
import dev.openproof.core.testing.SampleOrders;
import org.junit.jupiter.api.Test;

class QrSymbolTest {
  @Test
  void aTypicalProofFitsAQrCodeAPhoneReads() {
    LicenseProof proof = CertificateFixture.proof(SampleOrders.russian(), "702411390");
    SignedProof signed = CertificateFixture.sign(proof);
    String link = CertificateFixture.CERTIFICATES.verificationLink(signed).toString();
    assertThat(QrSymbol.of(link)).get().extracting(QrSymbol::version).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.INTEGER)
        .isLessThanOrEqualTo(30);
  }

  @Test
  void theModulesItDrawsReadBackToTheLinkThroughAnIndependentDecoder() throws Exception {
    for (String number : java.util.List.of("702411390", "702411391", "702411392")) {
      LicenseProof proof = CertificateFixture.proof(SampleOrders.russian(), number);
      String link = CertificateFixture.CERTIFICATES.verificationLink(CertificateFixture.sign(proof)).toString();
      QrSymbol symbol = QrSymbol.of(link).orElseThrow();
      int size = 17 + 4 * symbol.version();
      com.google.zxing.common.BitMatrix matrix = new com.google.zxing.common.BitMatrix(size);
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          if (symbol.module(x, y)) {
            matrix.set(x, y);
          }
        }
      }

      assertThat(new com.google.zxing.qrcode.decoder.Decoder().decode(matrix).getText()).isEqualTo(link);
    }
  }

  @Test
  void aTextTooLongForAnyQrCodeHasNone() {
    assertThat(QrSymbol.of("x".repeat(3000))).isEmpty();
  }
}
