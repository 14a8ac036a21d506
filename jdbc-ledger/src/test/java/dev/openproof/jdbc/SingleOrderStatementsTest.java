package dev.openproof.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.exchange.IssuedProof;
import dev.openproof.core.exchange.ProofIssue;
import dev.openproof.core.model.DeliveryId;
import dev.openproof.core.model.DeliveryReceipt;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.testing.SampleOrders;
import dev.openproof.core.testing.SampleProofs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The steps that PostgreSQL does in a single statement each (an order's proof recorded with its
 * invoices and first delivery; its first delivery recorded delivered with the order completed; a
 * batch's deliveries recorded delivered), on both databases, where an earlier call recorded part of
 * it or something it names is missing.
 */
class SingleOrderStatementsTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(5);
  private final Order order = SampleOrders.numbered(7);

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aSecondIssueKeepsTheFirstProofAndTheFirstInvoiceOfALegAndRecordsTheNewLeg(TestDatabase.Kind kind) {
    withLedger(kind, ledger -> {
      ledger.startOrder(order.orderId(), "d", null, "a", T0, LEASE);
      Invoice vendor = SampleProofs.invoice(order, InvoiceLeg.VENDOR_TO_DISTRIBUTOR, "100.00", T0);
      IssuedProof first = ledger.recordIssuedProof(issue("proof-1", "delivery-1", List.of(vendor)), "a", LEASE);
      assertThat(first.claimed()).isTrue();
      assertThat(first.invoices()).containsExactly(vendor);

      Invoice otherVendor = SampleProofs.invoice(order, InvoiceLeg.VENDOR_TO_DISTRIBUTOR, "200.00", T0.plusSeconds(1));
      Invoice reseller = SampleProofs.invoice(order, InvoiceLeg.DISTRIBUTOR_TO_RESELLER, "150.00", T0.plusSeconds(1));
      IssuedProof second = ledger.recordIssuedProof(issue("proof-2", "delivery-2", List.of(otherVendor, reseller)), "b", LEASE);

      assertThat(second.claimed()).isFalse();
      assertThat(second.invoices()).containsExactly(vendor, reseller);
      assertThat(second.proof()).isEqualTo(first.proof());
      assertThat(second.delivery()).isEqualTo(first.delivery());
      assertThat(ledger.findDelivery(DeliveryId.of("delivery-2"))).isEmpty();
      assertThat(ledger.findProof(ProofId.of("proof-2"))).isEmpty();
      assertThat(ledger.findOrder(order.orderId()).orElseThrow().invoices()).containsExactly(vendor, reseller);
      assertThat(ledger.claimPendingDeliveries("c", T0.plus(LEASE).plusSeconds(1), LEASE, 10))
          .containsExactly(first.delivery().request());
    });
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void anIssueOfAnOrderNeverClaimedRecordsNothing(TestDatabase.Kind kind) {
    withLedger(kind, ledger -> {
      Invoice vendor = SampleProofs.invoice(order, InvoiceLeg.VENDOR_TO_DISTRIBUTOR, "100.00", T0);
      assertThatThrownBy(() -> ledger.recordIssuedProof(issue("proof-1", "delivery-1", List.of(vendor)), "a", LEASE))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("never claimed");
      assertThat(ledger.findOrder(order.orderId())).isEmpty();
      assertThat(ledger.findProof(ProofId.of("proof-1"))).isEmpty();
      assertThat(ledger.findDelivery(DeliveryId.of("delivery-1"))).isEmpty();
    });
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aDeliveryRecordedDeliveredAgainKeepsItsFirstReceiptAndItsOrderCompleted(TestDatabase.Kind kind) {
    withLedger(kind, ledger -> {
      DeliveryRequest first = issued(ledger);
      DeliveryReceipt receipt = receipt(first, "<m1@x>");
      DeliveryRecord delivered = ledger.recordDeliveredAndComplete(receipt, order.orderId());
      assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
      assertThat(delivered.attempts()).isEqualTo(1);
      assertThat(delivered.deliveryReceipt()).contains(receipt);
      assertThat(delivered).isEqualTo(ledger.findDelivery(first.deliveryId()).orElseThrow());

      DeliveryRecord again = ledger.recordDeliveredAndComplete(receipt(first, "<m2@x>"), order.orderId());
      assertThat(again).isEqualTo(delivered);
      assertThat(ledger.findOrder(order.orderId()).orElseThrow().completed()).isTrue();
    });
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void anUnknownDeliveryIsRefusedAndLeavesItsOrderOpen(TestDatabase.Kind kind) {
    withLedger(kind, ledger -> {
      DeliveryRequest first = issued(ledger);
      DeliveryReceipt unknown = new DeliveryReceipt(DeliveryId.of("delivery-unknown"), first.proof().proofId(),
          first.recipient().email(), "<m1@x>", T0);
      assertThatThrownBy(() -> ledger.recordDeliveredAndComplete(unknown, order.orderId()))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown delivery");
      assertThat(ledger.findOrder(order.orderId()).orElseThrow().completed()).isFalse();
      assertThat(ledger.findDelivery(first.deliveryId()).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
    });
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aDeliveryOfAnotherOrderNeverClaimedIsRefusedAndLeftPending(TestDatabase.Kind kind) {
    withLedger(kind, ledger -> {
      DeliveryRequest first = issued(ledger);
      assertThatThrownBy(() -> ledger.recordDeliveredAndComplete(receipt(first, "<m1@x>"), SampleOrders.numbered(8).orderId()))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("never claimed");
      assertThat(ledger.findDelivery(first.deliveryId()).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(ledger.findOrder(order.orderId()).orElseThrow().completed()).isFalse();
    });
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void deliveriesRecordedDeliveredTogetherKeepAFirstReceiptRecordedBefore(TestDatabase.Kind kind) {
    withLedger(kind, ledger -> {
      List<DeliveryRequest> firsts = issuedAll(ledger, 3);
      DeliveryReceipt before = receipt(firsts.get(1), "<before@x>");
      ledger.recordDelivered(before);
      List<DeliveryReceipt> receipts = firsts.stream().map(f -> receipt(f, "<all@x>")).toList();

      List<DeliveryRecord> records = ledger.recordDeliveredAll(receipts);

      assertThat(records).hasSize(3).allMatch(r -> r.status() == DeliveryStatus.DELIVERED && r.attempts() == 1);
      assertThat(records.stream().map(r -> r.deliveryReceipt().orElseThrow()).toList())
          .containsExactly(receipts.get(0), before, receipts.get(2));
      for (int i = 0; i < 3; i++) {
        assertThat(records.get(i)).isEqualTo(ledger.findDelivery(firsts.get(i).deliveryId()).orElseThrow());
      }
    });
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void deliveriesRecordedDeliveredTogetherWithAnUnknownOneAreLeftPending(TestDatabase.Kind kind) {
    withLedger(kind, ledger -> {
      List<DeliveryRequest> firsts = issuedAll(ledger, 2);
      DeliveryReceipt unknown = new DeliveryReceipt(DeliveryId.of("delivery-unknown"), firsts.get(0).proof().proofId(),
          firsts.get(0).recipient().email(), "<m@x>", T0);
      assertThatThrownBy(() -> ledger.recordDeliveredAll(List.of(receipt(firsts.get(0), "<m@x>"), unknown,
          receipt(firsts.get(1), "<m@x>")))).isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown delivery");
      assertThat(firsts).allMatch(f -> ledger.findDelivery(f.deliveryId()).orElseThrow().status() == DeliveryStatus.PENDING);
    });
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aDeliveryNamedTwiceInOneCallKeepsItsFirstReceipt(TestDatabase.Kind kind) {
    withLedger(kind, ledger -> {
      DeliveryRequest first = issuedAll(ledger, 1).get(0);
      DeliveryReceipt one = receipt(first, "<one@x>");
      List<DeliveryRecord> records = ledger.recordDeliveredAll(List.of(one, receipt(first, "<two@x>")));
      assertThat(records).extracting(r -> r.deliveryReceipt().orElseThrow()).containsExactly(one, one);
      assertThat(ledger.findDelivery(first.deliveryId()).orElseThrow().attempts()).isEqualTo(1);
    });
  }

  /** Runs a test on a new ledger in a new database of the kind. */
  private static void withLedger(TestDatabase.Kind kind, java.util.function.Consumer<JdbcProofLedger> test) {
    try (TestDatabase database = TestDatabase.of(kind)) {
      test.accept(database.newLedger());
    }
  }

  private static List<DeliveryRequest> issuedAll(JdbcProofLedger ledger, int n) {
    List<DeliveryRequest> firsts = new java.util.ArrayList<>();
    for (int i = 1; i <= n; i++) {
      Order numbered = SampleOrders.numbered(100 + i);
      ledger.startOrder(numbered.orderId(), "d", null, "a", T0, LEASE);
      LicenseProof proof = SampleProofs.proof(numbered, "proof-" + i, T0);
      DeliveryRequest first = SampleProofs.firstDelivery(numbered, proof, "delivery-" + i);
      firsts.add(ledger.recordIssuedProof(new ProofIssue(List.of(), proof, first.signedProof(), first, T0), "a", LEASE)
          .delivery().request());
    }
    return firsts;
  }

  private DeliveryRequest issued(JdbcProofLedger ledger) {
    ledger.startOrder(order.orderId(), "d", null, "a", T0, LEASE);
    return ledger.recordIssuedProof(issue("proof-1", "delivery-1", List.of()), "a", LEASE).delivery().request();
  }

  private ProofIssue issue(String proofId, String deliveryId, List<Invoice> invoices) {
    LicenseProof proof = SampleProofs.proof(order, proofId, T0);
    DeliveryRequest first = SampleProofs.firstDelivery(order, proof, deliveryId);
    return new ProofIssue(invoices, proof, first.signedProof(), first, T0);
  }

  private static DeliveryReceipt receipt(DeliveryRequest delivery, String messageId) {
    return new DeliveryReceipt(delivery.deliveryId(), delivery.proof().proofId(), delivery.recipient().email(), messageId,
        T0.plusSeconds(2));
  }
}
