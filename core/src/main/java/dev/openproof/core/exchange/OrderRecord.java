package dev.openproof.core.exchange;

import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.PhysicalShipment;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.Route;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the ledger knows of one order.
 *
 * @param orderId the order
 * @param completed whether every step of fulfillment was done
 * @param route the route taken, once decided; else {@code null}
 * @param invoices the invoices recorded, at most one per leg
 * @param shipment the physical shipment of a legacy order, or {@code null}
 * @param proofId the proof issued for a digital order, or {@code null}
 * @since 0.1.0
 */
public record OrderRecord(
    OrderId orderId,
    boolean completed,
    @Nullable Route route,
    List<Invoice> invoices,
    @Nullable PhysicalShipment shipment,
    @Nullable ProofId proofId) {

  /** Checks that the parts are present. */
  public OrderRecord {
    Objects.requireNonNull(orderId, "orderId");
    invoices = List.copyOf(Objects.requireNonNull(invoices, "invoices"));
  }

  /**
   * The invoice of a leg.
   *
   * @param leg the leg
   * @return the invoice, or empty if not yet recorded
   */
  public Optional<Invoice> invoice(InvoiceLeg leg) {
    return invoices.stream().filter(i -> i.leg() == leg).findFirst();
  }

  /**
   * The issued proof's id.
   *
   * @return the id, or empty when none was issued
   */
  public Optional<ProofId> issuedProofId() {
    return Optional.ofNullable(proofId);
  }

  /**
   * The physical shipment.
   *
   * @return the shipment of a legacy order, or empty
   */
  public Optional<PhysicalShipment> physicalShipment() {
    return Optional.ofNullable(shipment);
  }
}
