package dev.openproof.core.fulfillment;

import dev.openproof.core.event.FulfillmentEvent;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.model.Recipient;
import dev.openproof.core.model.Revocation;
import dev.openproof.core.model.SignedProof;
import dev.openproof.core.port.DeliveryException;
import dev.openproof.core.port.DeliveryFailure;
import dev.openproof.core.port.DeliveryKind;
import dev.openproof.core.port.DeliveryRecord;
import dev.openproof.core.port.DeliveryRequest;
import dev.openproof.core.port.DeliveryStatus;
import dev.openproof.core.port.FailureKind;
import dev.openproof.core.port.ProofRecord;
import dev.openproof.core.port.SigningException;
import dev.openproof.core.port.StatusLists;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The steps the operations after the sale share: the clock, events, signing and recording a
 * replacement proof, delivering it, revoking the proof it replaces. Thread-safe.
 */
final class AfterSale {
  private static final System.Logger LOG = System.getLogger(AfterSale.class.getName());

  private final FulfillmentSettings settings;
  private final String instanceId;
  private final AtomicLong calls = new AtomicLong();

  AfterSale(FulfillmentSettings settings) {
    this.settings = settings;
    this.instanceId = settings.ids().newInstanceId();
  }

  FulfillmentSettings settings() {
    return settings;
  }

  Instant now() {
    return settings.clock().instant();
  }

  /**
   * Signs and records a proof that replaces another, with its first delivery pending to the
   * recipient; where the old proof has a replacement already, returns that one.
   */
  ProofRecord recordReplacement(LicenseProof unsigned, Recipient recipient) {
    LicenseProof proof = unsigned;
    StatusLists lists = settings.statusLists();
    if (lists != null) {
      proof = proof.withStatus(lists.allocate(proof.proofId()));
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
      publish(new FulfillmentEvent.ProofReplaced(proof.orderId(), proof.replaced().orElseThrow(), proof.proofId(), proof.licenseNumber(), now));
    }
    return kept;
  }

  /** Revokes a proof in the ledger and in its status list; keeps an earlier revocation. */
  Revocation revoke(ProofRecord proof, String reason) {
    Instant now = now();
    Revocation kept = proof.revoked().orElse(null);
    if (kept == null) {
      kept = settings.ledger().recordRevocation(new Revocation(proof.proof().proofId(), reason, now));
      publish(new FulfillmentEvent.ProofRevoked(proof.proof().orderId(), kept, now));
    }
    StatusLists lists = settings.statusLists();
    if (lists != null && proof.proof().statusReference().isPresent()) {
      lists.setStatus(proof.proof().proofId(), ProofStatus.INVALID);
    }
    return kept;
  }

  /** Delivers a proof's first delivery unless it was delivered, or another instance holds it. */
  DeliveryRecord deliverFirst(ProofRecord proof) {
    DeliveryRecord first = settings.ledger().deliveries(proof.proof().proofId()).get(0);
    if (first.status() != DeliveryStatus.PENDING || settings.deferDelivery()) {
      return first;
    }
    DeliveryRequest request = first.request();
    if (!settings.ledger().claimDelivery(request.deliveryId(), owner(), now(), settings.deliveryLease())) {
      return settings.ledger().findDelivery(request.deliveryId()).orElseThrow();
    }
    try {
      var receipt = settings.delivery().deliver(request);
      DeliveryRecord after = settings.ledger().recordDelivered(receipt);
      publish(new FulfillmentEvent.ProofDelivered(request.proof().orderId(), request.kind(), receipt, now()));
      return after;
    } catch (DeliveryException e) {
      return failed(request, e);
    } catch (RuntimeException e) {
      return failed(request, new DeliveryException(FailureKind.UNKNOWN, "delivery failed unexpectedly: " + e, e));
    }
  }

  private DeliveryRecord failed(DeliveryRequest request, DeliveryException e) {
    Instant now = now();
    DeliveryFailure failure = DeliveryFailure.of(e, now);
    int attempts = settings.ledger().findDelivery(request.deliveryId()).map(DeliveryRecord::attempts).orElse(0) + 1;
    Instant retryAt = e.kind().retryable() && attempts < settings.retry().maxAttempts()
        ? now.plus(settings.retry().delayAfter(attempts))
        : null;
    DeliveryRecord after = settings.ledger().recordDeliveryFailure(request.deliveryId(), failure, retryAt);
    publish(new FulfillmentEvent.DeliveryFailed(request.proof().orderId(), request.deliveryId(), failure, retryAt != null, now));
    return after;
  }

  void publish(FulfillmentEvent event) {
    for (var listener : settings.listeners()) {
      try {
        listener.on(event);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "a fulfillment listener failed on " + event.getClass().getSimpleName(), e);
      }
    }
  }

  private String owner() {
    return instanceId + "#after-sale#" + calls.incrementAndGet();
  }
}
