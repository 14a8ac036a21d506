package dev.openproof.benchmarks.certificate;

import dev.openproof.benchmarks.CpuRounds;
import dev.openproof.certificate.ProofCertificate;
import dev.openproof.core.model.Customer;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.SignedProof;
import dev.openproof.core.testing.SampleOrders;
import dev.openproof.core.testing.SampleProofs;
import dev.openproof.jwt.JwsProofSigner;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.KeyRing;
import dev.openproof.jwt.key.SigningKey;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;

/**
 * The certificate's CPU time per document, a measure that a loaded machine disturbs less than
 * throughput: renders the certificates of distinct signed sample orders on one thread and prints,
 * per document, the thread's CPU time (the fastest and the median of its rounds) and the bytes it
 * allocated. Signing happens before the rounds and is not counted.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.openproof.benchmarks.certificate.CertificateCpu [documents] [rounds] [names]</pre>
 *
 * <p>The customers are {@code Customer N} (names {@code latin}, the default) or {@code ООО «Ромашка N»}
 * ({@code cyrillic}).
 */
public final class CertificateCpu {
  private static final Instant ISSUED = Instant.parse("2020-08-15T10:05:00Z");
  private static final String ISSUER = "https://licensing.example.test";

  private CertificateCpu() {}

  /**
   * Runs the measure.
   *
   * @param args the documents per round (500), the measured rounds (10), after as many warm-up rounds, and the
   *     customers' names ({@code latin} or {@code cyrillic})
   */
  public static void main(String[] args) {
    int documents = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    boolean cyrillic = args.length > 2 && args[2].equals("cyrillic");
    JwsProofSigner signer = JwsProofSigner.of(KeyRing.of(SigningKey.generate(JwsAlgorithm.ES256)), ISSUER);
    ProofCertificate certificates = ProofCertificate.builder().issuerSite(URI.create(ISSUER)).build();
    LicenseProof[] proofs = new LicenseProof[documents];
    SignedProof[] signed = new SignedProof[documents];
    for (int i = 0; i < documents; i++) {
      Order order = SampleOrders.numbered(i + 1);
      if (cyrillic) {
        Customer customer = order.customer();
        order = new Order(order.orderId(), order.program(), order.placedAt(), order.currency(), null, order.distributor(),
            order.reseller(), new Customer(customer.id(), "ООО «Ромашка " + (i + 1) + "»", customer.country(), customer.email(),
                customer.language()), order.lines());
      }
      proofs[i] = SampleProofs.proof(order, "bench-proof-" + (i + 1), ISSUED);
      signed[i] = signer.sign(proofs[i]);
    }
    long[] bytes = {0};
    CpuRounds measured = CpuRounds.measure(rounds, documents, i -> bytes[0] += certificates.render(proofs[i], signed[i]).length);
    System.out.println(String.format(Locale.ROOT,
        "certificate, %d documents x %d rounds, Java %s: CPU %.3f ms/doc (fastest round), %.3f (median); %.0f KB allocated/doc;"
            + " %.1f KB/doc written", documents, rounds, Runtime.version(), measured.fastestCpuNanos() / 1e6,
        measured.middleCpuNanos() / 1e6, measured.middleBytes() / 1024.0, bytes[0] / 2.0 / rounds / documents / 1024.0));
  }
}
