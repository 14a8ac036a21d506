package dev.openproof.core.port;

import dev.openproof.core.exchange.DeliveryFailure;
import dev.openproof.core.exchange.DeliveryKind;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.OrderClaim;
import dev.openproof.core.exchange.OrderRecord;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.model.DeliveryId;
import dev.openproof.core.model.DeliveryReceipt;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.PhysicalShipment;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.Revocation;
import dev.openproof.core.model.Route;
import dev.openproof.core.model.SignedProof;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * <p>Core ships an in-memory implementation; {@code jdbc-ledger} a durable one. Implementations must
 * be thread-safe.
 *
 * @since 0.1.0
 */
public interface ProofLedger extends AfterSaleLedger {

  /**
   * Registers the order if it is new and claims it for {@code owner}.
   *
   * @param orderId the order
   * @param owner the claiming workflow instance
   * @param now the current time
   * @param lease how long the claim holds unless released
   * @return {@link OrderClaim#ACQUIRED} if the caller now holds it (also when it held it already),
   *     {@link OrderClaim#HELD_BY_ANOTHER} if another owner's lease is live, or
   *     {@link OrderClaim#COMPLETED} if the order was fulfilled already
   */
  OrderClaim claimOrder(OrderId orderId, String owner, Instant now, Duration lease);

  /**
   * Keeps the digest of an order's content, the first time it is given; an order claimed before
   * keeps the digest recorded then. The workflow compares what comes back with the digest of the
   * order in hand, so the same order id with other content is refused instead of answered with the
   * first order's result. A ledger that keeps no digests returns the one given.
   *
   * @param orderId the order, claimed by the caller
   * @param digest the digest of the order's canonical content (at most 1000 ASCII characters)
   * @return the digest in effect: the one recorded first
   * @since 0.1.0
   */
  default String recordOrderDigest(OrderId orderId, String digest) {
    return digest;
  }

  /**
   * Reserves the id of an order's proof, the first time it is asked; later calls get the same id, so
   * that an attempt that failed before its proof was recorded (a signer down, a crash) and its retry
   * use one proof id, and one status list index. A ledger that keeps no reservations returns the
   * candidate.
   *
   * @param orderId the order, claimed by the caller
   * @param candidate the id to reserve where none is
   * @return the reserved id
   * @since 0.1.0
   */
  default ProofId reserveProofId(OrderId orderId, ProofId candidate) {
    return candidate;
  }

  /**
   * Releases a claim on an order; does nothing unless {@code owner} holds it.
   *
   * @param orderId the order
   * @param owner the owner that claimed it
   */
  void releaseOrder(OrderId orderId, String owner);

  /**
   * What is recorded of an order.
   *
   * @param orderId the order
   * @return the record, or empty if the order was never claimed
   */
  Optional<OrderRecord> findOrder(OrderId orderId);

  /**
   * Records an invoice; keeps the first one where the order has an invoice of this leg.
   *
   * @param invoice the invoice
   * @return the invoice recorded for the order's leg
   * @throws IllegalStateException if the order was never claimed
   */
  Invoice recordInvoice(Invoice invoice);

  /**
   * Records the physical shipment of a legacy order; keeps the first one.
   *
   * @param shipment the shipment
   * @return the shipment recorded for the order
   * @throws IllegalStateException if the order was never claimed
   */
  PhysicalShipment recordShipment(PhysicalShipment shipment);

  /**
   * Records the proof of a digital order together with its first delivery, pending (an outbox),
   * in one atomic step. Where the order has a proof already, keeps that one and ignores these.
   *
   * @param proof the proof
   * @param signedProof the proof as signed
   * @param firstDelivery its first delivery, of kind {@link DeliveryKind#ORIGINAL}
   * @param now when it is recorded, the earliest time of the first attempt
   * @return the proof recorded for the order
   * @throws IllegalStateException if the order was never claimed
   */
  ProofRecord recordProof(LicenseProof proof, SignedProof signedProof, DeliveryRequest firstDelivery, Instant now);

  /**
   * Marks an order fulfilled, by the given route.
   *
   * @param orderId the order
   * @param route the route it took
   * @throws IllegalStateException if the order was never claimed
   */
  void completeOrder(OrderId orderId, Route route);

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
}
