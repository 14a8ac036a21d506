package dev.openproof.core.fulfillment;

import dev.openproof.core.event.FulfillmentEvent;
import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.InvoiceId;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.PhysicalShipment;
import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.Recipient;
import dev.openproof.core.model.Revocation;
import dev.openproof.core.model.Route;
import dev.openproof.core.model.SignedProof;
import dev.openproof.core.exchange.DeliveryException;
import dev.openproof.core.exchange.DeliveryFailure;
import dev.openproof.core.exchange.DeliveryKind;
import dev.openproof.core.exchange.DeliveryOutcome;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.exchange.FailureKind;
import dev.openproof.core.exchange.InvoiceRequest;
import dev.openproof.core.exchange.OrderClaim;
import dev.openproof.core.exchange.OrderRecord;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.exchange.SigningException;
import dev.openproof.core.port.StatusLists;
import dev.openproof.core.validation.InvalidOrderException;
import dev.openproof.core.validation.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fulfillment workflow of an order: validate, invoice both legs of the chain, route by the
 * {@link TransitionPolicy}, and on the digital route build, sign, record and deliver the proof to the
 * customer, never to the distributor. Every step is recorded in the {@link dev.openproof.core.port.ProofLedger}
 * before the next begins, so that:
 *
 * <ul>
 *   <li>fulfilling an order again, or from several threads or instances at once, does nothing twice:
 *       one proof, one pair of invoices, one delivery;
 *   <li>a port that fails halfway leaves the ledger consistent, and a later call finishes the job;
 *   <li>a delivery that fails transiently stays pending and {@link #redeliverPending()} retries it
 *       with the same proof and the same delivery id; a permanent failure is reported, never swallowed.
 * </ul>
 *
 * <p>Build one with {@link #builder()}; instances are thread-safe and meant to be shared.
 *
 * @since 0.1.0
 */
public final class LicenseFulfillment {
  private static final System.Logger LOG = System.getLogger(LicenseFulfillment.class.getName());

  private final FulfillmentSettings settings;
  private final String instanceId;
  private final AtomicLong calls = new AtomicLong();

  LicenseFulfillment(FulfillmentSettings settings) {
    this.settings = settings;
    this.instanceId = settings.ids().newInstanceId();
  }

  /**
   * Starts building a workflow.
   *
   * @return a new builder
   */
  public static LicenseFulfillmentBuilder builder() {
    return new LicenseFulfillmentBuilder();
  }

  /**
   * Fulfills an order, or returns what was recorded when it was fulfilled before.
   *
   * @param order the order
   * @return the result, as recorded in the ledger
   * @throws InvalidOrderException if the order breaks input rules; nothing was stored or sent
   * @throws FulfillmentException with {@code ORDER_IN_PROGRESS} if another instance holds the order
   *     longer than the configured wait
   * @throws dev.openproof.core.OpenProofException if a port failed; what was done is recorded and a
   *     later call finishes the job
   */
  public FulfillmentResult fulfill(Order order) {
    Objects.requireNonNull(order, "order");
    settings.validator().check(order);
    OrderId orderId = order.orderId();
    refuseIfEveryTermEnded(order);
    // Each call claims as its own owner, so that threads of one instance exclude each other too.
    String owner = owner();
    long waitedMillis = 0;
    long pause = 2;
    while (true) {
      OrderClaim claim = settings.ledger().claimOrder(orderId, owner, now(), settings.orderLease());
      if (claim == OrderClaim.COMPLETED) {
        return recordedResult(orderId, true);
      }
      if (claim == OrderClaim.ACQUIRED) {
        boolean completed = false;
        try {
          FulfillmentResult result = fulfillClaimed(order);
          completed = true;
          return result;
        } finally {
          if (!completed) {
            // A completed order needs no release: no one can claim it again.
            settings.ledger().releaseOrder(orderId, owner);
          }
        }
      }
      if (waitedMillis >= settings.claimWait().toMillis()) {
        throw new FulfillmentException(FulfillmentException.ORDER_IN_PROGRESS,
            "order " + orderId + " is being fulfilled by another instance; try again later");
      }
      sleep(pause);
      waitedMillis += pause;
      pause = Math.min(pause * 2, 50);
    }
  }

  /**
   * A digital proof of rights that have all ended would be expired when issued: such an order is
   * refused before anything is stored, unless it was fulfilled before.
   */
  private void refuseIfEveryTermEnded(Order order) {
    if (settings.transitionPolicy().route(order) != Route.DIGITAL) {
      return;
    }
    Optional<Instant> expiry = LicenseProof.expiryOf(order.lines().stream().map(Entitlement::of).toList());
    if (expiry.isPresent() && !expiry.get().isAfter(now())
        && settings.ledger().findOrder(order.orderId()).filter(OrderRecord::completed).isEmpty()) {
      throw new InvalidOrderException("order " + order.orderId(), List.of(new Violation("lines",
          "every term has ended (the last on " + expiry.get().minusSeconds(1).toString().substring(0, 10)
              + "); a proof issued now would already be expired")));
    }
  }

  private FulfillmentResult fulfillClaimed(Order order) {
    OrderId orderId = order.orderId();
    OrderRecord record = settings.ledger().findOrder(orderId).orElseThrow();
    for (InvoiceLeg leg : InvoiceLeg.values()) {
      if (record.invoice(leg).isEmpty()) {
        Instant now = now();
        Invoice issued = settings.invoicing().issue(new InvoiceRequest(invoiceId(orderId, leg), leg, order, now));
        Invoice kept = settings.ledger().recordInvoice(issued);
        publish(new FulfillmentEvent.InvoiceIssued(orderId, kept, now));
      }
    }
    Route route = settings.transitionPolicy().route(order);
    if (route == Route.PHYSICAL) {
      if (record.physicalShipment().isEmpty()) {
        Instant now = now();
        List<Entitlement> entitlements = order.lines().stream().map(Entitlement::of).toList();
        PhysicalShipment shipment = settings.ledger().recordShipment(
            new PhysicalShipment(orderId, order.distributor().ref(), entitlements, now));
        publish(new FulfillmentEvent.PhysicalShipmentRecorded(orderId, shipment, now));
      }
    } else {
      DeliveryRecord first = record.proof().isPresent()
          ? settings.ledger().deliveries(record.proof().get()).get(0)
          : issueProof(order);
      if (first.status() == DeliveryStatus.PENDING && !settings.deferDelivery()) {
        attempt(first.request());
      }
    }
    settings.ledger().completeOrder(orderId, route);
    return recordedResult(orderId, false);
  }

  /** Builds, signs and records the order's proof; returns its first delivery, pending. */
  private DeliveryRecord issueProof(Order order) {
    Instant now = now();
    LicenseProof proof = LicenseProof.of(order, settings.ids().newProofId(), settings.ids().newLicenseNumber(),
        order.existingAuthorization().orElseGet(settings.ids()::newAuthorizationNumber), now);
    StatusLists lists = settings.statusLists();
    if (lists != null) {
      proof = proof.withStatus(lists.allocate(proof.proofId()));
    }
    SignedProof signed = settings.signer().sign(proof);
    if (!signed.proofId().equals(proof.proofId())) {
      throw new SigningException("the signer returned proof " + signed.proofId() + " for proof " + proof.proofId(), null);
    }
    DeliveryRequest first = new DeliveryRequest(
        settings.ids().newDeliveryId(), DeliveryKind.ORIGINAL, null, Recipient.of(order.customer()), proof, signed);
    ProofRecord kept = settings.ledger().recordProof(proof, signed, first, now);
    if (!kept.proof().proofId().equals(proof.proofId())) {
      // Another instance recorded a proof first (this one's lease had run out): that proof stands.
      return settings.ledger().deliveries(kept.proof().proofId()).get(0);
    }
    publish(new FulfillmentEvent.ProofIssued(order.orderId(), proof.proofId(), proof.licenseNumber(), now));
    return DeliveryRecord.pending(first, now);
  }

  /**
   * Attempts every pending delivery whose next attempt is due, in batches over the delivery port's
   * {@link dev.openproof.core.port.ProofDelivery#deliverAll batch} call. A delivery that fails again
   * transiently is scheduled later, with a growing delay; one that failed too often, or permanently,
   * is marked failed.
   *
   * @return what was attempted and what came of it
   */
  public RedeliveryReport redeliverPending() {
    int delivered = 0;
    int retrying = 0;
    int failed = 0;
    while (true) {
      List<DeliveryRequest> batch = settings.ledger().claimPendingDeliveries(
          owner(), now(), settings.deliveryLease(), settings.batchSize());
      if (batch.isEmpty()) {
        return new RedeliveryReport(delivered + retrying + failed, delivered, retrying, failed);
      }
      for (DeliveryOutcome outcome : settings.delivery().deliverAll(batch)) {
        DeliveryRecord after = record(outcome);
        switch (after.status()) {
          case DELIVERED -> delivered++;
          case FAILED -> failed++;
          case PENDING -> retrying++;
        }
      }
    }
  }

  /**
   * Sends an issued proof to the customer again (the customer lost the mail). The resend is a new
   * delivery that names the first one.
   *
   * @param proofId the proof
   * @return the resend's record after its first attempt
   * @throws FulfillmentException with {@code UNKNOWN_PROOF} or {@code PROOF_REVOKED}
   */
  public DeliveryRecord resend(ProofId proofId) {
    ProofRecord proof = proofRecord(proofId);
    if (proof.revoked().isPresent()) {
      throw new FulfillmentException(FulfillmentException.PROOF_REVOKED, "proof " + proofId + " was revoked and is not sent again");
    }
    DeliveryRecord first = settings.ledger().deliveries(proofId).get(0);
    DeliveryRequest request = new DeliveryRequest(settings.ids().newDeliveryId(), DeliveryKind.RESEND,
        first.request().deliveryId(), proof.recipient(), proof.proof(), proof.signedProof());
    settings.ledger().addDelivery(request, now());
    return attempt(request);
  }

  /**
   * Revokes an issued proof, for example because the order was returned. Revoking twice keeps the
   * first revocation.
   *
   * @param proofId the proof
   * @param reason why, in a few words
   * @return the recorded revocation
   * @throws FulfillmentException with {@code UNKNOWN_PROOF}
   */
  public Revocation revoke(ProofId proofId, String reason) {
    Objects.requireNonNull(reason, "reason");
    ProofRecord proof = proofRecord(proofId);
    if (proof.revoked().isPresent()) {
      // Sets the list entry too, should an earlier call have stopped between the two.
      setListStatus(proof, ProofStatus.INVALID);
      return proof.revocation();
    }
    Instant now = now();
    Revocation kept = settings.ledger().recordRevocation(new Revocation(proofId, reason, now));
    setListStatus(proof, ProofStatus.INVALID);
    publish(new FulfillmentEvent.ProofRevoked(proof.proof().orderId(), kept, now));
    return kept;
  }

  /**
   * Suspends an issued proof for now: its status list entry says {@link ProofStatus#SUSPENDED} until
   * {@link #reinstate(ProofId)}. Only with {@linkplain LicenseFulfillmentBuilder#statusLists status
   * lists}, for a proof that carries a status reference.
   *
   * @param proofId the proof
   * @return the status in effect afterwards
   * @throws FulfillmentException with {@code UNKNOWN_PROOF} or {@code PROOF_REVOKED}
   * @throws IllegalStateException if the workflow has no status lists or the proof no status reference
   */
  public ProofStatus suspend(ProofId proofId) {
    return changeStatus(proofId, ProofStatus.SUSPENDED);
  }

  /**
   * Ends a proof's suspension: its status list entry says {@link ProofStatus#VALID} again.
   *
   * @param proofId the proof
   * @return the status in effect afterwards
   * @throws FulfillmentException with {@code UNKNOWN_PROOF} or {@code PROOF_REVOKED}
   * @throws IllegalStateException if the workflow has no status lists or the proof no status reference
   */
  public ProofStatus reinstate(ProofId proofId) {
    return changeStatus(proofId, ProofStatus.VALID);
  }

  private ProofStatus changeStatus(ProofId proofId, ProofStatus status) {
    ProofRecord proof = proofRecord(proofId);
    StatusLists lists = settings.statusLists();
    if (lists == null) {
      throw new IllegalStateException("this workflow publishes no status lists: build it with statusLists(...)");
    }
    if (proof.proof().statusReference().isEmpty()) {
      throw new IllegalStateException("proof " + proofId + " carries no status reference; it was issued without status lists");
    }
    if (proof.revoked().isPresent()) {
      throw new FulfillmentException(FulfillmentException.PROOF_REVOKED, "proof " + proofId + " was revoked; its status stays invalid");
    }
    return lists.setStatus(proofId, status);
  }

  private void setListStatus(ProofRecord proof, ProofStatus status) {
    StatusLists lists = settings.statusLists();
    if (lists != null && proof.proof().statusReference().isPresent()) {
      lists.setStatus(proof.proof().proofId(), status);
    }
  }

  /**
   * What the ledger records of an order that was fulfilled.
   *
   * @param orderId the order
   * @return the result, or empty if the order was not (yet) fulfilled
   */
  public Optional<FulfillmentResult> find(OrderId orderId) {
    return settings.ledger().findOrder(orderId).filter(OrderRecord::completed).map(r -> recordedResult(orderId, true));
  }

  private ProofRecord proofRecord(ProofId proofId) {
    Objects.requireNonNull(proofId, "proofId");
    return settings.ledger().findProof(proofId).orElseThrow(() ->
        new FulfillmentException(FulfillmentException.UNKNOWN_PROOF, "no proof " + proofId + " was issued"));
  }

  private DeliveryRecord attempt(DeliveryRequest request) {
    if (!settings.ledger().claimDelivery(request.deliveryId(), owner(), now(), settings.deliveryLease())) {
      return settings.ledger().findDelivery(request.deliveryId()).orElseThrow();
    }
    DeliveryOutcome outcome;
    try {
      outcome = new DeliveryOutcome.Delivered(request, settings.delivery().deliver(request));
    } catch (DeliveryException e) {
      outcome = new DeliveryOutcome.Failed(request, e);
    } catch (RuntimeException e) {
      // An adapter's bug: whether anything was sent is not known, so the delivery stays pending.
      outcome = new DeliveryOutcome.Failed(request, new DeliveryException(FailureKind.UNKNOWN,
          "delivery failed unexpectedly: " + e, e));
    }
    return record(outcome);
  }

  private DeliveryRecord record(DeliveryOutcome outcome) {
    DeliveryRequest request = outcome.request();
    OrderId orderId = request.proof().orderId();
    Instant now = now();
    if (outcome instanceof DeliveryOutcome.Delivered delivered) {
      DeliveryRecord after = settings.ledger().recordDelivered(delivered.receipt());
      publish(new FulfillmentEvent.ProofDelivered(orderId, request.kind(), delivered.receipt(), now));
      return after;
    }
    DeliveryException e = ((DeliveryOutcome.Failed) outcome).failure();
    DeliveryFailure failure = DeliveryFailure.of(e, now);
    int attempts = settings.ledger().findDelivery(request.deliveryId()).map(DeliveryRecord::attempts).orElse(0) + 1;
    Instant retryAt = e.kind().retryable() && attempts < settings.retry().maxAttempts()
        ? now.plus(settings.retry().delayAfter(attempts))
        : null;
    DeliveryRecord after = settings.ledger().recordDeliveryFailure(request.deliveryId(), failure, retryAt);
    if (retryAt == null) {
      LOG.log(System.Logger.Level.WARNING, "proof {0} of order {1} could not be delivered and will not be retried: {2}",
          request.proof().proofId(), orderId, failure.message());
    }
    publish(new FulfillmentEvent.DeliveryFailed(orderId, request.deliveryId(), failure, retryAt != null, now));
    return after;
  }

  private FulfillmentResult recordedResult(OrderId orderId, boolean replayed) {
    OrderRecord record = settings.ledger().findOrder(orderId).orElseThrow();
    ProofRecord proof = record.proof().flatMap(settings.ledger()::findProof).orElse(null);
    DeliveryRecord first = proof == null ? null : settings.ledger().deliveries(proof.proof().proofId()).get(0);
    Route route = Objects.requireNonNullElse(record.route(), proof != null ? Route.DIGITAL : Route.PHYSICAL);
    return new FulfillmentResult(orderId, route, record.invoices(), proof, first, record.shipment(), replayed);
  }

  private static InvoiceId invoiceId(OrderId orderId, InvoiceLeg leg) {
    return InvoiceId.of((leg == InvoiceLeg.VENDOR_TO_DISTRIBUTOR ? "VD-" : "DR-") + orderId.value());
  }

  private void publish(FulfillmentEvent event) {
    for (var listener : settings.listeners()) {
      try {
        listener.on(event);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "a fulfillment listener failed on " + event.getClass().getSimpleName(), e);
      }
    }
  }

  private String owner() {
    return instanceId + "#" + calls.incrementAndGet();
  }

  private Instant now() {
    return settings.clock().instant();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FulfillmentException(FulfillmentException.ORDER_IN_PROGRESS, "interrupted while waiting for another instance");
    }
  }
}
