package dev.openproof.core.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.model.Order;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.testing.SampleOrders;
import org.junit.jupiter.api.Test;

/** A result prints as one short line: no token, no invoice lines, no address of anybody. */
class FulfillmentResultSummaryTest {
  private final WorkflowFixture fx = new WorkflowFixture();
  private final LicenseFulfillment workflow = fx.workflow();

  @Test
  void aDigitalResultNamesTheOrderTheLicenseTheProofAndTheDeliveryOnly() {
    Order order = SampleOrders.russian();
    FulfillmentResult result = workflow.fulfill(order);
    ProofRecord proof = result.issuedProof().orElseThrow();

    String text = result.toString();

    assertThat(text).isEqualTo("FulfillmentResult[order=" + order.orderId().value() + ", route=DIGITAL, new, license="
        + proof.proof().licenseNumber().value() + ", proof=" + proof.proof().proofId().value() + ", delivery="
        + result.firstDelivery().orElseThrow().status() + "]");
    assertThat(text).doesNotContain(proof.signedProof().token(), order.customer().email(), order.customer().name());
    assertThat(workflow.fulfill(order).toString()).contains(", replayed,");
  }

  @Test
  void aPhysicalResultSaysSoWithoutAProof() {
    FulfillmentResult result = workflow.fulfill(SampleOrders.beforeCutover());

    assertThat(result.toString()).isEqualTo("FulfillmentResult[order=" + result.orderId().value()
        + ", route=PHYSICAL, new, shipment to the distributor]");
  }
}
