package dev.openproof.core.fulfillment;

import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.PhysicalShipment;
import dev.openproof.core.model.Route;
import dev.openproof.core.port.DeliveryRecord;
import dev.openproof.core.port.DeliveryStatus;
import dev.openproof.core.port.ProofRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What fulfilling an order came to, as the ledger records it.
 *
 * @param orderId the order
 * @param route the route taken
 * @param invoices the invoices of both legs
 * @param proof the proof of a digital order, else {@code null}
 * @param delivery the first delivery of that proof, else {@code null}
 * @param shipment the physical shipment of a legacy order, else {@code null}
 * @param replayed {@code true} when the order had been fulfilled before and nothing was done now
 * @since 0.1.0
 */
public record FulfillmentResult(
    OrderId orderId,
    Route route,
    List<Invoice> invoices,
    @Nullable ProofRecord proof,
    @Nullable DeliveryRecord delivery,
    @Nullable PhysicalShipment shipment,
    boolean replayed) {

  /** Checks that the parts are present and fit the route. */
  public FulfillmentResult {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(route, "route");
    invoices = List.copyOf(Objects.requireNonNull(invoices, "invoices"));
    if (route == Route.DIGITAL && (proof == null || delivery == null)) {
      throw new IllegalArgumentException("a digital result has a proof and a delivery");
    }
    if (route == Route.PHYSICAL && shipment == null) {
      throw new IllegalArgumentException("a physical result has a shipment");
    }
  }

  /**
   * The issued proof.
   *
   * @return the proof of a digital order, or empty
   */
  public Optional<ProofRecord> issuedProof() {
    return Optional.ofNullable(proof);
  }

  /**
   * The first delivery of the proof.
   *
   * @return the delivery of a digital order, or empty
   */
  public Optional<DeliveryRecord> firstDelivery() {
    return Optional.ofNullable(delivery);
  }

  /**
   * The physical shipment.
   *
   * @return the shipment of a legacy order, or empty
   */
  public Optional<PhysicalShipment> physicalShipment() {
    return Optional.ofNullable(shipment);
  }

  /**
   * The invoice of one leg.
   *
   * @param leg the leg
   * @return the invoice
   * @throws java.util.NoSuchElementException if there is none (never, for a result of {@code fulfill})
   */
  public Invoice invoice(InvoiceLeg leg) {
    return invoices.stream().filter(i -> i.leg() == leg).findFirst().orElseThrow();
  }

  /**
   * Where the first delivery stands.
   *
   * @return the status, or empty for a physical order
   */
  public Optional<DeliveryStatus> deliveryStatus() {
    return firstDelivery().map(DeliveryRecord::status);
  }

  /**
   * A one-line summary for logs: the order, the route, whether it was replayed, and for a digital
   * order the license number, the proof id and the first delivery's status. The token, the invoices
   * and every address are left out, so a log line stays short and carries no personal data.
   *
   * @return the summary, such as {@code FulfillmentResult[order=PO-1, route=DIGITAL, new,
   *     license=1234-5678-9012, proof=p-1, delivery=DELIVERED]}
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("FulfillmentResult[order=").append(orderId.value())
        .append(", route=").append(route).append(replayed ? ", replayed" : ", new");
    if (proof != null) {
      text.append(", license=").append(proof.proof().licenseNumber().value())
          .append(", proof=").append(proof.proof().proofId().value());
    }
    if (delivery != null) {
      text.append(", delivery=").append(delivery.status());
    }
    if (shipment != null) {
      text.append(", shipment to the distributor");
    }
    return text.append(']').toString();
  }
}
