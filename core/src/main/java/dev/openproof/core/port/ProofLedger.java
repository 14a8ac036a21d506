package dev.openproof.core.port;

import dev.openproof.core.exchange.DeliveryFailure;
import dev.openproof.core.exchange.DeliveryKind;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.FulfilledOrder;
import dev.openproof.core.exchange.IssuedProof;
import dev.openproof.core.exchange.OrderRecord;
import dev.openproof.core.exchange.ProofIssue;
import dev.openproof.core.model.Route;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.model.DeliveryId;
import dev.openproof.core.model.DeliveryReceipt;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.Revocation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The durable record of orders, invoices, proofs and deliveries, which makes fulfillment idempotent
 * and lets a later call finish what a failed one began; with {@link AfterSaleLedger}, what happens to
 * an issued license after the sale.
 *
 * <p>Every method is atomic. Each {@code record…} method is idempotent: recording what is already
 * recorded keeps the first record and changes nothing. Claims are leases: a claim whose lease has
 * expired may be taken by another owner, so a crashed instance's work is taken over.
 *
 * <p>{@link OrderLedger} holds the orders while they are fulfilled, one by one or in batches.
 *
 * <p>Core ships an in-memory implementation; {@code jdbc-ledger} a durable one. Implementations must
 * be thread-safe.
 *
 * @since 0.1.0
 */
public interface ProofLedger extends OrderLedger, AfterSaleLedger {

  /**
   * An issued proof.
   *
   * @param proofId the proof
   * @return the record, or empty if no such proof was issued
   */
  Optional<ProofRecord> findProof(ProofId proofId);

  /**
   * Every delivery of a proof, the first delivery first.
   *
   * @param proofId the proof
   * @return the deliveries, empty for an unknown proof
   */
  List<DeliveryRecord> deliveries(ProofId proofId);

  /**
   * The first delivery of a proof: the one recorded with it by {@link #recordProof}. Every recorded
   * proof has one. A ledger may answer this with a narrower query than {@link #deliveries}.
   *
   * @param proofId the proof
   * @return the first delivery, empty for an unknown proof
   */
  default Optional<DeliveryRecord> firstDelivery(ProofId proofId) {
    return deliveries(proofId).stream().findFirst();
  }

  /**
   * One delivery.
   *
   * @param deliveryId the delivery
   * @return the record, or empty if unknown
   */
  Optional<DeliveryRecord> findDelivery(DeliveryId deliveryId);

  /**
   * Records another delivery of an issued proof (a resend), pending.
   *
   * @param request the delivery, of kind {@link DeliveryKind#RESEND}
   * @param now when it is recorded, the earliest time of its first attempt
   * @return the record
   * @throws IllegalStateException if its proof is unknown
   */
  DeliveryRecord addDelivery(DeliveryRequest request, Instant now);

  /**
   * Claims one pending delivery whose next attempt is due.
   *
   * @param deliveryId the delivery
   * @param owner the claiming workflow instance
   * @param now the current time
   * @param lease how long the claim holds unless a result is recorded
   * @return {@code true} if the caller now holds it
   */
  boolean claimDelivery(DeliveryId deliveryId, String owner, Instant now, Duration lease);

  /**
   * Claims up to {@code max} pending deliveries whose next attempt is due and that no live lease
   * holds, oldest first.
   *
   * @param owner the claiming workflow instance
   * @param now the current time
   * @param lease how long each claim holds unless a result is recorded
   * @param max the most to claim, at least 1
   * @return the claimed deliveries
   */
  List<DeliveryRequest> claimPendingDeliveries(String owner, Instant now, Duration lease, int max);

  /**
   * Records that a delivery succeeded; releases its claim. Keeps the first receipt.
   *
   * @param receipt the receipt
   * @return the delivery's record
   * @throws IllegalStateException if the delivery is unknown
   */
  DeliveryRecord recordDelivered(DeliveryReceipt receipt);

  /**
   * Records a failed attempt and releases the claim. A delivered record is left as it is.
   *
   * @param deliveryId the delivery
   * @param failure what went wrong
   * @param retryAt when to try again, or {@code null} to mark the delivery failed for good
   * @return the delivery's record
   * @throws IllegalStateException if the delivery is unknown
   */
  DeliveryRecord recordDeliveryFailure(DeliveryId deliveryId, DeliveryFailure failure, @Nullable Instant retryAt);

  /**
   * Records a proof's revocation; keeps the first one.
   *
   * @param revocation the revocation
   * @return the revocation recorded for the proof
   * @throws IllegalStateException if the proof is unknown
   */
  Revocation recordRevocation(Revocation revocation);

  /**
   * An order with its proof and the proof's first delivery, in one call: what a replayed order's
   * result is built from.
   *
   * @param orderId the order
   * @return what is recorded, or empty if the order was never claimed
   * @since 0.2.0
   */
  default Optional<FulfilledOrder> findFulfilledOrder(OrderId orderId) {
    return findOrder(orderId).map(order -> {
      Optional<ProofRecord> proof = order.issuedProofId().flatMap(this::findProof);
      return new FulfilledOrder(order, proof.orElse(null),
          proof.flatMap(p -> firstDelivery(p.proof().proofId())).orElse(null));
    });
  }

  /**
   * {@link #claimDelivery} of several deliveries at once.
   *
   * @param deliveryIds the deliveries, each once
   * @param owner the claiming workflow instance
   * @param now the current time
   * @param lease how long each claim holds unless a result is recorded
   * @return for each delivery, in the same order, whether the caller now holds it
   * @since 0.2.0
   */
  default List<Boolean> claimDeliveries(List<DeliveryId> deliveryIds, String owner, Instant now, Duration lease) {
    List<Boolean> claimed = new ArrayList<>(deliveryIds.size());
    for (DeliveryId deliveryId : deliveryIds) {
      claimed.add(claimDelivery(deliveryId, owner, now, lease));
    }
    return claimed;
  }

  /**
   * {@link #recordDelivered} of several deliveries at once.
   *
   * @param receipts the receipts, one per delivery
   * @return each delivery's record, in the same order
   * @throws IllegalStateException if a delivery is unknown
   * @since 0.2.0
   */
  default List<DeliveryRecord> recordDeliveredAll(List<DeliveryReceipt> receipts) {
    List<DeliveryRecord> records = new ArrayList<>(receipts.size());
    for (DeliveryReceipt receipt : receipts) {
      records.add(recordDelivered(receipt));
    }
    return records;
  }

  /**
   * Records a batch of digital orders, in one transaction where the ledger can: for each, its
   * invoices ({@link OrderLedger#recordInvoice}), its proof with the first delivery pending ({@link
   * OrderLedger#recordProof}), and its completion by the digital route ({@link OrderLedger#completeOrder}). What was
   * recorded before is kept, as each of those methods keeps it; where an order has a proof already,
   * the ledger keeps that one and ignores this one, so the caller compares the returned proof with
   * its own.
   *
   * @param issues the orders, each claimed by the caller and each once
   * @return each order as recorded afterwards, with its proof and first delivery, in the same order
   * @throws IllegalStateException if an order was never claimed
   * @since 0.2.0
   */
  default List<FulfilledOrder> recordIssuedProofs(List<ProofIssue> issues) {
    List<FulfilledOrder> records = new ArrayList<>(issues.size());
    for (ProofIssue issue : issues) {
      recordInvoices(issue.invoices());
      ProofRecord kept = recordProof(issue.proof(), issue.signedProof(), issue.delivery(), issue.now());
      completeOrder(issue.orderId(), Route.DIGITAL);
      OrderRecord order = findOrder(issue.orderId()).orElseThrow(() ->
          new IllegalStateException("order " + issue.orderId() + " was never claimed"));
      DeliveryRecord first = kept.proof().proofId().equals(issue.proof().proofId())
          ? DeliveryRecord.pending(new DeliveryRequest(issue.delivery().deliveryId(), DeliveryKind.ORIGINAL, null,
              kept.recipient(), kept.proof(), kept.signedProof()), issue.now())
          : firstDelivery(kept.proof().proofId()).orElseThrow(() ->
              new IllegalStateException("proof " + kept.proof().proofId() + " has no first delivery"));
      records.add(new FulfilledOrder(order, kept, first));
    }
    return records;
  }
  /**
   * {@link #recordIssuedProofs(List)}, with the first delivery of each proof this call records claimed
   * for {@code deliveryOwner} as {@link #claimDeliveries} would claim it, in the same step where the
   * ledger can.
   *
   * @param issues the orders, each claimed by the caller and each once
   * @param deliveryOwner who claims the first deliveries, or {@code null} to leave them pending and unclaimed
   * @param deliveryLease how long those claims hold unless a result is recorded
   * @return for each order, in the same order, what is recorded and whether {@code deliveryOwner} holds its first delivery
   * @throws IllegalStateException if an order was never claimed
   * @since 0.2.0
   */
  default List<IssuedProof> recordIssuedProofs(List<ProofIssue> issues, @Nullable String deliveryOwner, Duration deliveryLease) {
    List<FulfilledOrder> kept = recordIssuedProofs(issues);
    List<DeliveryId> ours = new ArrayList<>();
    for (int k = 0; k < issues.size(); k++) {
      if (Objects.requireNonNull(kept.get(k).proof()).proof().proofId().equals(issues.get(k).proof().proofId())) {
        ours.add(issues.get(k).delivery().deliveryId());
      }
    }
    List<Boolean> claimed = deliveryOwner == null || ours.isEmpty() ? List.of()
        : claimDeliveries(ours, deliveryOwner, issues.get(0).now(), deliveryLease);
    List<IssuedProof> issued = new ArrayList<>(issues.size());
    for (int k = 0; k < issues.size(); k++) {
      FulfilledOrder order = kept.get(k);
      DeliveryRecord first = Objects.requireNonNull(order.delivery());
      int mine = ours.indexOf(first.request().deliveryId());
      issued.add(new IssuedProof(issues.get(k).invoices().stream().map(i -> order.order().invoice(i.leg()).orElseThrow()).toList(),
          Objects.requireNonNull(order.proof()), first, mine >= 0 && !claimed.isEmpty() && claimed.get(mine)));
    }
    return issued;
  }

  /**
   * Records one order's new invoices, its proof and the proof's first delivery in one step where the
   * ledger can: {@link #recordInvoices}, then {@link #recordProof}, and where {@code deliveryOwner}
   * is given and the proof recorded is this one, the first delivery is claimed for it as {@link
   * #claimDelivery} would claim it. The order is not completed.
   *
   * @param issue the order's invoices (possibly none), proof, signed proof and first delivery; the order
   *     claimed by the caller
   * @param deliveryOwner who claims the first delivery, or {@code null} to leave it pending and unclaimed
   * @param deliveryLease how long that claim holds unless a result is recorded
   * @return what is recorded, and whether {@code deliveryOwner} holds the first delivery
   * @throws IllegalStateException if the order was never claimed
   * @since 0.2.0
   */
  default IssuedProof recordIssuedProof(ProofIssue issue, @Nullable String deliveryOwner, Duration deliveryLease) {
    List<Invoice> invoices = recordInvoices(issue.invoices());
    ProofRecord kept = recordProof(issue.proof(), issue.signedProof(), issue.delivery(), issue.now());
    if (!kept.proof().proofId().equals(issue.proof().proofId())) {
      DeliveryRecord first = firstDelivery(kept.proof().proofId()).orElseThrow(() ->
          new IllegalStateException("proof " + kept.proof().proofId() + " has no first delivery"));
      return new IssuedProof(invoices, kept, first, false);
    }
    DeliveryRecord first = DeliveryRecord.pending(new DeliveryRequest(issue.delivery().deliveryId(), DeliveryKind.ORIGINAL,
        null, kept.recipient(), kept.proof(), kept.signedProof()), issue.now());
    boolean claimed = deliveryOwner != null
        && claimDelivery(first.request().deliveryId(), deliveryOwner, issue.now(), deliveryLease);
    return new IssuedProof(invoices, kept, first, claimed);
  }

  /**
   * {@link #recordDelivered} and {@link #completeOrder} by the digital route, in one step where the
   * ledger can: the first delivery of an order's proof sent, the order is done.
   *
   * @param receipt the receipt of the order's first delivery
   * @param orderId the order, claimed by the caller
   * @return the delivery's record
   * @throws IllegalStateException if the delivery is unknown or the order was never claimed
   * @since 0.2.0
   */
  default DeliveryRecord recordDeliveredAndComplete(DeliveryReceipt receipt, OrderId orderId) {
    DeliveryRecord record = recordDelivered(receipt);
    completeOrder(orderId, Route.DIGITAL);
    return record;
  }
}
