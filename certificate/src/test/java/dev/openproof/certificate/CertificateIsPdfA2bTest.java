package dev.openproof.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.LicenseSummary;
import dev.openproof.core.testing.SampleOrders;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF, the reference PDF/A validator, checks the certificates against PDF/A-2b. */
class CertificateIsPdfA2bTest {
  @BeforeAll
  static void startVeraPdf() {
    VeraGreenfieldFoundryProvider.initialise();
  }

  @Test
  void aRussianCertificateOnA4IsPdfA2b() throws Exception {
    LicenseProof proof = CertificateFixture.proof(SampleOrders.russian(), "702411390");
    assertCompliant(CertificateFixture.CERTIFICATES.render(proof, CertificateFixture.sign(proof)));
  }

  @Test
  void anEnglishCertificateOnLetterIsPdfA2b() throws Exception {
    LicenseProof proof = CertificateFixture.proof(SampleOrders.beforeCutover(), "552001001");
    assertCompliant(CertificateFixture.CERTIFICATES.render(proof, CertificateFixture.sign(proof), Locale.ENGLISH));
  }

  @Test
  void aLicenseSummaryOfSeveralPagesWithMarkedLinesIsPdfA2b() throws Exception {
    assertCompliant(SummaryDocument.render(SummaryDocumentTest.long_(200), SummaryDocumentTest.ROMASHKA));
    LicenseSummary onLetter = new LicenseSummary(null, AuthorizationNumber.of("A70001234567"), SummaryDocumentTest.AS_OF, true,
        SummaryDocumentTest.russian().lines());
    assertCompliant(SummaryDocument.render(onLetter, SummaryDocumentTest.party(SampleOrders.beforeCutover().customer())));
  }

  private static void assertCompliant(byte[] pdf) throws Exception {
    try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B);
        PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
      ValidationResult result = validator.validate(parser);
      String failures = result.getTestAssertions().stream()
          .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
          .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
          .distinct().collect(Collectors.joining("\n"));
      assertThat(result.isCompliant()).as("veraPDF: %s", failures).isTrue();
      assertThat(result.getPDFAFlavour()).isEqualTo(PDFAFlavour.PDFA_2_B);
    }
  }
}
