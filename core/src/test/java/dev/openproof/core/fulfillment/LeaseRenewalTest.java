package dev.openproof.core.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.model.DeliveryReceipt;
import dev.openproof.core.exchange.OrderClaim;
import dev.openproof.core.testing.SampleOrders;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A call in flight renews its lease between steps, so a slow port does not let another instance in. */
class LeaseRenewalTest {
  private final WorkflowFixture fx = new WorkflowFixture();

  @Test
  void anOrderStaysHeldWhileASlowSignerAndASlowMailServerWork() {
    AtomicReference<OrderClaim> seenByOther = new AtomicReference<>();
    LicenseFulfillment workflow = fx.builder()
        .lease(Duration.ofMinutes(5))
        .signer(proof -> {
          fx.clock.advance(Duration.ofMinutes(4));
          return fx.fakeSigner.sign(proof);
        })
        .delivery(request -> {
          fx.clock.advance(Duration.ofMinutes(4));
          // Eight minutes after the claim, past a lease never renewed:
          seenByOther.set(fx.ledger.claimOrder(request.proof().orderId(), "other-instance", fx.clock.instant(), Duration.ofMinutes(5)));
          return new DeliveryReceipt(request.deliveryId(), request.proof().proofId(), request.recipient().email(),
              "<m@example.test>", fx.clock.instant());
        })
        .build();

    workflow.fulfill(SampleOrders.russian());

    assertThat(seenByOther.get()).isEqualTo(OrderClaim.HELD_BY_ANOTHER);
  }
}
