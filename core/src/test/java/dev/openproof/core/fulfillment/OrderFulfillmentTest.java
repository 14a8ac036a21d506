package dev.openproof.core.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.event.FulfillmentEvent;
import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.Route;
import dev.openproof.core.exchange.DeliveryKind;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.testing.SampleOrders;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderFulfillmentTest {
  private final WorkflowFixture fx = new WorkflowFixture();
  private final LicenseFulfillment workflow = fx.workflow();

  @Test
  void aDigitalOrderIsInvoicedSignedRecordedAndMailedToTheCustomer() {
    Order order = SampleOrders.russian();
    FulfillmentResult result = workflow.fulfill(order);

    assertThat(result.route()).isEqualTo(Route.DIGITAL);
    assertThat(result.replayed()).isFalse();
    assertThat(result.invoices()).extracting(i -> i.leg()).containsExactlyInAnyOrder(InvoiceLeg.values());
    assertThat(result.invoice(InvoiceLeg.DISTRIBUTOR_TO_RESELLER).total().toString()).isEqualTo("918001.00 RUB");
    LicenseProof proof = result.issuedProof().orElseThrow().proof();
    assertThat(proof.orderId()).isEqualTo(order.orderId());
    assertThat(proof.customer()).isEqualTo(order.customer().ref());
    assertThat(proof.licenseNumber().hasValidCheckDigit()).isTrue();
    assertThat(proof.entitlements()).hasSize(2);
    assertThat(proof.issuedAt()).isEqualTo(WorkflowFixture.T0);
    assertThat(proof.expiry()).isEmpty();
    assertThat(result.deliveryStatus()).contains(DeliveryStatus.DELIVERED);
    assertThat(result.physicalShipment()).isEmpty();

    assertThat(fx.delivery.delivered()).hasSize(1);
    DeliveryRequest sent = fx.delivery.delivered().get(0);
    assertThat(sent.recipient().email()).isEqualTo("it@romashka.example.test");
    assertThat(sent.recipient().language().getLanguage()).isEqualTo("ru");
    assertThat(sent.kind()).isEqualTo(DeliveryKind.ORIGINAL);
    assertThat(sent.signedProof()).isEqualTo(result.issuedProof().orElseThrow().signedProof());
  }

  @Test
  void theProofGoesToTheCustomerNeverToTheDistributorOrReseller() {
    Order order = SampleOrders.germanSubscription();
    workflow.fulfill(order);
    assertThat(fx.delivery.attempted()).extracting(r -> r.recipient().email())
        .containsExactly(order.customer().email())
        .doesNotContain(order.distributor().email(), order.reseller().email());
  }

  @Test
  void eventsTellEachStepInOrder() {
    workflow.fulfill(SampleOrders.russian());
    assertThat(fx.events).extracting(e -> e.getClass().getSimpleName()).containsExactly(
        "InvoiceIssued", "InvoiceIssued", "ProofIssued", "ProofDelivered");
    assertThat(fx.events(FulfillmentEvent.InvoiceIssued.class)).extracting(e -> e.invoice().leg())
        .containsExactly(InvoiceLeg.VENDOR_TO_DISTRIBUTOR, InvoiceLeg.DISTRIBUTOR_TO_RESELLER);
  }

  @Test
  void anOrderBeforeTheCutoverTakesThePhysicalRoute() {
    Order order = SampleOrders.beforeCutover();
    FulfillmentResult result = workflow.fulfill(order);
    assertThat(result.route()).isEqualTo(Route.PHYSICAL);
    assertThat(result.invoices()).hasSize(2);
    assertThat(result.physicalShipment()).get().satisfies(s -> {
      assertThat(s.distributor()).isEqualTo(order.distributor().ref());
      assertThat(s.entitlements()).hasSize(1);
    });
    assertThat(result.issuedProof()).isEmpty();
    assertThat(fx.fakeSigner.calls()).isZero();
    assertThat(fx.delivery.attempted()).isEmpty();
    assertThat(fx.events).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("InvoiceIssued", "InvoiceIssued", "PhysicalShipmentRecorded");
  }

  @Test
  void theCutoverIsConfigurable() {
    LicenseFulfillment later = fx.builder().transitionPolicy(TransitionPolicy.cutoverAt(Instant.parse("2021-01-01T00:00:00Z"))).build();
    assertThat(later.fulfill(SampleOrders.russian()).route()).isEqualTo(Route.PHYSICAL);
    assertThat(later.fulfill(SampleOrders.germanSubscription()).route()).isEqualTo(Route.DIGITAL);
  }

  @Test
  void anOrderThatNamesAnAuthorizationAddsToIt() {
    FulfillmentResult result = workflow.fulfill(SampleOrders.germanSubscription());
    LicenseProof proof = result.issuedProof().orElseThrow().proof();
    assertThat(proof.authorizationNumber()).isEqualTo(AuthorizationNumber.of("V4271183AUTH"));
    assertThat(proof.expiry()).contains(Instant.parse("2024-04-01T00:00:00Z"));
    LicenseProof fresh = workflow.fulfill(SampleOrders.russian()).issuedProof().orElseThrow().proof();
    assertThat(fresh.authorizationNumber().value()).startsWith("A").hasSize(12);
  }

  @Test
  void findReturnsTheRecordedResultOfAFulfilledOrderOnly() {
    assertThat(workflow.find(SampleOrders.russian().orderId())).isEmpty();
    FulfillmentResult result = workflow.fulfill(SampleOrders.russian());
    assertThat(workflow.find(SampleOrders.russian().orderId())).get()
        .satisfies(found -> assertThat(found.issuedProof()).isEqualTo(result.issuedProof()));
  }

  @Test
  void aListenerThatThrowsDoesNotUndoTheWork() {
    LicenseFulfillment noisy = fx.builder().listener(e -> {
      throw new IllegalStateException("listener bug");
    }).build();
    assertThat(noisy.fulfill(SampleOrders.russian()).deliveryStatus()).contains(DeliveryStatus.DELIVERED);
  }

  @Test
  void aWorkflowNeedsASignerADeliveryAndALedgerAndNamesEachMissing() {
    assertThatThrownBy(() -> LicenseFulfillment.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("call signer(...), delivery(...), ledger(...)");
    assertThatThrownBy(() -> LicenseFulfillment.builder().signer(fx.fakeSigner).delivery(fx.delivery).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageEndingWith("call ledger(...)");
    assertThatThrownBy(() -> LicenseFulfillment.builder().signer(fx.fakeSigner).ledger(fx.ledger).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageEndingWith("call delivery(...)");
  }

  @Test
  void theResultSaysWhatWasDoneWithoutTheTokenOrAnAddress() {
    FulfillmentResult result = workflow.fulfill(SampleOrders.russian());
    FulfillmentResult.Digital digital = (FulfillmentResult.Digital) result;
    String summary = result.toString();
    assertThat(summary)
        .contains(SampleOrders.russian().orderId().value(), "DIGITAL",
            digital.proof().proof().licenseNumber().value(), digital.proof().proof().proofId().value(), "DELIVERED")
        .doesNotContain(digital.proof().signedProof().token())
        .doesNotContain(SampleOrders.russian().customer().email());
  }

  @Test
  void anOrderWhoseEveryTermHasEndedIsRefusedBeforeAnythingIsStored() {
    fx.clock.advance(java.time.Duration.ofDays(3 * 365 + 30));
    assertThatThrownBy(() -> workflow.fulfill(SampleOrders.germanSubscription()))
        .isInstanceOfSatisfying(dev.openproof.core.validation.InvalidOrderException.class, e ->
            assertThat(e.violations()).extracting(Object::toString).containsExactly(
                "lines: every term has ended (the last on 2024-03-31); a proof issued now would already be expired"));
    assertThat(fx.ledger.findOrder(SampleOrders.germanSubscription().orderId())).isEmpty();
    assertThat(fx.invoicing.calls.get()).isZero();
  }
}
