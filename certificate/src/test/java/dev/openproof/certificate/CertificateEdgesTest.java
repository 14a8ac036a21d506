package dev.openproof.certificate;

import static dev.openproof.certificate.CertificateFixture.CERTIFICATES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.model.DeliveryId;
import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.LicenseType;
import dev.openproof.core.model.PartyRef;
import dev.openproof.core.model.Recipient;
import dev.openproof.core.model.SignedProof;
import dev.openproof.core.exchange.Attachment;
import dev.openproof.core.exchange.DeliveryKind;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.testing.SampleOrders;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/** What a long proof, a name the fonts cannot print, and the mail's attachment source do. */
class CertificateEdgesTest {
  @Test
  void aProofOfManyProductsStaysOnOnePageAndCountsTheRowsLeftOut() throws IOException {
    LicenseProof base = CertificateFixture.proof(SampleOrders.russian(), "702411390");
    List<Entitlement> many = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      many.add(new Entitlement(String.format("SKU-%05d", i), "Product number " + i + " with a rather long name", 1 + i,
          LicenseType.LICENSE, null, null));
    }
    LicenseProof proof = new LicenseProof(base.proofId(), base.licenseNumber(), base.authorizationNumber(), base.program(),
        base.orderId(), base.orderedAt(), base.customer(), base.reseller(), base.distributor(), many, base.issuedAt(), null, null);
    SignedProof signed = CertificateFixture.sign(proof);

    byte[] pdf = CERTIFICATES.render(proof, signed, Locale.ENGLISH);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
    }
    String text = CertificateFixture.text(pdf);
    assertThat(text).contains("SKU-00000", "SKU-00002", "This proof is too large for").containsPattern("… and 1[01][0-9] more products").doesNotContain("SKU-00119");
  }

  @Test
  void aCharacterTheFontsLackPrintsAsAQuestionMark() throws IOException {
    LicenseProof base = CertificateFixture.proof(SampleOrders.russian(), "702411390");
    LicenseProof proof = new LicenseProof(base.proofId(), base.licenseNumber(), base.authorizationNumber(), base.program(),
        base.orderId(), base.orderedAt(), new PartyRef("C-1", "株式会社 Example Ελλάς", "JP"), base.reseller(), base.distributor(),
        base.entitlements(), base.issuedAt(), null, null);

    String text = CertificateFixture.text(CERTIFICATES.render(proof, CertificateFixture.sign(proof)));

    assertThat(text).contains("???? Example Ελλάς", "Certificate of License", "Regional Operations Center Asia Pacific");
  }

  @Test
  void theAttachmentSourceGivesEachDeliveryItsCertificateInTheRecipientsLanguage() throws IOException {
    LicenseProof proof = CertificateFixture.proof(SampleOrders.germanSubscription(), "880045001");
    SignedProof signed = CertificateFixture.sign(proof);
    DeliveryRequest request = new DeliveryRequest(DeliveryId.of("d-1"), DeliveryKind.ORIGINAL, null,
        new Recipient("Bäckerei Schäfer KG", "it@baeckerei-schaefer.example.test", Locale.forLanguageTag("es")), proof, signed);

    List<Attachment> attachments = CERTIFICATES.attachments().attachmentsFor(request);

    assertThat(attachments).singleElement().satisfies(a -> {
      assertThat(a.fileName()).isEqualTo("certificate-" + proof.licenseNumber().value() + ".pdf");
      assertThat(a.mediaType()).isEqualTo("application/pdf");
    });
    assertThat(CertificateFixture.text(attachments.get(0).content())).contains("Certificado de licencia", "KW5-00360");
  }
}
