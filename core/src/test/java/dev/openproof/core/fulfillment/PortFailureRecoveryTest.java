package dev.openproof.core.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.Order;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.exchange.InvoicingException;
import dev.openproof.core.exchange.OrderRecord;
import dev.openproof.core.exchange.SigningException;
import dev.openproof.core.testing.SampleOrders;
import org.junit.jupiter.api.Test;

class PortFailureRecoveryTest {
  private final WorkflowFixture fx = new WorkflowFixture();
  private final LicenseFulfillment workflow = fx.workflow();
  private final Order order = SampleOrders.russian();

  @Test
  void aSignerFailureKeepsTheInvoicesAndARetryFinishesWithoutInvoicingAgain() {
    fx.signerFailures.set(1);
    assertThatThrownBy(() -> workflow.fulfill(order))
        .isInstanceOfSatisfying(SigningException.class, e -> assertThat(e.reasonCode()).isEqualTo("SIGNING_FAILED"));
    OrderRecord halfway = fx.ledger.findOrder(order.orderId()).orElseThrow();
    assertThat(halfway.completed()).isFalse();
    assertThat(halfway.invoices()).hasSize(2);
    assertThat(halfway.issuedProofId()).isEmpty();
    assertThat(fx.delivery.attempted()).isEmpty();

    FulfillmentResult result = workflow.fulfill(order);
    assertThat(result.replayed()).isFalse();
    assertThat(result.deliveryStatus()).contains(DeliveryStatus.DELIVERED);
    assertThat(fx.invoicing.calls.get()).isEqualTo(2);
    assertThat(fx.fakeSigner.calls()).isEqualTo(1);
    assertThat(fx.delivery.delivered()).hasSize(1);
  }

  @Test
  void anInvoicingFailureOnTheSecondLegKeepsTheFirstAndARetryIssuesOnlyTheSecond() {
    fx.invoicing.failOnCall = 2;
    assertThatThrownBy(() -> workflow.fulfill(order))
        .isInstanceOfSatisfying(InvoicingException.class, e -> assertThat(e.reasonCode()).isEqualTo("INVOICING_FAILED"));
    OrderRecord halfway = fx.ledger.findOrder(order.orderId()).orElseThrow();
    assertThat(halfway.invoices()).extracting(i -> i.leg()).containsExactly(InvoiceLeg.VENDOR_TO_DISTRIBUTOR);
    assertThat(fx.fakeSigner.calls()).isZero();

    FulfillmentResult result = workflow.fulfill(order);
    assertThat(result.invoices()).hasSize(2);
    assertThat(fx.invoicing.calls.get()).isEqualTo(3);
    assertThat(fx.invoicing.real.invoices()).hasSize(2);
    assertThat(fx.fakeSigner.calls()).isEqualTo(1);
  }

  @Test
  void aFailureReleasesTheClaimSoAnotherInstanceNeedNotWaitForTheLease() {
    fx.signerFailures.set(1);
    assertThatThrownBy(() -> workflow.fulfill(order)).isInstanceOf(SigningException.class);
    LicenseFulfillment other = fx.builder().claimWait(java.time.Duration.ZERO).build();
    assertThat(other.fulfill(order).deliveryStatus()).contains(DeliveryStatus.DELIVERED);
  }
}
