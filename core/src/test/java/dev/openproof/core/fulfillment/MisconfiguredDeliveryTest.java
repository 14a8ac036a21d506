package dev.openproof.core.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.exchange.DeliveryException;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.exchange.FailureKind;
import dev.openproof.core.testing.SampleOrders;
import org.junit.jupiter.api.Test;

/** A delivery port set up wrongly: the proof stays pending and due, and no run retries it for ever. */
class MisconfiguredDeliveryTest {
  private final WorkflowFixture fx = new WorkflowFixture();

  private static DeliveryException misconfigured() {
    return new DeliveryException(FailureKind.CONFIGURATION, "the server does not offer STARTTLS", null);
  }

  @Test
  void aConfigurationFailureLeavesTheProofPendingAndDueAtOnce() {
    LicenseFulfillment workflow = fx.workflow();
    fx.delivery.failNext(misconfigured());

    DeliveryRecord first = workflow.fulfill(SampleOrders.russian()).firstDelivery().orElseThrow();

    assertThat(first.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(first.nextAttemptAt()).isEqualTo(WorkflowFixture.T0);
    assertThat(first.deliveryFailure()).get().extracting(f -> f.kind()).isEqualTo(FailureKind.CONFIGURATION);
  }

  @Test
  void aRunStopsAtTheFirstConfigurationFailureAndTheNextRunSendsWhatIsDue() {
    LicenseFulfillment workflow = fx.builder().deferDelivery(true).build();
    workflow.fulfill(SampleOrders.numbered(1));
    workflow.fulfill(SampleOrders.numbered(2));
    fx.delivery.failNext(misconfigured(), misconfigured());

    RedeliveryReport stopped = workflow.redeliverPending();

    assertThat(stopped.misconfigured()).isEqualTo(2);
    assertThat(stopped.failed()).isZero();
    assertThat(fx.delivery.attempted()).hasSize(2);

    // The settings fixed: the same run, no clock moved, sends both.
    RedeliveryReport after = fx.builder().deferDelivery(true).build().redeliverPending();
    assertThat(after.delivered()).isEqualTo(2);
    assertThat(after.misconfigured()).isZero();
  }
}
