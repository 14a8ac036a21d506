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
  void aTextTooLongForAnyQrCodeHasNone() {
    assertThat(QrSymbol.of("x".repeat(3000))).isEmpty();
  }
}
