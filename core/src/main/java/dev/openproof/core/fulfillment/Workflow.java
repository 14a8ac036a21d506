package dev.openproof.core.fulfillment;

import dev.openproof.core.event.FulfillmentEvent;
import dev.openproof.core.exchange.DeliveryException;
import dev.openproof.core.exchange.DeliveryFailure;
import dev.openproof.core.exchange.DeliveryOutcome;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.FailureKind;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.model.DeliveryReceipt;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.port.ProofLedger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What issuing and administering proofs share: the settings, the owners of claims, the time, the
 * events, and one attempt at a delivery with its outcome recorded. Thread-safe.
 */
final class Workflow {
  private static final System.Logger LOG = System.getLogger(LicenseFulfillment.class.getName());

  final FulfillmentSettings settings;
  private final String instanceId;
  private final AtomicLong calls = new AtomicLong();

  Workflow(FulfillmentSettings settings) {
    this.settings = settings;
    this.instanceId = settings.ids().newInstanceId();
  }

  ProofLedger ledger() {
    return settings.ledger();
  }

  /** A new owner for a claim: each call its own, so that threads of one instance exclude each other too. */
  String owner() {
    return instanceId + "#" + calls.incrementAndGet();
  }

  /** The time, to the microsecond: as a durable ledger keeps it, so what a call holds equals what a later read returns. */
  Instant now() {
    return settings.clock().instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** Tells every listener; a listener that fails is logged and undoes nothing. */
  void publish(FulfillmentEvent event) {
    for (var listener : settings.listeners()) {
      try {
        listener.on(event);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "a fulfillment listener failed on " + event.getClass().getSimpleName(), e);
      }
    }
  }

  /** The ledger's record of an issued proof, or {@code UNKNOWN_PROOF}. */
  ProofRecord proofRecord(ProofId proofId) {
    Objects.requireNonNull(proofId, "proofId");
    return ledger().findProof(proofId).orElseThrow(() ->
        new FulfillmentException(FulfillmentException.Reason.UNKNOWN_PROOF, "no proof " + proofId + " was issued"));
  }

  /** The first delivery of a proof the ledger knows; every recorded proof has one. */
  DeliveryRecord firstDelivery(ProofId proofId) {
    return ledger().firstDelivery(proofId).orElseThrow(() ->
        new IllegalStateException("the ledger holds proof " + proofId + " without its first delivery"));
  }

  /** Claims the delivery and sends it once; a delivery another caller holds is returned as it stands. */
  DeliveryRecord attempt(DeliveryRequest request) {
    if (!ledger().claimDelivery(request.deliveryId(), owner(), now(), settings.deliveryLease())) {
      return ledger().findDelivery(request.deliveryId()).orElseThrow();
    }
    return record(deliver(request));
  }

  /** What came of sending a delivery this call holds: its record, and whether its order was completed with it. */
  record Sent(DeliveryRecord record, boolean completed) {}

  /**
   * Sends the first delivery of an order's proof, which this call holds already; a success is
   * recorded with the order's completion in one step, a failure as {@link #attempt} records it.
   */
  Sent send(DeliveryRequest request, OrderId orderId) {
    DeliveryOutcome outcome = deliver(request);
    if (outcome instanceof DeliveryOutcome.Delivered delivered) {
      DeliveryRecord after = ledger().recordDeliveredAndComplete(delivered.receipt(), orderId);
      publish(new FulfillmentEvent.ProofDelivered(orderId, request.kind(), delivered.receipt(), now()));
      return new Sent(after, true);
    }
    return new Sent(record(outcome), false);
  }

  private DeliveryOutcome deliver(DeliveryRequest request) {
    try {
      return new DeliveryOutcome.Delivered(request, settings.delivery().deliver(request));
    } catch (DeliveryException e) {
      return new DeliveryOutcome.Failed(request, e);
    } catch (RuntimeException e) {
      // An adapter's bug: whether anything was sent is not known, so the delivery stays pending.
      return new DeliveryOutcome.Failed(request, new DeliveryException(FailureKind.UNKNOWN,
          "delivery failed unexpectedly: " + e, e));
    }
  }

  /**
   * Records what came of a batch of attempts, returning each delivery's record in the same order: the
   * failures one by one as {@link #record} does, then the successes in one ledger call (one
   * transaction where the ledger has them), each success's event published once it is recorded.
   */
  List<DeliveryRecord> recordAll(List<DeliveryOutcome> outcomes) {
    DeliveryRecord[] after = new DeliveryRecord[outcomes.size()];
    List<Integer> deliveredAt = new ArrayList<>();
    List<DeliveryReceipt> receipts = new ArrayList<>();
    for (int k = 0; k < outcomes.size(); k++) {
      if (outcomes.get(k) instanceof DeliveryOutcome.Delivered delivered) {
        deliveredAt.add(k);
        receipts.add(delivered.receipt());
      } else {
        after[k] = record(outcomes.get(k));
      }
    }
    if (!receipts.isEmpty()) {
      List<DeliveryRecord> records = ledger().recordDeliveredAll(receipts);
      for (int d = 0; d < receipts.size(); d++) {
        DeliveryRecord record = records.get(d);
        after[deliveredAt.get(d)] = record;
        publish(new FulfillmentEvent.ProofDelivered(record.request().proof().orderId(), record.request().kind(),
            receipts.get(d), now()));
      }
    }
    return List.of(after);
  }

  /**
   * Records what came of an attempt: delivered, or failed and retried later with a growing delay, or
   * failed for good (too many attempts, or a permanent failure).
   */
  DeliveryRecord record(DeliveryOutcome outcome) {
    DeliveryRequest request = outcome.request();
    OrderId orderId = request.proof().orderId();
    Instant now = now();
    if (outcome instanceof DeliveryOutcome.Delivered delivered) {
      DeliveryRecord after = ledger().recordDelivered(delivered.receipt());
      publish(new FulfillmentEvent.ProofDelivered(orderId, request.kind(), delivered.receipt(), now));
      return after;
    }
    DeliveryException e = ((DeliveryOutcome.Failed) outcome).failure();
    DeliveryFailure failure = DeliveryFailure.of(e, now);
    int attempts = ledger().findDelivery(request.deliveryId()).map(DeliveryRecord::attempts).orElse(0) + 1;
    // A configuration failure is due again at once, so a run with fixed settings sends it.
    Instant retryAt = e.kind() == FailureKind.CONFIGURATION ? now
        : e.kind().retryable() && attempts < settings.retry().maxAttempts()
            ? now.plus(settings.retry().delayAfter(attempts))
            : null;
    DeliveryRecord after = ledger().recordDeliveryFailure(request.deliveryId(), failure, retryAt);
    if (retryAt == null) {
      LOG.log(System.Logger.Level.WARNING, "proof {0} of order {1} could not be delivered and will not be retried: {2}",
          request.proof().proofId(), orderId, failure.message());
    }
    publish(new FulfillmentEvent.DeliveryFailed(orderId, request.deliveryId(), failure, retryAt != null, now));
    return after;
  }
}
