package dev.openproof.core.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.model.Customer;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.exchange.OrderClaim;
import dev.openproof.core.testing.SampleOrders;
import dev.openproof.core.validation.InvalidOrderException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class IdempotentFulfillmentTest {
  private final WorkflowFixture fx = new WorkflowFixture();
  private final LicenseFulfillment workflow = fx.workflow();

  @Test
  void fulfillingTwiceReturnsTheRecordedResultAndDoesNothingAgain() {
    FulfillmentResult first = workflow.fulfill(SampleOrders.russian());
    FulfillmentResult second = workflow.fulfill(SampleOrders.russian());
    assertThat(second.replayed()).isTrue();
    assertThat(second.issuedProof()).isEqualTo(first.issuedProof());
    assertThat(second.invoices()).containsExactlyInAnyOrderElementsOf(first.invoices());
    assertThat(fx.fakeSigner.calls()).isEqualTo(1);
    assertThat(fx.invoicing.calls.get()).isEqualTo(2);
    assertThat(fx.delivery.attempted()).hasSize(1);
  }

  @Test
  void eightThreadsAtOnceGiveOneProofOnePairOfInvoicesAndOneDelivery() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<FulfillmentResult>> futures = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return workflow.fulfill(SampleOrders.russian());
        }));
      }
      start.countDown();
      List<ProofId> proofIds = new ArrayList<>();
      for (Future<FulfillmentResult> future : futures) {
        proofIds.add(future.get().issuedProof().orElseThrow().proof().proofId());
      }
      assertThat(proofIds).hasSize(8).containsOnly(proofIds.get(0));
      assertThat(fx.fakeSigner.calls()).isEqualTo(1);
      assertThat(fx.invoicing.calls.get()).isEqualTo(2);
      assertThat(fx.invoicing.real.invoices()).hasSize(2);
      assertThat(fx.delivery.attempted()).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anInvalidOrderIsRefusedWholeAndNothingIsStoredOrSent() {
    Order base = SampleOrders.russian();
    Order bad = new Order(base.orderId(), base.program(), base.placedAt(), base.currency(), null,
        base.distributor(), base.reseller(),
        new Customer("C-1", "Evil\r\nBcc: victim@example.test", "RU", "it@x.example.test\r\nBcc: y@example.test", Locale.ENGLISH),
        base.lines());
    assertThatThrownBy(() -> workflow.fulfill(bad))
        .isInstanceOfSatisfying(InvalidOrderException.class,
            e -> assertThat(e.violations()).extracting(v -> v.path()).containsExactly("customer.email", "customer.name"));
    assertThat(fx.ledger.findOrder(base.orderId())).isEmpty();
    assertThat(fx.invoicing.calls.get()).isZero();
    assertThat(fx.fakeSigner.calls()).isZero();
    assertThat(fx.delivery.attempted()).isEmpty();
    assertThat(fx.events).isEmpty();
  }

  @Test
  void anOrderHeldByAnotherLiveInstanceIsReportedInProgress() {
    Order order = SampleOrders.russian();
    assertThat(fx.ledger.claimOrder(order.orderId(), "other-instance", WorkflowFixture.T0, Duration.ofMinutes(5)))
        .isEqualTo(OrderClaim.ACQUIRED);
    LicenseFulfillment impatient = fx.builder().claimWait(Duration.ZERO).build();
    assertThatThrownBy(() -> impatient.fulfill(order))
        .isInstanceOfSatisfying(FulfillmentException.class,
            e -> assertThat(e.reasonCode()).isEqualTo(FulfillmentException.Reason.ORDER_IN_PROGRESS.code()));
    assertThat(fx.invoicing.calls.get()).isZero();
  }

  @Test
  void aCrashedInstancesExpiredClaimIsTakenOverAndFinished() {
    Order order = SampleOrders.russian();
    fx.ledger.claimOrder(order.orderId(), "crashed-instance", WorkflowFixture.T0, Duration.ofMinutes(5));
    fx.clock.advance(Duration.ofMinutes(6));
    FulfillmentResult result = workflow.fulfill(order);
    assertThat(result.replayed()).isFalse();
    assertThat(result.issuedProof()).isPresent();
    assertThat(fx.delivery.delivered()).hasSize(1);
  }
}
