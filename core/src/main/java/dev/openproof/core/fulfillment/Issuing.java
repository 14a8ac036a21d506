package dev.openproof.core.fulfillment;

import dev.openproof.core.event.FulfillmentEvent;
import dev.openproof.core.exchange.DeliveryOutcome;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.exchange.FailureKind;
import dev.openproof.core.exchange.FulfilledOrder;
import dev.openproof.core.exchange.OrderClaim;
import dev.openproof.core.exchange.OrderRecord;
import dev.openproof.core.exchange.OrderStart;
import dev.openproof.core.exchange.IssuedProof;
import dev.openproof.core.exchange.ProofIssue;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.PhysicalShipment;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.Route;
import dev.openproof.core.validation.InvalidOrderException;
import dev.openproof.core.validation.Violation;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Issuing: fulfilling an order (invoices, then the proof or the shipment) and sending the deliveries
 * left pending. Each step is recorded before the next begins. Thread-safe.
 */
final class Issuing {
  private static final System.Logger LOG = System.getLogger(LicenseFulfillment.class.getName());
  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  private final Workflow workflow;
  private final FulfillmentSettings settings;

  Issuing(Workflow workflow) {
    this.workflow = workflow;
    this.settings = workflow.settings;
  }

  FulfillmentResult fulfill(Order order) {
    settings.validator().check(order);
    Route route = settings.transitionPolicy().route(order);
    refuseIfEveryTermEnded(order, route);
    String owner = workflow.owner();
    String digest = OrderDigest.of(order);
    // One proof id per order, reserved with the claim: a retry keeps it, and with it its status index.
    ProofId candidate = route == Route.DIGITAL ? settings.ids().newProofId() : null;
    long waitedMillis = 0;
    long pause = 2;
    while (true) {
      OrderStart start = workflow.ledger().startOrder(order.orderId(), digest, candidate, owner, workflow.now(),
          settings.orderLease());
      if (start.claim() == OrderClaim.COMPLETED) {
        refuseIfContentDiffers(order);
        return recordedResult(order.orderId(), true);
      }
      if (start.claim() == OrderClaim.ACQUIRED) {
        return fulfillClaimed(order, route, owner, start, digest);
      }
      if (waitedMillis >= settings.claimWait().toMillis()) {
        throw new FulfillmentException(FulfillmentException.Reason.ORDER_IN_PROGRESS,
            "order " + order.orderId() + " is being fulfilled by another instance; try again later");
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
    String recorded = workflow.ledger().recordOrderDigest(order.orderId(), digest);
    if (!recorded.equals(digest)) {
      throw IssuingSteps.conflict(order.orderId(), recorded, digest);
    }
  }

  /**
   * A digital proof of rights that have all ended would be expired when issued: such an order is
   * refused before anything is stored, unless it was fulfilled before.
   */
  void refuseIfEveryTermEnded(Order order, Route route) {
    if (route != Route.DIGITAL) {
      return;
    }
    Optional<Instant> expiry = LicenseProof.expiryOf(order.lines().stream().map(Entitlement::of).toList());
    if (expiry.isPresent() && !expiry.get().isAfter(workflow.now())
        && workflow.ledger().findOrder(order.orderId()).filter(OrderRecord::completed).isEmpty()) {
      throw new InvalidOrderException("order " + order.orderId(), List.of(new Violation("lines",
          "every term has ended (the last on " + DAY.format(expiry.get().minusSeconds(1))
              + "); a proof issued now would already be expired")));
    }
  }

  private FulfillmentResult fulfillClaimed(Order order, Route route, String owner, OrderStart start, String digest) {
    boolean completed = false;
    Instant claimedAt = workflow.now();
    try {
      if (!digest.equals(start.digest())) {
        throw IssuingSteps.conflict(order.orderId(), String.valueOf(start.digest()), digest);
      }
      OrderRecord record = Objects.requireNonNull(start.order(), "the ledger started an order without its record");
      if (route == Route.PHYSICAL) {
        List<Invoice> invoices = invoiceBothLegs(order, record);
        PhysicalShipment shipment = recordShipment(order, record);
        workflow.ledger().completeOrder(order.orderId(), route);
        completed = true;
        return new FulfillmentResult.Physical(order.orderId(), invoices, shipment, false);
      }
      Issued issued = record.issuedProofId().isPresent() ? recorded(order, record) : issueProof(order, record, start.proofId());
      DeliveryRecord first = issued.first();
      renewLeaseIfDue(order.orderId(), owner, claimedAt);
      if (first.status() == DeliveryStatus.PENDING && !settings.deferDelivery()) {
        if (issued.claimed()) {
          Workflow.Sent sent = workflow.send(first.request(), order.orderId());
          first = sent.record();
          completed = sent.completed();
        } else {
          first = workflow.attempt(first.request());
        }
      }
      if (!completed) {
        workflow.ledger().completeOrder(order.orderId(), route);
        completed = true;
      }
      return new FulfillmentResult.Digital(order.orderId(), issued.invoices(), issued.proof(), first, false);
    } finally {
      if (!completed) {
        // A completed order needs no release: no one can claim it again.
        workflow.ledger().releaseOrder(order.orderId(), owner);
      }
    }
  }

  /** An order's proof as issued, with its invoices, its first delivery and whether this call holds that delivery. */
  private record Issued(List<Invoice> invoices, ProofRecord proof, DeliveryRecord first, boolean claimed) {}

  /** The proof an earlier call issued for the order: its invoices are all recorded. */
  private Issued recorded(Order order, OrderRecord record) {
    FulfilledOrder found = workflow.ledger().findFulfilledOrder(order.orderId()).filter(f -> f.proof() != null).orElseThrow(() ->
        new IllegalStateException("the ledger holds order " + order.orderId() + " with a proof id but no proof"));
    List<Invoice> invoices = invoiceBothLegs(order, record);
    return new Issued(invoices, Objects.requireNonNull(found.proof()), Objects.requireNonNull(found.delivery()), false);
  }

  /** Issues the legs not yet invoiced and records them in one step; returns both legs' invoices, as recorded. */
  private List<Invoice> invoiceBothLegs(Order order, OrderRecord record) {
    Instant now = workflow.now();
    List<Invoice> issued = new ArrayList<>(2);
    try {
      IssuingSteps.issueMissing(settings, order, record, now, issued);
    } catch (RuntimeException e) {
      // The legs issued before the failure are kept, so a retry issues only the others.
      recordInvoices(order, issued, now);
      throw e;
    }
    return issued.isEmpty() ? record.invoices() : IssuingSteps.merged(record, recordInvoices(order, issued, now));
  }

  private List<Invoice> recordInvoices(Order order, List<Invoice> issued, Instant now) {
    if (issued.isEmpty()) {
      return issued;
    }
    return published(order, workflow.ledger().recordInvoices(issued), now);
  }

  /** Publishes an {@code InvoiceIssued} event for each invoice just recorded; returns them. */
  private List<Invoice> published(Order order, List<Invoice> recorded, Instant now) {
    recorded.forEach(invoice -> workflow.publish(new FulfillmentEvent.InvoiceIssued(order.orderId(), invoice, now)));
    return recorded;
  }

  private PhysicalShipment recordShipment(Order order, OrderRecord record) {
    if (record.physicalShipment().isPresent()) {
      return record.physicalShipment().get();
    }
    Instant now = workflow.now();
    List<Entitlement> entitlements = order.lines().stream().map(Entitlement::of).toList();
    PhysicalShipment shipment = workflow.ledger().recordShipment(
        new PhysicalShipment(order.orderId(), order.distributor().ref(), entitlements, now));
    workflow.publish(new FulfillmentEvent.PhysicalShipmentRecorded(order.orderId(), shipment, now));
    return shipment;
  }

  /**
   * Issues the missing invoices, builds and signs the order's proof, and records them in one step
   * with the first delivery, claimed for this call unless delivery is deferred. Invoices issued
   * before a failure are recorded, so a retry issues only the others.
   */
  private Issued issueProof(Order order, OrderRecord record, @Nullable ProofId reserved) {
    Instant now = workflow.now();
    ProofId proofId = reserved != null ? reserved : workflow.ledger().reserveProofId(order.orderId(), settings.ids().newProofId());
    List<Invoice> issued = new ArrayList<>(2);
    DeliveryRequest first;
    try {
      IssuingSteps.issueMissing(settings, order, record, now, issued);
      first = IssuingSteps.signedFirstDelivery(settings, order, proofId, now);
    } catch (RuntimeException e) {
      recordInvoices(order, issued, now);
      throw e;
    }
    IssuedProof kept = workflow.ledger().recordIssuedProof(new ProofIssue(issued, first.proof(), first.signedProof(), first, now),
        settings.deferDelivery() ? null : workflow.owner(), settings.deliveryLease());
    List<Invoice> recorded = published(order, kept.invoices(), now);
    List<Invoice> invoices = issued.isEmpty() ? record.invoices() : IssuingSteps.merged(record, recorded);
    if (!kept.proof().proof().proofId().equals(proofId)) {
      // Another instance recorded a proof first (this one's lease had run out): that proof stands.
      return new Issued(invoices, kept.proof(), kept.delivery(), false);
    }
    workflow.publish(new FulfillmentEvent.ProofIssued(order.orderId(), proofId, kept.proof().proof().licenseNumber(), now));
    return new Issued(invoices, kept.proof(), kept.delivery(), kept.claimed());
  }

  RedeliveryReport redeliverPending() {
    int delivered = 0;
    int retrying = 0;
    int failed = 0;
    int misconfigured = 0;
    while (misconfigured == 0) {
      List<DeliveryRequest> batch = workflow.ledger().claimPendingDeliveries(
          workflow.owner(), workflow.now(), settings.deliveryLease(), settings.batchSize());
      if (batch.isEmpty()) {
        break;
      }
      List<DeliveryOutcome> outcomes = settings.delivery().deliverAll(batch);
      for (DeliveryRecord after : workflow.recordAll(outcomes)) {
        switch (after.status()) {
          case DELIVERED -> delivered++;
          case FAILED -> failed++;
          case PENDING -> retrying++;
        }
      }
      // Those due again at once, so that a later run with fixed settings sends them; this run stops here.
      misconfigured += (int) outcomes.stream().filter(Issuing::isMisconfigured).count();
    }
    return new RedeliveryReport(delivered + retrying + failed, delivered, retrying, failed, misconfigured);
  }

  private static boolean isMisconfigured(DeliveryOutcome outcome) {
    return outcome instanceof DeliveryOutcome.Failed failed && failed.failure().kind() == FailureKind.CONFIGURATION;
  }

  /**
   * Extends this call's lease on the order before the delivery, once half of it has passed since
   * the claim, so that a slow port (a signer, a mail server) does not let another instance take
   * over an order in flight; a fast call renews nothing and saves the commit.
   */
  private void renewLeaseIfDue(OrderId orderId, String owner, Instant claimedAt) {
    if (workflow.now().isBefore(claimedAt.plus(settings.orderLease().dividedBy(2)))) {
      return;
    }
    if (workflow.ledger().claimOrder(orderId, owner, workflow.now(), settings.orderLease()) != OrderClaim.ACQUIRED) {
      LOG.log(System.Logger.Level.WARNING, "the lease on order {0} was lost; the ledger keeps the first proof", orderId);
    }
  }

  Optional<FulfillmentResult> find(OrderId orderId) {
    return workflow.ledger().findFulfilledOrder(orderId).filter(f -> f.order().completed()).map(f -> IssuingSteps.result(f, true));
  }

  private FulfillmentResult recordedResult(OrderId orderId, boolean replayed) {
    return IssuingSteps.result(workflow.ledger().findFulfilledOrder(orderId).orElseThrow(), replayed);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FulfillmentException(FulfillmentException.Reason.ORDER_IN_PROGRESS, "interrupted while waiting for another instance");
    }
  }
}
