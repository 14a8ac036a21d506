package dev.openproof.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.model.DeliveryReceipt;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.PhysicalShipment;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.Revocation;
import dev.openproof.core.model.Route;
import dev.openproof.core.exchange.DeliveryFailure;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.exchange.FailureKind;
import dev.openproof.core.exchange.OrderClaim;
import dev.openproof.core.exchange.OrderRecord;
import dev.openproof.core.exchange.OrderStart;
import dev.openproof.core.exchange.IssuedProof;
import dev.openproof.core.exchange.ProofIssue;
import dev.openproof.core.port.ProofLedger;
import dev.openproof.core.exchange.ProofRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProofLedger} must do. An implementation's test extends this class and says how
 * to make a new, empty ledger.
 */
public abstract class ProofLedgerContract {
  protected static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  protected static final Duration LEASE = Duration.ofMinutes(5);

  protected ProofLedger ledger;
  private final Order order = SampleOrders.russian();

  /** A new, empty ledger. */
  protected abstract ProofLedger newLedger() throws Exception;

  @BeforeEach
  void createLedger() throws Exception {
    ledger = newLedger();
  }

  private DeliveryRequest recordedProof(Order o, String proofId, String deliveryId) {
    ledger.claimOrder(o.orderId(), "a", T0, LEASE);
    LicenseProof proof = SampleProofs.proof(o, proofId, T0);
    DeliveryRequest first = SampleProofs.firstDelivery(o, proof, deliveryId);
    ledger.recordProof(proof, first.signedProof(), first, T0);
    return first;
  }

  @Test
  void aNewOrderIsAcquiredByItsFirstClaimant() {
    assertThat(ledger.claimOrder(order.orderId(), "a", T0, LEASE)).isEqualTo(OrderClaim.ACQUIRED);
    assertThat(ledger.findOrder(order.orderId())).get().extracting(OrderRecord::completed).isEqualTo(false);
  }

  @Test
  void anOrdersFirstReservedProofIdIsKept() {
    ledger.claimOrder(order.orderId(), "a", T0, LEASE);
    assertThat(ledger.reserveProofId(order.orderId(), dev.openproof.core.model.ProofId.of("p-first")).value()).isEqualTo("p-first");
    assertThat(ledger.reserveProofId(order.orderId(), dev.openproof.core.model.ProofId.of("p-second")).value()).isEqualTo("p-first");
  }

  @Test
  void anOrdersFirstDigestIsKeptAndReturnedToEveryLaterCall() {
    ledger.claimOrder(order.orderId(), "a", T0, LEASE);
    assertThat(ledger.recordOrderDigest(order.orderId(), "v1;program=aa")).isEqualTo("v1;program=aa");
    assertThat(ledger.recordOrderDigest(order.orderId(), "v1;program=bb")).isEqualTo("v1;program=aa");
    ledger.completeOrder(order.orderId(), dev.openproof.core.model.Route.DIGITAL);
    assertThat(ledger.recordOrderDigest(order.orderId(), "v1;program=cc")).isEqualTo("v1;program=aa");
  }

  @Test
  void anOrderHeldByALiveLeaseIsRefusedToOthersButNotToItsOwner() {
    ledger.claimOrder(order.orderId(), "a", T0, LEASE);
    assertThat(ledger.claimOrder(order.orderId(), "b", T0.plusSeconds(60), LEASE)).isEqualTo(OrderClaim.HELD_BY_ANOTHER);
    assertThat(ledger.claimOrder(order.orderId(), "a", T0.plusSeconds(60), LEASE)).isEqualTo(OrderClaim.ACQUIRED);
  }

  @Test
  void anExpiredLeaseIsTakenOver() {
    ledger.claimOrder(order.orderId(), "a", T0, LEASE);
    assertThat(ledger.claimOrder(order.orderId(), "b", T0.plus(LEASE).plusSeconds(1), LEASE)).isEqualTo(OrderClaim.ACQUIRED);
    assertThat(ledger.claimOrder(order.orderId(), "a", T0.plus(LEASE).plusSeconds(2), LEASE)).isEqualTo(OrderClaim.HELD_BY_ANOTHER);
  }

  @Test
  void aReleasedOrderCanBeClaimedByAnother() {
    ledger.claimOrder(order.orderId(), "a", T0, LEASE);
    ledger.releaseOrder(order.orderId(), "b");
    assertThat(ledger.claimOrder(order.orderId(), "b", T0, LEASE)).isEqualTo(OrderClaim.HELD_BY_ANOTHER);
    ledger.releaseOrder(order.orderId(), "a");
    assertThat(ledger.claimOrder(order.orderId(), "b", T0, LEASE)).isEqualTo(OrderClaim.ACQUIRED);
  }

  @Test
  void aCompletedOrderAnswersCompletedWithItsRoute() {
    ledger.claimOrder(order.orderId(), "a", T0, LEASE);
    ledger.completeOrder(order.orderId(), Route.PHYSICAL);
    assertThat(ledger.claimOrder(order.orderId(), "b", T0, LEASE)).isEqualTo(OrderClaim.COMPLETED);
    OrderRecord record = ledger.findOrder(order.orderId()).orElseThrow();
    assertThat(record.completed()).isTrue();
    assertThat(record.route()).isEqualTo(Route.PHYSICAL);
  }

  @Test
  void anUnknownOrderIsNotFound() {
    assertThat(ledger.findOrder(OrderId.of("nope"))).isEmpty();
  }

  @Test
  void onlyTheFirstInvoiceOfALegIsKept() {
    ledger.claimOrder(order.orderId(), "a", T0, LEASE);
    Invoice first = SampleProofs.invoice(order, InvoiceLeg.VENDOR_TO_DISTRIBUTOR, "100.00", T0);
    Invoice second = SampleProofs.invoice(order, InvoiceLeg.VENDOR_TO_DISTRIBUTOR, "999.00", T0);
    Invoice other = SampleProofs.invoice(order, InvoiceLeg.DISTRIBUTOR_TO_RESELLER, "110.00", T0);
    assertThat(ledger.recordInvoice(first)).isEqualTo(first);
    assertThat(ledger.recordInvoice(second)).isEqualTo(first);
    ledger.recordInvoice(other);
    OrderRecord record = ledger.findOrder(order.orderId()).orElseThrow();
    assertThat(record.invoices()).hasSize(2);
    assertThat(record.invoice(InvoiceLeg.VENDOR_TO_DISTRIBUTOR)).contains(first);
    assertThat(record.invoice(InvoiceLeg.DISTRIBUTOR_TO_RESELLER)).contains(other);
  }

  @Test
  void recordingForAnOrderNeverClaimedIsRefused() {
    assertThatThrownBy(() -> ledger.recordInvoice(SampleProofs.invoice(order, InvoiceLeg.VENDOR_TO_DISTRIBUTOR, "1.00", T0)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void onlyTheFirstShipmentIsKept() {
    Order legacy = SampleOrders.beforeCutover();
    ledger.claimOrder(legacy.orderId(), "a", T0, LEASE);
    PhysicalShipment first = new PhysicalShipment(legacy.orderId(), legacy.distributor().ref(), List.of(), T0);
    PhysicalShipment second = new PhysicalShipment(legacy.orderId(), legacy.distributor().ref(), List.of(), T0.plusSeconds(5));
    assertThat(ledger.recordShipment(first)).isEqualTo(first);
    assertThat(ledger.recordShipment(second)).isEqualTo(first);
    assertThat(ledger.findOrder(legacy.orderId()).orElseThrow().physicalShipment()).contains(first);
  }

  @Test
  void aProofIsRecordedWithItsFirstDeliveryPending() {
    DeliveryRequest first = recordedProof(order, "proof-1", "delivery-1");
    ProofRecord proof = ledger.findProof(ProofId.of("proof-1")).orElseThrow();
    assertThat(proof.proof()).isEqualTo(first.proof());
    assertThat(proof.signedProof()).isEqualTo(first.signedProof());
    assertThat(proof.recipient()).isEqualTo(first.recipient());
    assertThat(proof.revoked()).isEmpty();
    assertThat(ledger.findOrder(order.orderId()).orElseThrow().issuedProofId()).contains(ProofId.of("proof-1"));
    List<DeliveryRecord> deliveries = ledger.deliveries(ProofId.of("proof-1"));
    assertThat(deliveries).hasSize(1);
    assertThat(ledger.firstDelivery(ProofId.of("proof-1"))).contains(deliveries.get(0));
    assertThat(ledger.firstDelivery(ProofId.of("no-such-proof"))).isEmpty();
    assertThat(deliveries.get(0).request()).isEqualTo(first);
    assertThat(deliveries.get(0).status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(deliveries.get(0).attempts()).isZero();
  }

  @Test
  void aSecondProofForTheSameOrderIsIgnored() {
    recordedProof(order, "proof-1", "delivery-1");
    LicenseProof other = SampleProofs.proof(order, "proof-2", T0);
    DeliveryRequest otherDelivery = SampleProofs.firstDelivery(order, other, "delivery-2");
    ProofRecord kept = ledger.recordProof(other, otherDelivery.signedProof(), otherDelivery, T0);
    assertThat(kept.proof().proofId()).isEqualTo(ProofId.of("proof-1"));
    assertThat(ledger.findProof(ProofId.of("proof-2"))).isEmpty();
    assertThat(ledger.findDelivery(otherDelivery.deliveryId())).isEmpty();
  }

  @Test
  void aDueDeliveryIsClaimedOnceWhileItsLeaseLives() {
    DeliveryRequest first = recordedProof(order, "proof-1", "delivery-1");
    assertThat(ledger.claimDelivery(first.deliveryId(), "a", T0, LEASE)).isTrue();
    assertThat(ledger.claimDelivery(first.deliveryId(), "b", T0.plusSeconds(1), LEASE)).isFalse();
    assertThat(ledger.claimPendingDeliveries("b", T0.plusSeconds(1), LEASE, 10)).isEmpty();
    assertThat(ledger.claimPendingDeliveries("b", T0.plus(LEASE).plusSeconds(1), LEASE, 10)).containsExactly(first);
  }

  @Test
  void pendingDeliveriesAreClaimedOldestFirstUpToTheMaximum() {
    List<DeliveryRequest> requests = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      requests.add(recordedProof(SampleOrders.numbered(i), "proof-" + i, "delivery-" + i));
    }
    List<DeliveryRequest> claimed = ledger.claimPendingDeliveries("a", T0, LEASE, 3);
    assertThat(claimed).containsExactlyElementsOf(requests.subList(0, 3));
    assertThat(ledger.claimPendingDeliveries("b", T0, LEASE, 10)).containsExactlyElementsOf(requests.subList(3, 5));
  }

  @Test
  void aDeliveredDeliveryKeepsItsFirstReceiptAndIsNotClaimedAgain() {
    DeliveryRequest first = recordedProof(order, "proof-1", "delivery-1");
    ledger.claimDelivery(first.deliveryId(), "a", T0, LEASE);
    DeliveryReceipt receipt = new DeliveryReceipt(first.deliveryId(), first.proof().proofId(), "it@romashka.example.test", "<m1@x>", T0);
    DeliveryRecord after = ledger.recordDelivered(receipt);
    assertThat(after.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(after.deliveryReceipt()).contains(receipt);
    assertThat(after.attempts()).isEqualTo(1);
    DeliveryReceipt later = new DeliveryReceipt(first.deliveryId(), first.proof().proofId(), "it@romashka.example.test", "<m1@x>", T0.plusSeconds(9));
    assertThat(ledger.recordDelivered(later).deliveryReceipt()).contains(receipt);
    assertThat(ledger.claimPendingDeliveries("a", T0.plus(Duration.ofDays(1)), LEASE, 10)).isEmpty();
  }

  @Test
  void aTransientFailureWaitsForItsRetryTime() {
    DeliveryRequest first = recordedProof(order, "proof-1", "delivery-1");
    ledger.claimDelivery(first.deliveryId(), "a", T0, LEASE);
    DeliveryFailure failure = new DeliveryFailure(FailureKind.TRANSIENT, 451, "try later", T0);
    DeliveryRecord after = ledger.recordDeliveryFailure(first.deliveryId(), failure, T0.plusSeconds(60));
    assertThat(after.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(after.attempts()).isEqualTo(1);
    assertThat(after.deliveryFailure()).contains(failure);
    assertThat(after.nextAttemptAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(ledger.claimPendingDeliveries("a", T0.plusSeconds(59), LEASE, 10)).isEmpty();
    assertThat(ledger.claimDelivery(first.deliveryId(), "a", T0.plusSeconds(59), LEASE)).isFalse();
    assertThat(ledger.claimPendingDeliveries("a", T0.plusSeconds(60), LEASE, 10)).containsExactly(first);
  }

  @Test
  void aFinalFailureMarksTheDeliveryFailed() {
    DeliveryRequest first = recordedProof(order, "proof-1", "delivery-1");
    ledger.claimDelivery(first.deliveryId(), "a", T0, LEASE);
    DeliveryFailure failure = new DeliveryFailure(FailureKind.PERMANENT, 550, "no such user", T0);
    DeliveryRecord after = ledger.recordDeliveryFailure(first.deliveryId(), failure, null);
    assertThat(after.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(after.deliveryFailure()).contains(failure);
    assertThat(ledger.claimPendingDeliveries("a", T0.plus(Duration.ofDays(1)), LEASE, 10)).isEmpty();
    assertThat(ledger.findDelivery(first.deliveryId())).get().extracting(DeliveryRecord::status).isEqualTo(DeliveryStatus.FAILED);
  }

  @Test
  void aResendIsAnotherPendingDeliveryOfTheSameProof() {
    DeliveryRequest first = recordedProof(order, "proof-1", "delivery-1");
    DeliveryRequest resend = SampleProofs.resend(first, "delivery-2");
    DeliveryRecord added = ledger.addDelivery(resend, T0.plusSeconds(5));
    assertThat(added.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(ledger.deliveries(ProofId.of("proof-1"))).extracting(DeliveryRecord::request).containsExactly(first, resend);
    assertThat(ledger.firstDelivery(ProofId.of("proof-1"))).get().extracting(DeliveryRecord::request).isEqualTo(first);
    assertThat(ledger.findDelivery(resend.deliveryId()).orElseThrow().request().original()).contains(first.deliveryId());
  }

  @Test
  void aDeliveryOfAnUnknownProofIsRefused() {
    LicenseProof stray = SampleProofs.proof(order, "stray", T0);
    DeliveryRequest request = SampleProofs.resend(SampleProofs.firstDelivery(order, stray, "d-0"), "d-1");
    assertThatThrownBy(() -> ledger.addDelivery(request, T0)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void onlyTheFirstRevocationIsKept() {
    recordedProof(order, "proof-1", "delivery-1");
    Revocation first = new Revocation(ProofId.of("proof-1"), "order returned", T0);
    assertThat(ledger.recordRevocation(first)).isEqualTo(first);
    assertThat(ledger.recordRevocation(new Revocation(ProofId.of("proof-1"), "again", T0.plusSeconds(1)))).isEqualTo(first);
    assertThat(ledger.findProof(ProofId.of("proof-1")).orElseThrow().revoked()).contains(first);
    assertThatThrownBy(() -> ledger.recordRevocation(new Revocation(ProofId.of("nope"), "x", T0)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void eightConcurrentClaimantsOfOneOrderGetOneAcquisition() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<OrderClaim>> tasks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String owner = "owner-" + i;
        tasks.add(() -> {
          start.await();
          return ledger.claimOrder(order.orderId(), owner, T0, LEASE);
        });
      }
      List<Future<OrderClaim>> futures = new ArrayList<>();
      for (Callable<OrderClaim> task : tasks) {
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<OrderClaim> claims = new ArrayList<>();
      for (Future<OrderClaim> future : futures) {
        claims.add(future.get());
      }
      assertThat(claims).filteredOn(c -> c == OrderClaim.ACQUIRED).hasSize(1);
      assertThat(claims).filteredOn(c -> c == OrderClaim.HELD_BY_ANOTHER).hasSize(7);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentClaimsOfPendingDeliveriesNeverOverlap() throws Exception {
    for (int i = 0; i < 40; i++) {
      recordedProof(SampleOrders.numbered(i), "proof-" + i, "delivery-" + i);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<DeliveryRequest>>> futures = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String owner = "owner-" + i;
        futures.add(pool.submit(() -> {
          List<DeliveryRequest> mine = new ArrayList<>();
          List<DeliveryRequest> batch;
          while (!(batch = ledger.claimPendingDeliveries(owner, T0, LEASE, 3)).isEmpty()) {
            mine.addAll(batch);
          }
          return mine;
        }));
      }
      List<DeliveryRequest> all = new ArrayList<>();
      for (Future<List<DeliveryRequest>> future : futures) {
        all.addAll(future.get());
      }
      assertThat(all).hasSize(40).doesNotHaveDuplicates();
    } finally {
      pool.shutdownNow();
    }
  }
  @Test
  void startingANewOrderClaimsItWithItsDigestAndProofIdAndReadsItAsFindOrderDoes() {
    OrderStart start = ledger.startOrder(order.orderId(), "v1;program=aa", ProofId.of("p-first"), "a", T0, LEASE);
    assertThat(start).isEqualTo(new OrderStart(OrderClaim.ACQUIRED, "v1;program=aa", ProofId.of("p-first"),
        ledger.findOrder(order.orderId()).orElseThrow()));
    assertThat(ledger.recordOrderDigest(order.orderId(), "v1;program=bb")).isEqualTo("v1;program=aa");
    assertThat(ledger.reserveProofId(order.orderId(), ProofId.of("p-second"))).isEqualTo(ProofId.of("p-first"));
    assertThat(ledger.claimOrder(order.orderId(), "b", T0.plusSeconds(1), LEASE)).isEqualTo(OrderClaim.HELD_BY_ANOTHER);
  }

  @Test
  void startingAnOrderAgainKeepsWhatTheFirstStartRecorded() {
    ledger.startOrder(order.orderId(), "v1;program=aa", ProofId.of("p-first"), "a", T0, LEASE);
    assertThat(ledger.startOrder(order.orderId(), "v1;program=aa", ProofId.of("p-2"), "b", T0.plusSeconds(1), LEASE))
        .isEqualTo(OrderStart.notAcquired(OrderClaim.HELD_BY_ANOTHER));
    OrderStart again = ledger.startOrder(order.orderId(), "v1;program=aa", ProofId.of("p-3"), "a", T0.plusSeconds(2), LEASE);
    assertThat(again.proofId()).isEqualTo(ProofId.of("p-first"));
    OrderStart other = ledger.startOrder(order.orderId(), "v1;program=zz", ProofId.of("p-4"), "a", T0.plusSeconds(3), LEASE);
    assertThat(other).isEqualTo(new OrderStart(OrderClaim.ACQUIRED, "v1;program=aa", null, null));
    ledger.completeOrder(order.orderId(), Route.DIGITAL);
    assertThat(ledger.startOrders(java.util.Map.of(order.orderId(), "v1;program=aa"), java.util.Map.of(), "c", T0, LEASE))
        .containsExactly(java.util.Map.entry(order.orderId(), OrderStart.notAcquired(OrderClaim.COMPLETED)));
  }

  @Test
  void startingManyOrdersStartsTheNewOnesAndAnswersTheOthersAsStartOrderDoes() {
    Order held = SampleOrders.numbered(1);
    Order fresh = SampleOrders.numbered(2);
    ledger.startOrder(held.orderId(), "d1", ProofId.of("p-held"), "a", T0, LEASE);
    java.util.Map<OrderId, String> digests = new java.util.LinkedHashMap<>();
    digests.put(fresh.orderId(), "d2");
    digests.put(held.orderId(), "d1");
    java.util.Map<OrderId, OrderStart> starts = ledger.startOrders(digests,
        java.util.Map.of(fresh.orderId(), ProofId.of("p-fresh"), held.orderId(), ProofId.of("p-other")), "b", T0, LEASE);
    assertThat(starts.keySet()).containsExactly(fresh.orderId(), held.orderId());
    assertThat(starts.get(fresh.orderId())).isEqualTo(new OrderStart(OrderClaim.ACQUIRED, "d2", ProofId.of("p-fresh"),
        ledger.findOrder(fresh.orderId()).orElseThrow()));
    assertThat(starts.get(held.orderId())).isEqualTo(OrderStart.notAcquired(OrderClaim.HELD_BY_ANOTHER));
  }

  @Test
  void anIssuedProofIsRecordedWithItsInvoicesAndItsFirstDeliveryClaimedButTheOrderOpen() {
    ledger.startOrder(order.orderId(), "d", ProofId.of("proof-1"), "a", T0, LEASE);
    Invoice invoice = SampleProofs.invoice(order, InvoiceLeg.VENDOR_TO_DISTRIBUTOR, "100.00", T0);
    LicenseProof proof = SampleProofs.proof(order, "proof-1", T0);
    DeliveryRequest first = SampleProofs.firstDelivery(order, proof, "delivery-1");
    IssuedProof issued = ledger.recordIssuedProof(new ProofIssue(List.of(invoice), proof, first.signedProof(), first, T0), "a", LEASE);
    assertThat(issued.claimed()).isTrue();
    assertThat(issued.invoices()).containsExactly(invoice);
    assertThat(issued.proof()).isEqualTo(ledger.findProof(ProofId.of("proof-1")).orElseThrow());
    assertThat(issued.delivery()).isEqualTo(ledger.findDelivery(first.deliveryId()).orElseThrow());
    assertThat(issued.delivery().request()).isEqualTo(first);
    OrderRecord record = ledger.findOrder(order.orderId()).orElseThrow();
    assertThat(record.completed()).isFalse();
    assertThat(record.invoices()).containsExactly(invoice);
    assertThat(record.issuedProofId()).contains(ProofId.of("proof-1"));
    assertThat(ledger.claimDelivery(first.deliveryId(), "b", T0.plusSeconds(1), LEASE)).isFalse();
    assertThat(ledger.claimPendingDeliveries("b", T0.plusSeconds(1), LEASE, 10)).isEmpty();
    assertThat(ledger.claimPendingDeliveries("b", T0.plus(LEASE).plusSeconds(1), LEASE, 10)).containsExactly(first);
  }

  @Test
  void aSecondIssuedProofOfAnOrderIsIgnoredAndItsDeliveryNotClaimed() {
    ledger.startOrder(order.orderId(), "d", null, "a", T0, LEASE);
    LicenseProof proof = SampleProofs.proof(order, "proof-1", T0);
    DeliveryRequest first = SampleProofs.firstDelivery(order, proof, "delivery-1");
    ledger.recordIssuedProof(new ProofIssue(List.of(), proof, first.signedProof(), first, T0), null, LEASE);
    LicenseProof other = SampleProofs.proof(order, "proof-2", T0);
    DeliveryRequest otherFirst = SampleProofs.firstDelivery(order, other, "delivery-2");
    IssuedProof kept = ledger.recordIssuedProof(new ProofIssue(List.of(), other, otherFirst.signedProof(), otherFirst, T0), "b", LEASE);
    assertThat(kept.claimed()).isFalse();
    assertThat(kept.proof().proof().proofId()).isEqualTo(ProofId.of("proof-1"));
    assertThat(kept.delivery().request()).isEqualTo(first);
    assertThat(ledger.findDelivery(otherFirst.deliveryId())).isEmpty();
    assertThat(ledger.claimPendingDeliveries("c", T0, LEASE, 10)).as("left unclaimed").containsExactly(first);
  }

  @Test
  void aFirstDeliveryIsRecordedDeliveredWithItsOrderCompleted() {
    DeliveryRequest first = recordedProof(order, "proof-1", "delivery-1");
    ledger.claimDelivery(first.deliveryId(), "a", T0, LEASE);
    DeliveryReceipt receipt = new DeliveryReceipt(first.deliveryId(), first.proof().proofId(), "it@romashka.example.test", "<m1@x>", T0);
    DeliveryRecord after = ledger.recordDeliveredAndComplete(receipt, order.orderId());
    assertThat(after).isEqualTo(ledger.findDelivery(first.deliveryId()).orElseThrow());
    assertThat(after.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(after.deliveryReceipt()).contains(receipt);
    OrderRecord record = ledger.findOrder(order.orderId()).orElseThrow();
    assertThat(record.completed()).isTrue();
    assertThat(record.route()).isEqualTo(Route.DIGITAL);
  }
  @Test
  void aBatchRecordedWithAnOwnerHasItsNewFirstDeliveriesClaimedAndKeepsAProofRecordedBefore() {
    Order before = SampleOrders.numbered(1);
    Order fresh = SampleOrders.numbered(2);
    DeliveryRequest kept = recordedProof(before, "proof-before", "delivery-before");
    ledger.claimOrder(fresh.orderId(), "a", T0, LEASE);
    List<ProofIssue> issues = new ArrayList<>();
    for (Order o : List.of(before, fresh)) {
      LicenseProof proof = SampleProofs.proof(o, "proof-new-" + o.orderId().value(), T0);
      DeliveryRequest first = SampleProofs.firstDelivery(o, proof, "delivery-new-" + o.orderId().value());
      issues.add(new ProofIssue(List.of(SampleProofs.invoice(o, InvoiceLeg.VENDOR_TO_DISTRIBUTOR, "100.00", T0)), proof,
          first.signedProof(), first, T0));
    }
    List<IssuedProof> issued = ledger.recordIssuedProofs(issues, "a", LEASE);
    assertThat(issued.get(0).claimed()).isFalse();
    assertThat(issued.get(0).proof().proof().proofId()).isEqualTo(ProofId.of("proof-before"));
    assertThat(issued.get(0).delivery().request()).isEqualTo(kept);
    assertThat(issued.get(1).claimed()).isTrue();
    assertThat(issued.get(1).invoices()).containsExactlyElementsOf(issues.get(1).invoices());
    assertThat(issued.get(1).delivery()).isEqualTo(ledger.findDelivery(issues.get(1).delivery().deliveryId()).orElseThrow());
    assertThat(ledger.findOrder(fresh.orderId()).orElseThrow().completed()).isTrue();
    assertThat(ledger.claimPendingDeliveries("b", T0.plusSeconds(1), LEASE, 10)).as("the proof recorded before is not claimed")
        .containsExactly(kept);
    assertThat(ledger.claimDelivery(issues.get(1).delivery().deliveryId(), "b", T0.plusSeconds(1), LEASE)).isFalse();
  }
}
