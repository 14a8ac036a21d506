package dev.openproof.core.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.event.FulfillmentEvent;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.Revocation;
import dev.openproof.core.exchange.DeliveryKind;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.testing.SampleOrders;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResendAndRevokeTest {
  private final WorkflowFixture fx = new WorkflowFixture();
  private final LicenseFulfillment workflow = fx.workflow();

  @Test
  void aResendMailsTheSameProofAsANewDeliveryThatNamesTheFirst() {
    FulfillmentResult result = workflow.fulfill(SampleOrders.russian());
    ProofId proofId = result.issuedProof().orElseThrow().proof().proofId();
    DeliveryRecord resent = workflow.resend(proofId);
    assertThat(resent.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(resent.request().kind()).isEqualTo(DeliveryKind.RESEND);
    assertThat(resent.request().original()).contains(result.firstDelivery().orElseThrow().request().deliveryId());
    assertThat(resent.request().deliveryId()).isNotEqualTo(result.firstDelivery().orElseThrow().request().deliveryId());
    assertThat(resent.request().signedProof()).isEqualTo(result.issuedProof().orElseThrow().signedProof());
    assertThat(fx.ledger.deliveries(proofId)).hasSize(2);
    assertThat(fx.events(FulfillmentEvent.ProofDelivered.class)).extracting(FulfillmentEvent.ProofDelivered::kind)
        .containsExactly(DeliveryKind.ORIGINAL, DeliveryKind.RESEND);
  }

  @Test
  void anUnknownProofCannotBeResentOrRevoked() {
    assertThatThrownBy(() -> workflow.resend(ProofId.of("nope")))
        .isInstanceOfSatisfying(FulfillmentException.class, e -> assertThat(e.reasonCode()).isEqualTo("UNKNOWN_PROOF"));
    assertThatThrownBy(() -> workflow.revoke(ProofId.of("nope"), "returned"))
        .isInstanceOfSatisfying(FulfillmentException.class, e -> assertThat(e.reasonCode()).isEqualTo("UNKNOWN_PROOF"));
  }

  @Test
  void aRevokedProofIsRecordedOnceAndNeverSentAgain() {
    ProofId proofId = workflow.fulfill(SampleOrders.russian()).issuedProof().orElseThrow().proof().proofId();
    Revocation revocation = workflow.revoke(proofId, "order returned");
    assertThat(revocation.revokedAt()).isEqualTo(WorkflowFixture.T0);
    fx.clock.advance(Duration.ofHours(1));
    assertThat(workflow.revoke(proofId, "again")).isEqualTo(revocation);
    assertThat(fx.ledger.findProof(proofId).orElseThrow().revoked()).contains(revocation);
    assertThat(fx.events(FulfillmentEvent.ProofRevoked.class)).hasSize(1);
    assertThatThrownBy(() -> workflow.resend(proofId))
        .isInstanceOfSatisfying(FulfillmentException.class, e -> assertThat(e.reasonCode()).isEqualTo("PROOF_REVOKED"));
    assertThat(fx.delivery.attempted()).hasSize(1);
  }
}
