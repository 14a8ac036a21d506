package dev.openproof.core.fulfillment;

import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.PhysicalShipment;
import dev.openproof.core.model.Route;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What fulfilling an order came to, as the ledger records it: {@link Digital} (a proof sent to the
 * customer) or {@link Physical} (a legacy shipment to the distributor). Switch on the type, or use the
 * {@code Optional} views, which are empty for the other route.
 *
 * <p>{@code toString()} is a one-line summary for logs: the order, the route, whether it was replayed,
 * and for a digital order the license number, the proof id and the first delivery's status, such as
 * {@code FulfillmentResult[order=PO-1, route=DIGITAL, new, license=1234-5678-9012, proof=p-1,
 * delivery=DELIVERED]}. The token, the invoices and every address are left out, so a log line stays
 * short and carries no personal data.
 *
 * @since 0.1.0
 */
public sealed interface FulfillmentResult {

  /**
   * The order.
   *
   * @return the order id
   */
  OrderId orderId();

  /**
   * The route taken.
   *
   * @return {@link Route#DIGITAL} for a {@link Digital} result, {@link Route#PHYSICAL} for a {@link Physical} one
   */
  Route route();

  /**
   * The invoices of both legs.
   *
   * @return the invoices
   */
  List<Invoice> invoices();

  /**
   * Whether the order had been fulfilled before, and nothing was done now.
   *
   * @return {@code true} for a replay
   */
  boolean replayed();

  /**
   * The invoice of one leg.
   *
   * @param leg the leg
   * @return the invoice
   * @throws java.util.NoSuchElementException if there is none (never, for a result of {@code fulfill})
   */
  default Invoice invoice(InvoiceLeg leg) {
    return invoices().stream().filter(i -> i.leg() == leg).findFirst().orElseThrow();
  }

  /**
   * The issued proof.
   *
   * @return the proof of a digital order, or empty
   */
  default Optional<ProofRecord> issuedProof() {
    return this instanceof Digital digital ? Optional.of(digital.proof()) : Optional.empty();
  }

  /**
   * The first delivery of the proof.
   *
   * @return the delivery of a digital order, or empty
   */
  default Optional<DeliveryRecord> firstDelivery() {
    return this instanceof Digital digital ? Optional.of(digital.delivery()) : Optional.empty();
  }

  /**
   * Where the first delivery stands.
   *
   * @return the status, or empty for a physical order
   */
  default Optional<DeliveryStatus> deliveryStatus() {
    return firstDelivery().map(DeliveryRecord::status);
  }

  /**
   * The physical shipment.
   *
   * @return the shipment of a legacy order, or empty
   */
  default Optional<PhysicalShipment> physicalShipment() {
    return this instanceof Physical physical ? Optional.of(physical.shipment()) : Optional.empty();
  }

  /**
   * A digital order's result: its proof went, or is going, to the customer.
   *
   * @param orderId the order
   * @param invoices the invoices of both legs
   * @param proof the issued proof
   * @param delivery the first delivery of that proof
   * @param replayed {@code true} when the order had been fulfilled before and nothing was done now
   */
  record Digital(OrderId orderId, List<Invoice> invoices, ProofRecord proof, DeliveryRecord delivery, boolean replayed)
      implements FulfillmentResult {

    /** Checks that the parts are present and belong to one another. */
    public Digital {
      Objects.requireNonNull(orderId, "orderId");
      invoices = List.copyOf(Objects.requireNonNull(invoices, "invoices"));
      Objects.requireNonNull(proof, "proof");
      Objects.requireNonNull(delivery, "delivery");
      if (!delivery.request().proof().proofId().equals(proof.proof().proofId())) {
        throw new IllegalArgumentException("the delivery is not one of proof " + proof.proof().proofId());
      }
    }

    @Override
    public Route route() {
      return Route.DIGITAL;
    }

    @Override
    public String toString() {
      return "FulfillmentResult[order=" + orderId.value() + ", route=DIGITAL" + (replayed ? ", replayed" : ", new")
          + ", license=" + proof.proof().licenseNumber().value() + ", proof=" + proof.proof().proofId().value()
          + ", delivery=" + delivery.status() + "]";
    }
  }

  /**
   * A legacy order's result: the paper proof ships to the distributor.
   *
   * @param orderId the order
   * @param invoices the invoices of both legs
   * @param shipment the recorded shipment
   * @param replayed {@code true} when the order had been fulfilled before and nothing was done now
   */
  record Physical(OrderId orderId, List<Invoice> invoices, PhysicalShipment shipment, boolean replayed)
      implements FulfillmentResult {

    /** Checks that the parts are present. */
    public Physical {
      Objects.requireNonNull(orderId, "orderId");
      invoices = List.copyOf(Objects.requireNonNull(invoices, "invoices"));
      Objects.requireNonNull(shipment, "shipment");
    }

    @Override
    public Route route() {
      return Route.PHYSICAL;
    }

    @Override
    public String toString() {
      return "FulfillmentResult[order=" + orderId.value() + ", route=PHYSICAL" + (replayed ? ", replayed" : ", new")
          + ", shipment to the distributor]";
    }
  }
}
