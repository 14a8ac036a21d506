package dev.openproof.core.event;

import dev.openproof.core.model.DeliveryId;
import dev.openproof.core.model.DeliveryReceipt;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.PhysicalShipment;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.Revocation;
import dev.openproof.core.exchange.DeliveryFailure;
import dev.openproof.core.exchange.DeliveryKind;
import java.time.Instant;

/**
 * Something the workflow did, after the ledger recorded it.
 *
 * @since 0.1.0
 */
public sealed interface FulfillmentEvent {
  /**
   * The order it concerns.
   *
   * @return the order id
   */
  OrderId orderId();

  /**
   * When it happened, by the workflow's clock.
   *
   * @return the instant
   */
  Instant at();

  /**
   * An invoice of one leg was issued.
   *
   * @param orderId the order
   * @param invoice the invoice
   * @param at when
   */
  record InvoiceIssued(OrderId orderId, Invoice invoice, Instant at) implements FulfillmentEvent {}

  /**
   * A legacy order's paper certificate was recorded as shipped to the distributor.
   *
   * @param orderId the order
   * @param shipment the shipment
   * @param at when
   */
  record PhysicalShipmentRecorded(OrderId orderId, PhysicalShipment shipment, Instant at)
      implements FulfillmentEvent {}

  /**
   * A proof was signed and recorded.
   *
   * @param orderId the order
   * @param proofId the proof
   * @param licenseNumber its license number
   * @param at when
   */
  record ProofIssued(OrderId orderId, ProofId proofId, LicenseNumber licenseNumber, Instant at)
      implements FulfillmentEvent {}

  /**
   * A proof reached the customer's mail system.
   *
   * @param orderId the order
   * @param kind first delivery or resend
   * @param receipt the receipt
   * @param at when
   */
  record ProofDelivered(OrderId orderId, DeliveryKind kind, DeliveryReceipt receipt, Instant at)
      implements FulfillmentEvent {}

  /**
   * A delivery attempt failed.
   *
   * @param orderId the order
   * @param deliveryId the delivery
   * @param failure what went wrong
   * @param willRetry whether the delivery stays pending and is tried again
   * @param at when
   */
  record DeliveryFailed(OrderId orderId, DeliveryId deliveryId, DeliveryFailure failure, boolean willRetry, Instant at)
      implements FulfillmentEvent {}

  /**
   * A proof was revoked.
   *
   * @param orderId the order
   * @param revocation the revocation
   * @param at when
   */
  record ProofRevoked(OrderId orderId, Revocation revocation, Instant at) implements FulfillmentEvent {}
}
