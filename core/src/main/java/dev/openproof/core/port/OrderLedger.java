package dev.openproof.core.port;

import dev.openproof.core.exchange.DeliveryKind;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.OrderClaim;
import dev.openproof.core.exchange.OrderRecord;
import dev.openproof.core.exchange.OrderStart;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.PhysicalShipment;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.Route;
import dev.openproof.core.model.SignedProof;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The part of the {@link ProofLedger} that keeps orders while they are fulfilled: claims, digests,
 * invoices, the proof of an order or its shipment, and completion; one order at a time, or a batch
 * of them at once. Its rules are the ledger's: every method is atomic (a batch method: for each
 * order), each {@code record…} method is idempotent, and implementations are thread-safe.
 *
 * <p>Implement {@link ProofLedger}, which extends this interface. The batch methods have defaults
 * built from the single ones, correct but with a round trip per order; a ledger where round trips
 * or commits cost overrides them.
 *
 * @since 0.2.0
 */
public interface OrderLedger {
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
   * {@link #claimOrder} of several orders at once, in one statement where the ledger can.
   *
   * @param orderIds the orders, each once
   * @param owner the claiming workflow instance
   * @param now the current time
   * @param lease how long each claim holds unless released
   * @return one claim per order, in the same order
   * @since 0.2.0
   */
  default List<OrderClaim> claimOrders(List<OrderId> orderIds, String owner, Instant now, Duration lease) {
    List<OrderClaim> claims = new ArrayList<>(orderIds.size());
    for (OrderId orderId : orderIds) {
      claims.add(claimOrder(orderId, owner, now, lease));
    }
    return claims;
  }

  /**
   * {@link #recordOrderDigest} of several orders at once.
   *
   * @param digests each order's digest, the orders claimed by the caller
   * @return each order's digest in effect, under the same keys
   * @since 0.2.0
   */
  default Map<OrderId, String> recordOrderDigests(Map<OrderId, String> digests) {
    Map<OrderId, String> recorded = new LinkedHashMap<>();
    digests.forEach((orderId, digest) -> recorded.put(orderId, recordOrderDigest(orderId, digest)));
    return recorded;
  }

  /**
   * {@link #reserveProofId} of several orders at once.
   *
   * @param candidates each order's candidate id, the orders claimed by the caller
   * @return each order's reserved id, under the same keys
   * @since 0.2.0
   */
  default Map<OrderId, ProofId> reserveProofIds(Map<OrderId, ProofId> candidates) {
    Map<OrderId, ProofId> reserved = new LinkedHashMap<>();
    candidates.forEach((orderId, candidate) -> reserved.put(orderId, reserveProofId(orderId, candidate)));
    return reserved;
  }

  /**
   * {@link #findOrder} of several orders at once.
   *
   * @param orderIds the orders
   * @return the record of each order the ledger knows, keyed by its id; unknown orders are left out
   * @since 0.2.0
   */
  default Map<OrderId, OrderRecord> findOrders(Collection<OrderId> orderIds) {
    Map<OrderId, OrderRecord> found = new LinkedHashMap<>();
    for (OrderId orderId : orderIds) {
      findOrder(orderId).ifPresent(record -> found.put(orderId, record));
    }
    return found;
  }

  /**
   * Records the invoices of one order, both legs in one step where the ledger can; as {@link
   * #recordInvoice} for each.
   *
   * @param invoices the invoices, at most one per leg
   * @return the invoice recorded for each one's leg, in the same order
   * @throws IllegalStateException if an order was never claimed
   * @since 0.2.0
   */
  default List<Invoice> recordInvoices(List<Invoice> invoices) {
    List<Invoice> kept = new ArrayList<>(invoices.size());
    for (Invoice invoice : invoices) {
      kept.add(recordInvoice(invoice));
    }
    return kept;
  }
  /**
   * Claims an order and, where the caller acquired it, records its digest as {@link
   * #recordOrderDigest} does, and where that digest is the one in effect, reads the order and
   * reserves its proof id as {@link #reserveProofId} does (unless it has a proof, or no candidate is
   * given): the first steps of fulfilling an order, which a ledger may take in one statement for a
   * new order. Should a step after the claim fail, the claim is released.
   *
   * @param orderId the order
   * @param digest the digest of the order's content (at most 1000 ASCII characters)
   * @param candidate the proof id to reserve where the order has none, or {@code null} to reserve none
   * @param owner the claiming workflow instance
   * @param now the current time
   * @param lease how long the claim holds unless released
   * @return the claim, with the digest in effect, the proof id and the order's record where acquired
   * @since 0.2.0
   */
  default OrderStart startOrder(OrderId orderId, String digest, @Nullable ProofId candidate, String owner, Instant now,
      Duration lease) {
    OrderClaim claim = claimOrder(orderId, owner, now, lease);
    if (claim != OrderClaim.ACQUIRED) {
      return OrderStart.notAcquired(claim);
    }
    try {
      String recorded = recordOrderDigest(orderId, digest);
      if (!recorded.equals(digest)) {
        return new OrderStart(claim, recorded, null, null);
      }
      OrderRecord order = findOrder(orderId).orElseThrow(() ->
          new IllegalStateException("order " + orderId + " was claimed but cannot be read"));
      ProofId proofId = candidate == null || order.issuedProofId().isPresent() ? null : reserveProofId(orderId, candidate);
      return new OrderStart(claim, recorded, proofId, order);
    } catch (RuntimeException e) {
      releaseQuietly(orderId, owner, e);
      throw e;
    }
  }

  /**
   * {@link #startOrder} of many orders at once.
   *
   * @param digests each order's digest, each order once
   * @param candidates the proof id to reserve for each order that has none; an order left out gets none
   * @param owner the claiming workflow instance
   * @param now the current time
   * @param lease how long each claim holds unless released
   * @return each order's answer, in the order of {@code digests}
   * @since 0.2.0
   */
  default Map<OrderId, OrderStart> startOrders(Map<OrderId, String> digests, Map<OrderId, ProofId> candidates, String owner,
      Instant now, Duration lease) {
    Map<OrderId, OrderStart> starts = new LinkedHashMap<>();
    try {
      digests.forEach((orderId, digest) ->
          starts.put(orderId, startOrder(orderId, digest, candidates.get(orderId), owner, now, lease)));
    } catch (RuntimeException e) {
      starts.forEach((orderId, start) -> {
        if (start.claim() == OrderClaim.ACQUIRED) {
          releaseQuietly(orderId, owner, e);
        }
      });
      throw e;
    }
    return starts;
  }

  private void releaseQuietly(OrderId orderId, String owner, RuntimeException cause) {
    try {
      releaseOrder(orderId, owner);
    } catch (RuntimeException e) {
      cause.addSuppressed(e); // the lease runs out by itself
    }
  }
}
