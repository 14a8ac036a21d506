package dev.openproof.certificate;

import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.SignedProof;
import dev.openproof.jwt.JwsProofSigner;
import dev.openproof.jwt.ProofVerifier;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.KeyRing;
import dev.openproof.jwt.key.SigningKey;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Real signed proofs of the sample orders (an ES256 key made per run) and the certificate renderer of the tests. */
final class CertificateFixture {
  static final String ISSUER = "https://licensing.example.test";
  static final Instant ISSUED = Instant.parse("2020-08-15T10:05:00Z");

  private static final KeyRing KEYS = KeyRing.of(SigningKey.generate(JwsAlgorithm.ES256));
  private static final JwsProofSigner SIGNER = JwsProofSigner.of(KEYS, ISSUER);

  static final ProofCertificate CERTIFICATES = ProofCertificate.builder().issuerSite(URI.create(ISSUER)).build();

  private CertificateFixture() {}

  /** A proof of the order; {@code number} is the license number's payload. */
  static LicenseProof proof(Order order, String number) {
    return LicenseProof.of(order, ProofId.of("proof-" + order.orderId().value()), LicenseNumber.withCheckDigit(number),
        order.existingAuthorization().orElse(AuthorizationNumber.of("A70001234567")), ISSUED);
  }

  static SignedProof sign(LicenseProof proof) {
    return SIGNER.sign(proof);
  }

  static ProofVerifier verifier() {
    return ProofVerifier.builder().trustedKeys(KEYS).expectedIssuer(ISSUER).build();
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  static BufferedImage picture(byte[] pdf, float dpi) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.RGB);
    }
  }
}
