package dev.openproof.core.fulfillment;

import dev.openproof.core.event.FulfillmentEvent;
import dev.openproof.core.exchange.DeliveryKind;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.model.Revocation;
import java.time.Instant;
import java.util.Objects;

/**
 * Administering issued proofs: sending one again, revoking, suspending and reinstating it. A status
 * change goes to the status lists the same way for each: a proof that carries a status reference has
 * its entry set, through the configured lists. Thread-safe.
 */
final class Administration {
  private final Workflow workflow;

  Administration(Workflow workflow) {
    this.workflow = workflow;
  }

  DeliveryRecord resend(ProofId proofId) {
    ProofRecord proof = workflow.proofRecord(proofId);
    refuseIfRevoked(proof, "is not sent again");
    DeliveryRecord first = workflow.firstDelivery(proofId);
    DeliveryRequest request = new DeliveryRequest(workflow.settings.ids().newDeliveryId(), DeliveryKind.RESEND,
        first.request().deliveryId(), proof.recipient(), proof.proof(), proof.signedProof());
    workflow.ledger().addDelivery(request, workflow.now());
    return workflow.attempt(request);
  }

  Revocation revoke(ProofId proofId, String reason) {
    Objects.requireNonNull(reason, "reason");
    ProofRecord proof = workflow.proofRecord(proofId);
    if (proof.revoked().isPresent()) {
      // Sets the list entry too, should an earlier call have stopped between the two.
      setListEntry(proof, ProofStatus.INVALID);
      return proof.revoked().get();
    }
    Instant now = workflow.now();
    Revocation kept = workflow.ledger().recordRevocation(new Revocation(proofId, reason, now));
    setListEntry(proof, ProofStatus.INVALID);
    workflow.publish(new FulfillmentEvent.ProofRevoked(proof.proof().orderId(), kept, now));
    return kept;
  }

  /** Suspends ({@link ProofStatus#SUSPENDED}) or reinstates ({@link ProofStatus#VALID}) a proof. */
  ProofStatus changeStatus(ProofId proofId, ProofStatus status) {
    ProofRecord proof = workflow.proofRecord(proofId);
    if (proof.proof().statusReference().isEmpty()) {
      throw new IllegalStateException("proof " + proofId
          + " carries no status reference; it was issued without status lists, and its status cannot change");
    }
    refuseIfRevoked(proof, "stays invalid");
    return setListEntry(proof, status);
  }

  private ProofStatus setListEntry(ProofRecord proof, ProofStatus status) {
    if (proof.proof().statusReference().isEmpty()) {
      return status;
    }
    return workflow.settings.statusLists().setStatus(proof.proof().proofId(), status);
  }

  private static void refuseIfRevoked(ProofRecord proof, String consequence) {
    if (proof.revoked().isPresent()) {
      throw new FulfillmentException(FulfillmentException.Reason.PROOF_REVOKED,
          "proof " + proof.proof().proofId() + " was revoked and " + consequence);
    }
  }
}
