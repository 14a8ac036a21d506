package dev.openproof.core.memory;

import dev.openproof.core.exchange.OrderClaim;
import dev.openproof.core.exchange.OrderRecord;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.PhysicalShipment;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.Route;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One order as an {@link InMemoryProofLedger} holds it. Not thread-safe: guarded by the ledger's lock. */
final class InMemoryOrder {
  final OrderId orderId;
  final Map<InvoiceLeg, Invoice> invoices = new EnumMap<>(InvoiceLeg.class);
  @Nullable String owner;
  @Nullable Instant leaseUntil;
  boolean completed;
  @Nullable Route route;
  @Nullable PhysicalShipment shipment;
  @Nullable ProofId proofId;

  InMemoryOrder(OrderId orderId) {
    this.orderId = orderId;
  }

  OrderClaim claim(String newOwner, Instant until, Instant now) {
    if (completed) {
      return OrderClaim.COMPLETED;
    }
    if (owner != null && !owner.equals(newOwner) && leaseUntil != null && leaseUntil.isAfter(now)) {
      return OrderClaim.HELD_BY_ANOTHER;
    }
    owner = newOwner;
    leaseUntil = until;
    return OrderClaim.ACQUIRED;
  }

  void release() {
    owner = null;
    leaseUntil = null;
  }

  OrderRecord toRecord() {
    return new OrderRecord(orderId, completed, route, List.copyOf(invoices.values()), shipment, proofId);
  }
}
