package dev.openproof.examples.demo;

import dev.openproof.certificate.ProofCertificate;
import dev.openproof.core.exchange.Attachment;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.port.ProofAttachments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

/**
 * The demo's certificates: each proof mail carries its PDF certificate, and the same bytes are
 * kept in {@code certificates/certificate-<license number>.pdf}, each rendered once.
 *
 * @since 0.1.0
 */
public final class DemoCertificates implements ProofAttachments {
  private final ProofCertificate certificates;
  private final Path dir;

  private DemoCertificates(ProofCertificate certificates, Path dir) {
    this.certificates = certificates;
    this.dir = dir;
  }

  /**
   * The certificates of an issuer whose site is its {@code iss} (an {@code https} address).
   *
   * @param issuer the issuer
   * @param dir the folder the certificates are kept in; created
   * @return the certificates
   * @throws IOException if the folder cannot be created
   * @throws IllegalArgumentException if the issuer is not an {@code https} address
   */
  public static DemoCertificates of(String issuer, Path dir) throws IOException {
    ProofCertificate certificates = ProofCertificate.builder().issuerSite(siteOf(issuer)).issuer(issuer).build();
    return new DemoCertificates(certificates, Files.createDirectories(Objects.requireNonNull(dir, "dir")));
  }

  /**
   * The issuer's site: its {@code iss}, which the demo's issuers are.
   *
   * @param issuer the issuer
   * @return the site
   * @throws IllegalArgumentException if the issuer is not an {@code https} address
   */
  public static URI siteOf(String issuer) {
    URI site = URI.create(issuer);
    if (!"https".equals(site.getScheme())) {
      throw new IllegalArgumentException("the issuer must be an https address to publish a verification site: " + issuer);
    }
    return site;
  }

  @Override
  public List<Attachment> attachmentsFor(DeliveryRequest request) {
    Path file = dir.resolve(ProofCertificate.fileName(request.proof()));
    try {
      byte[] pdf = Files.exists(file) ? Files.readAllBytes(file)
          : certificates.render(request.proof(), request.signedProof(), request.recipient().language());
      if (!Files.exists(file)) {
        Path partial = dir.resolve(file.getFileName() + ".partial");
        Files.write(partial, pdf);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      return List.of(new Attachment(file.getFileName().toString(), ProofCertificate.MEDIA_TYPE, pdf));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the certificate " + file, e);
    }
  }
}
