package dev.openproof.core.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.event.FulfillmentEvent;
import dev.openproof.core.model.DeliveryReceipt;
import dev.openproof.core.exchange.DeliveryException;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.exchange.FailureKind;
import dev.openproof.core.port.ProofDelivery;
import dev.openproof.core.testing.SampleOrders;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryFailureTest {
  private final WorkflowFixture fx = new WorkflowFixture();
  private final LicenseFulfillment workflow = fx.workflow();

  private static DeliveryException transientFailure() {
    return new DeliveryException(FailureKind.TRANSIENT, 451, "451 4.3.0 mailbox busy", null);
  }

  @Test
  void aTransientFailureStaysPendingAndIsRetriedWithTheSameProofAndDeliveryId() {
    fx.delivery.failNext(transientFailure());
    FulfillmentResult result = workflow.fulfill(SampleOrders.russian());
    DeliveryRecord first = result.firstDelivery().orElseThrow();
    assertThat(first.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(first.attempts()).isEqualTo(1);
    assertThat(first.deliveryFailure()).get().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.TRANSIENT);
      assertThat(f.replyCode()).isEqualTo(451);
    });
    assertThat(first.nextAttemptAt()).isEqualTo(WorkflowFixture.T0.plus(Duration.ofMinutes(1)));
    assertThat(fx.events(FulfillmentEvent.DeliveryFailed.class)).singleElement()
        .satisfies(e -> assertThat(e.willRetry()).isTrue());

    assertThat(workflow.redeliverPending()).isEqualTo(new RedeliveryReport(0, 0, 0, 0));
    fx.clock.advance(Duration.ofMinutes(1));
    assertThat(workflow.redeliverPending()).isEqualTo(new RedeliveryReport(1, 1, 0, 0));

    List<DeliveryRequest> attempts = fx.delivery.attempted();
    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(1)).isEqualTo(attempts.get(0));
    assertThat(workflow.find(SampleOrders.russian().orderId()).orElseThrow().deliveryStatus())
        .contains(DeliveryStatus.DELIVERED);
    assertThat(workflow.redeliverPending().attempted()).isZero();
  }

  @Test
  void aPermanentFailureIsReportedAndNotRetriedWhileTheProofStaysRecorded() {
    fx.delivery.failNext(new DeliveryException(FailureKind.PERMANENT, 550, "550 5.1.1 no such user", null));
    FulfillmentResult result = workflow.fulfill(SampleOrders.russian());
    assertThat(result.deliveryStatus()).contains(DeliveryStatus.FAILED);
    assertThat(result.issuedProof()).isPresent();
    assertThat(fx.ledger.findProof(result.issuedProof().get().proof().proofId())).isPresent();
    assertThat(fx.events(FulfillmentEvent.DeliveryFailed.class)).singleElement().satisfies(e -> {
      assertThat(e.willRetry()).isFalse();
      assertThat(e.failure().message()).contains("no such user");
    });
    fx.clock.advance(Duration.ofDays(1));
    assertThat(workflow.redeliverPending().attempted()).isZero();
    assertThat(fx.delivery.attempted()).hasSize(1);
  }

  @Test
  void anUnknownOutcomeIsRetriedWithTheSameDeliveryId() {
    fx.delivery.failNext(new DeliveryException(FailureKind.UNKNOWN, "timeout after DATA", null));
    FulfillmentResult result = workflow.fulfill(SampleOrders.russian());
    assertThat(result.deliveryStatus()).contains(DeliveryStatus.PENDING);
    fx.clock.advance(Duration.ofMinutes(1));
    workflow.redeliverPending();
    assertThat(fx.delivery.attempted()).extracting(DeliveryRequest::deliveryId).containsOnly(
        result.firstDelivery().orElseThrow().request().deliveryId());
    assertThat(fx.delivery.delivered()).hasSize(1);
  }

  @Test
  void retriesBackOffAndGiveUpAfterTheLastAttempt() {
    fx.delivery.failNext(transientFailure(), transientFailure(), transientFailure(), transientFailure());
    FulfillmentResult result = workflow.fulfill(SampleOrders.russian());
    var id = result.firstDelivery().orElseThrow().request().deliveryId();
    fx.clock.advance(Duration.ofMinutes(1));
    assertThat(workflow.redeliverPending()).isEqualTo(new RedeliveryReport(1, 0, 1, 0));
    assertThat(fx.ledger.findDelivery(id).orElseThrow().nextAttemptAt()).isEqualTo(fx.clock.instant().plus(Duration.ofMinutes(2)));
    fx.clock.advance(Duration.ofMinutes(2));
    assertThat(workflow.redeliverPending()).isEqualTo(new RedeliveryReport(1, 0, 1, 0));
    fx.clock.advance(Duration.ofMinutes(4));
    assertThat(workflow.redeliverPending()).isEqualTo(new RedeliveryReport(1, 0, 0, 1));
    assertThat(fx.ledger.findDelivery(id).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(fx.ledger.findDelivery(id).orElseThrow().attempts()).isEqualTo(4);
  }

  @Test
  void anAdapterThatThrowsUnexpectedlyLeavesTheDeliveryPending() {
    ProofDelivery broken = new ProofDelivery() {
      @Override
      public DeliveryReceipt deliver(DeliveryRequest request) {
        throw new IllegalStateException("adapter bug");
      }
    };
    FulfillmentResult result = fx.builder().delivery(broken).build().fulfill(SampleOrders.russian());
    DeliveryRecord first = result.firstDelivery().orElseThrow();
    assertThat(first.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(first.deliveryFailure()).get().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
      assertThat(f.message()).contains("adapter bug");
    });
  }

  @Test
  void redeliveryGoesThroughTheBatchCallInBatchesOfTheConfiguredSize() {
    java.util.List<Integer> batches = new java.util.concurrent.CopyOnWriteArrayList<>();
    ProofDelivery batching = new ProofDelivery() {
      @Override
      public DeliveryReceipt deliver(DeliveryRequest request) {
        return fx.delivery.deliver(request);
      }

      @Override
      public List<dev.openproof.core.exchange.DeliveryOutcome> deliverAll(List<DeliveryRequest> requests) {
        batches.add(requests.size());
        return ProofDelivery.super.deliverAll(requests);
      }
    };
    LicenseFulfillment wf = fx.builder().delivery(batching).batchSize(2).build();
    for (int i = 0; i < 5; i++) {
      fx.delivery.failNext(transientFailure());
      wf.fulfill(SampleOrders.numbered(i));
    }
    fx.clock.advance(Duration.ofMinutes(1));
    assertThat(wf.redeliverPending()).isEqualTo(new RedeliveryReport(5, 5, 0, 0));
    assertThat(batches).containsExactly(2, 2, 1);
  }

  @Test
  void aDeferredDeliveryWaitsForTheNextBatch() {
    java.util.List<Integer> batches = new java.util.concurrent.CopyOnWriteArrayList<>();
    ProofDelivery batching = new ProofDelivery() {
      @Override
      public DeliveryReceipt deliver(DeliveryRequest request) {
        throw new AssertionError("a deferred delivery goes through the batch call");
      }

      @Override
      public List<dev.openproof.core.exchange.DeliveryOutcome> deliverAll(List<DeliveryRequest> requests) {
        batches.add(requests.size());
        return requests.stream().<dev.openproof.core.exchange.DeliveryOutcome>map(r ->
            new dev.openproof.core.exchange.DeliveryOutcome.Delivered(r, fx.delivery.deliver(r))).toList();
      }
    };
    LicenseFulfillment wf = fx.builder().delivery(batching).deferDelivery(true).build();
    for (int i = 0; i < 3; i++) {
      FulfillmentResult result = wf.fulfill(SampleOrders.numbered(i));
      assertThat(result.firstDelivery().orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(result.firstDelivery().orElseThrow().attempts()).isZero();
    }
    assertThat(fx.delivery.attempted()).isEmpty();
    assertThat(wf.redeliverPending()).isEqualTo(new RedeliveryReport(3, 3, 0, 0));
    assertThat(batches).containsExactly(3);
    assertThat(wf.find(SampleOrders.numbered(0).orderId()).orElseThrow().deliveryStatus()).contains(DeliveryStatus.DELIVERED);
  }
}
