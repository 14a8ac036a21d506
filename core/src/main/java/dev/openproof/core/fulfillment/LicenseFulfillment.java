package dev.openproof.core.fulfillment;

import dev.openproof.core.event.FulfillmentEvent;
import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.Customer;
import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.InvoiceId;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.LicenseSummary;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.PhysicalShipment;
import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.Recipient;
import dev.openproof.core.model.Revocation;
import dev.openproof.core.model.Route;
import dev.openproof.core.model.SignedProof;
import dev.openproof.core.port.DeliveryException;
import dev.openproof.core.port.DeliveryFailure;
import dev.openproof.core.port.DeliveryKind;
import dev.openproof.core.port.DeliveryOutcome;
import dev.openproof.core.port.DeliveryRecord;
import dev.openproof.core.port.DeliveryRequest;
import dev.openproof.core.port.DeliveryStatus;
import dev.openproof.core.port.FailureKind;
import dev.openproof.core.port.InvoiceRequest;
import dev.openproof.core.port.OrderClaim;
import dev.openproof.core.port.OrderRecord;
import dev.openproof.core.port.ProofRecord;
import dev.openproof.core.port.SigningException;
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
  private final Returns returns;
  private final Transfers transfers;
  private final LicenseSummaries summaries;
  private final Reminders reminders;

  LicenseFulfillment(FulfillmentSettings settings) {
    this.settings = settings;
    this.instanceId = settings.ids().newInstanceId();
    AfterSale afterSale = new AfterSale(settings);
    this.returns = new Returns(afterSale);
    this.transfers = new Transfers(afterSale);
    this.summaries = new LicenseSummaries(settings.ledger());
    this.reminders = new Reminders(afterSale);
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
   *     longer than the configured wait, or {@code ORDER_CONFLICT} if the order id was used before for
   *     an order with other content
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
        refuseIfContentDiffers(order);
        return recordedResult(orderId, true);
      }
      if (claim == OrderClaim.ACQUIRED) {
        boolean completed = false;
        try {
          refuseIfContentDiffers(order);
          FulfillmentResult result = fulfillClaimed(order, owner);
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
   * The same order id with other content is another order, not a replay: it is refused, naming the
   * members that differ, before anything is done for it.
   */
  private void refuseIfContentDiffers(Order order) {
    String digest = OrderDigest.of(order);
    String recorded = settings.ledger().recordOrderDigest(order.orderId(), digest);
    if (!recorded.equals(digest)) {
      throw new FulfillmentException(FulfillmentException.ORDER_CONFLICT, "order " + order.orderId()
          + " was fulfilled before with other content: " + String.join(", ", OrderDigest.differences(recorded, digest))
          + " differ; an order id names one order, so nothing was done now");
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

  private FulfillmentResult fulfillClaimed(Order order, String owner) {
    OrderId orderId = order.orderId();
    OrderRecord record = settings.ledger().findOrder(orderId).orElseThrow();
    for (InvoiceLeg leg : InvoiceLeg.values()) {
      if (record.invoice(leg).isEmpty()) {
        Instant now = now();
        Invoice issued = settings.invoicing().issue(new InvoiceRequest(invoiceId(orderId, leg), leg, order, now));
        Invoice kept = settings.ledger().recordInvoice(issued);
        publish(new FulfillmentEvent.InvoiceIssued(orderId, kept, now));
        renewLease(orderId, owner);
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
      renewLease(orderId, owner);
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
    // One proof id per order, reserved after the claim: a retry keeps it, and with it its status index.
    ProofId proofId = settings.ledger().reserveProofId(order.orderId(), settings.ids().newProofId());
    LicenseProof proof = LicenseProof.of(order, proofId, settings.ids().newLicenseNumber(),
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
    if (!kept.proof().equals(proof)) {
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
    int misconfigured = 0;
    while (misconfigured == 0) {
      List<DeliveryRequest> batch = settings.ledger().claimPendingDeliveries(
          owner(), now(), settings.deliveryLease(), settings.batchSize());
      if (batch.isEmpty()) {
        break;
      }
      for (DeliveryOutcome outcome : settings.delivery().deliverAll(batch)) {
        DeliveryRecord after = record(outcome);
        switch (after.status()) {
          case DELIVERED -> delivered++;
          case FAILED -> failed++;
          case PENDING -> retrying++;
        }
        if (isMisconfigured(outcome)) {
          // Due again at once, so a later run with fixed settings sends it; this run stops here.
          misconfigured++;
        }
      }
    }
    return new RedeliveryReport(delivered + retrying + failed, delivered, retrying, failed, misconfigured);
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
    Instant retryAt = e.kind() == FailureKind.CONFIGURATION ? now
        : e.kind().retryable() && attempts < settings.retry().maxAttempts()
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

  /**
   * Extends this call's lease on the order between steps, so that a slow port (a signer, a mail
   * server) does not let another instance take over an order in flight.
   */
  private void renewLease(OrderId orderId, String owner) {
    if (settings.ledger().claimOrder(orderId, owner, now(), settings.orderLease()) != OrderClaim.ACQUIRED) {
      LOG.log(System.Logger.Level.WARNING, "the lease on order {0} was lost; the ledger keeps the first proof", orderId);
    }
  }

  private static boolean isMisconfigured(DeliveryOutcome outcome) {
    return outcome instanceof DeliveryOutcome.Failed failed && failed.failure().kind() == FailureKind.CONFIGURATION;
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

  // The license after the sale (since 0.2.0). Each method delegates to the class that does the work.

  /**
   * The proof that carries a license number.
   *
   * @param licenseNumber the license number
   * @return the proof's record, or empty if no proof carries it
   * @since 0.2.0
   */
  public Optional<ProofRecord> findProof(LicenseNumber licenseNumber) {
    return settings.ledger().findProof(Objects.requireNonNull(licenseNumber, "licenseNumber"));
  }

  /**
   * Every proof issued under an authorization number, revoked and replaced ones too, oldest first.
   *
   * @param authorizationNumber the authorization number
   * @return the proofs' records
   * @since 0.2.0
   */
  public List<ProofRecord> findProofs(AuthorizationNumber authorizationNumber) {
    return settings.ledger().findProofs(Objects.requireNonNull(authorizationNumber, "authorizationNumber"));
  }

  /**
   * Every proof issued to a customer, revoked and replaced ones too, oldest first.
   *
   * @param customerId the customer's id, the proofs' subject
   * @return the proofs' records
   * @since 0.2.0
   */
  public List<ProofRecord> findProofsOfCustomer(String customerId) {
    return settings.ledger().findProofsOfCustomer(Objects.requireNonNull(customerId, "customerId"));
  }

  /**
   * {@link #resend(ProofId)} of the proof that carries a license number.
   *
   * @param licenseNumber the license number
   * @return the resend's record after its first attempt
   * @throws FulfillmentException with {@code UNKNOWN_LICENSE} or {@code PROOF_REVOKED}
   * @since 0.2.0
   */
  public DeliveryRecord resend(LicenseNumber licenseNumber) {
    return resend(proofOf(licenseNumber));
  }

  /**
   * {@link #revoke(ProofId, String)} of the proof that carries a license number.
   *
   * @param licenseNumber the license number
   * @param reason why, in a few words
   * @return the recorded revocation
   * @throws FulfillmentException with {@code UNKNOWN_LICENSE}
   * @since 0.2.0
   */
  public Revocation revoke(LicenseNumber licenseNumber, String reason) {
    return revoke(proofOf(licenseNumber), reason);
  }

  /**
   * {@link #suspend(ProofId)} of the proof that carries a license number.
   *
   * @param licenseNumber the license number
   * @return the status in effect afterwards
   * @throws FulfillmentException with {@code UNKNOWN_LICENSE} or {@code PROOF_REVOKED}
   * @since 0.2.0
   */
  public ProofStatus suspend(LicenseNumber licenseNumber) {
    return suspend(proofOf(licenseNumber));
  }

  /**
   * {@link #reinstate(ProofId)} of the proof that carries a license number.
   *
   * @param licenseNumber the license number
   * @return the status in effect afterwards
   * @throws FulfillmentException with {@code UNKNOWN_LICENSE} or {@code PROOF_REVOKED}
   * @since 0.2.0
   */
  public ProofStatus reinstate(LicenseNumber licenseNumber) {
    return reinstate(proofOf(licenseNumber));
  }

  private ProofId proofOf(LicenseNumber licenseNumber) {
    return findProof(licenseNumber).map(r -> r.proof().proofId()).orElseThrow(() ->
        new FulfillmentException(FulfillmentException.UNKNOWN_LICENSE, "no proof carries license number " + licenseNumber));
  }

  /**
   * Returns a whole digital order within its {@linkplain LicenseFulfillmentBuilder#returnWindow return
   * window}: revokes its proof in force (in its status list too), issues a credit note on each leg of
   * the chain naming the invoice it cancels, and mails the customer a notice. A call that failed
   * halfway is finished by the next one; nothing is done twice.
   *
   * @param orderId the order
   * @param reason why, in a few words
   * @return what the return did
   * @throws FulfillmentException with {@code UNKNOWN_ORDER}, {@code NOT_DIGITAL},
   *     {@code ALREADY_RETURNED} or {@code RETURN_WINDOW_CLOSED}
   * @throws dev.openproof.core.OpenProofException if a port failed; a later call finishes the return
   * @since 0.2.0
   */
  public ReturnResult returnOrder(OrderId orderId, String reason) {
    return returns.returnOrder(orderId, List.of(), reason);
  }

  /**
   * Returns some lines of a digital order: credits those lines on both legs, and replaces the proof
   * in force by a new proof of the lines kept, mailed to the customer. Naming every line is a whole
   * return. Otherwise as {@link #returnOrder(OrderId, String)}.
   *
   * @param orderId the order
   * @param skus the SKUs of the lines returned, at least one
   * @param reason why, in a few words
   * @return what the return did
   * @throws FulfillmentException as {@link #returnOrder(OrderId, String)}, or {@code UNKNOWN_LINE}
   * @since 0.2.0
   */
  public ReturnResult returnLines(OrderId orderId, List<String> skus, String reason) {
    Objects.requireNonNull(skus, "skus");
    if (skus.isEmpty()) {
      throw new IllegalArgumentException("name at least one SKU to return, or call returnOrder");
    }
    return returns.returnOrder(orderId, skus, reason);
  }

  /**
   * Transfers every license under an authorization to a new owner: issues new proofs of the same
   * entitlements to the new customer under a new authorization number, each naming the proof it
   * replaces, mails them, and revokes the old ones with the reason {@code transferred}. Calling it
   * again for the same authorization finishes or repeats the first transfer.
   *
   * @param authorizationNumber the authorization whose licenses move
   * @param newCustomer the new owner
   * @param reason why, in a few words
   * @return the new authorization and proofs
   * @throws dev.openproof.core.validation.InvalidOrderException if the new customer breaks input rules
   * @throws FulfillmentException with {@code UNKNOWN_AUTHORIZATION} or {@code NOTHING_TO_TRANSFER}
   * @since 0.2.0
   */
  public TransferResult transfer(AuthorizationNumber authorizationNumber, Customer newCustomer, String reason) {
    return transfers.transfer(authorizationNumber, newCustomer, reason);
  }

  /**
   * What a customer holds now: every entitlement in force, with the proofs it rests on. With {@code
   * includeEnded}, also what was returned, transferred or has ended, each marked so.
   *
   * @param customerId the customer's id
   * @param includeEnded whether to list entitlements no longer in force too
   * @return the summary, as of the workflow's clock
   * @since 0.2.0
   */
  public LicenseSummary summaryOfCustomer(String customerId, boolean includeEnded) {
    return summaries.ofCustomer(Objects.requireNonNull(customerId, "customerId"), includeEnded, now());
  }

  /**
   * What an authorization holds now, as {@link #summaryOfCustomer(String, boolean)}.
   *
   * @param authorizationNumber the authorization number
   * @param includeEnded whether to list entitlements no longer in force too
   * @return the summary, as of the workflow's clock
   * @since 0.2.0
   */
  public LicenseSummary summaryOfAuthorization(AuthorizationNumber authorizationNumber, boolean includeEnded) {
    return summaries.ofAuthorization(Objects.requireNonNull(authorizationNumber, "authorizationNumber"), includeEnded, now());
  }

  /**
   * Mails each customer whose subscription term or Software Assurance ends within one of the
   * {@linkplain LicenseFulfillmentBuilder#reminderDays reminder days} (30 and 7 by default) a reminder
   * in the customer's language, and the reseller a copy where {@linkplain
   * LicenseFulfillmentBuilder#resellerCopies configured}. Each reminder is sent once: it is recorded in
   * the ledger, so restarts and other instances do not send it again; one that could not be sent is
   * tried again by the next run.
   *
   * @param now the moment to count the days from, usually the clock's
   * @return what was sent
   * @since 0.2.0
   */
  public ReminderReport remindExpiring(Instant now) {
    return reminders.remind(Objects.requireNonNull(now, "now"));
  }
}
