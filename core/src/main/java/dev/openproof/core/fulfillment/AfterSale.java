package dev.openproof.core.fulfillment;

import dev.openproof.core.event.FulfillmentEvent;
import dev.openproof.core.exchange.DeliveryKind;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.exchange.SigningException;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.model.Recipient;
import dev.openproof.core.model.Revocation;
import dev.openproof.core.model.SignedProof;
import java.time.Instant;

/**
 * The steps the operations after the sale share: the clock, events, signing and recording a
 * replacement proof, delivering it, revoking the proof it replaces. Thread-safe.
 */
final class AfterSale {
  private final Workflow workflow;
  private final FulfillmentSettings settings;

  AfterSale(Workflow workflow) {
    this.workflow = workflow;
    this.settings = workflow.settings;
  }

  FulfillmentSettings settings() {
    return settings;
  }

  Instant now() {
    return workflow.now();
  }

  /**
   * Signs and records a proof that replaces another, with its first delivery pending; returns the
   * record kept (another caller's, should one have recorded the replacement first).
   */
  ProofRecord recordReplacement(LicenseProof unsigned, Recipient recipient) {
    LicenseProof proof = unsigned;
    if (settings.statusLists().publishes()) {
      proof = proof.withStatus(settings.statusLists().allocate(proof.proofId()));
    }
    SignedProof signed = settings.signer().sign(proof);
    if (!signed.proofId().equals(proof.proofId())) {
      throw new SigningException("the signer returned proof " + signed.proofId() + " for proof " + proof.proofId(), null);
    }
    DeliveryRequest first = new DeliveryRequest(settings.ids().newDeliveryId(), DeliveryKind.ORIGINAL, null, recipient, proof, signed);
    Instant now = now();
    ProofRecord kept = settings.ledger().recordReplacement(proof, signed, first, now);
    if (kept.proof().proofId().equals(proof.proofId())) {
      publish(new FulfillmentEvent.ProofIssued(proof.orderId(), proof.proofId(), proof.licenseNumber(), now));
      publish(new FulfillmentEvent.ProofReplaced(proof.orderId(), proof.replacesProof().orElseThrow(), proof.proofId(), proof.licenseNumber(), now));
    }
    return kept;
  }

  /** Revokes a proof (once) and sets its status list entry, should it carry one. */
  Revocation revoke(ProofRecord proof, String reason) {
    Instant now = now();
    Revocation kept = proof.revoked().orElse(null);
    if (kept == null) {
      kept = settings.ledger().recordRevocation(new Revocation(proof.proof().proofId(), reason, now));
      publish(new FulfillmentEvent.ProofRevoked(proof.proof().orderId(), kept, now));
    }
    if (proof.proof().statusReference().isPresent()) {
      settings.statusLists().setStatus(proof.proof().proofId(), ProofStatus.INVALID);
    }
    return kept;
  }

  /** Attempts a proof's first delivery once, unless it is no longer pending or delivery is deferred. */
  DeliveryRecord deliverFirst(ProofRecord proof) {
    DeliveryRecord first = workflow.firstDelivery(proof.proof().proofId());
    if (first.status() != DeliveryStatus.PENDING || settings.deferDelivery()) {
      return first;
    }
    return workflow.attempt(first.request());
  }

  void publish(FulfillmentEvent event) {
    workflow.publish(event);
  }
}
