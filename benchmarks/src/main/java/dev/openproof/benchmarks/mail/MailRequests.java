package dev.openproof.benchmarks.mail;

import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.Order;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.testing.SampleOrders;
import dev.openproof.core.testing.SampleProofs;
import dev.openproof.mail.SmtpProofDelivery;
import dev.openproof.mail.SmtpSettings;
import dev.openproof.mail.TlsMode;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/** Deliveries and a delivery for the mail benchmarks. */
final class MailRequests {
  private static final Instant ISSUED = Instant.parse("2020-08-15T10:05:00Z");

  private MailRequests() {}

  /** {@code count} distinct deliveries of the numbered sample orders (Russian customers). */
  static List<DeliveryRequest> batch(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(MailRequests::numbered).toList();
  }

  static DeliveryRequest numbered(int n) {
    Order order = SampleOrders.numbered(n);
    LicenseProof proof = SampleProofs.proof(order, "bench-proof-" + n, ISSUED);
    return SampleProofs.firstDelivery(order, proof, "bench-delivery-" + n);
  }

  static DeliveryRequest of(Order order) {
    return SampleProofs.firstDelivery(order, SampleProofs.proof(order, "bench-proof", ISSUED), "bench-delivery");
  }

  /** A plain SMTP delivery to 127.0.0.1 at {@code port}. */
  static SmtpProofDelivery delivery(int port) {
    return SmtpProofDelivery.create(SmtpSettings.builder()
        .host("127.0.0.1")
        .port(port)
        .tls(TlsMode.NONE)
        .from("licensing@vendor.example.test", "Vendor Licensing")
        .heloName("bench.example.test")
        .build());
  }
}
