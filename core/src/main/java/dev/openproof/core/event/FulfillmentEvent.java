package dev.openproof.core.event;

import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.CreditNote;
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
import java.util.List;

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

  /**
   * A credit note was issued on one leg of a returned order.
   *
   * @param orderId the order
   * @param creditNote the credit note
   * @param at when
   * @since 0.2.0
   */
  record CreditNoteIssued(OrderId orderId, CreditNote creditNote, Instant at) implements FulfillmentEvent {}

  /**
   * A proof was replaced by a new one: after a partial return, or a transfer.
   *
   * @param orderId the order both proofs belong to
   * @param replaced the old proof
   * @param replacement the new proof
   * @param licenseNumber the new proof's license number
   * @param at when
   * @since 0.2.0
   */
  record ProofReplaced(OrderId orderId, ProofId replaced, ProofId replacement, LicenseNumber licenseNumber, Instant at)
      implements FulfillmentEvent {}

  /**
   * An order was returned, in whole or in part, and every step of the return was done.
   *
   * @param orderId the order
   * @param skus the SKUs returned; empty when the whole order was
   * @param creditNotes the credit notes, one per leg
   * @param at when
   * @since 0.2.0
   */
  record OrderReturned(OrderId orderId, List<String> skus, List<CreditNote> creditNotes, Instant at)
      implements FulfillmentEvent {
    /** Copies the lists. */
    public OrderReturned {
      skus = List.copyOf(skus);
      creditNotes = List.copyOf(creditNotes);
    }
  }

  /**
   * One proof of an authorization was transferred to a new owner.
   *
   * @param orderId the order the proof belongs to
   * @param from the old authorization number
   * @param to the new owner's authorization number
   * @param newCustomerId the new owner
   * @param reason why
   * @param at when
   * @since 0.2.0
   */
  record LicenseTransferred(OrderId orderId, AuthorizationNumber from, AuthorizationNumber to, String newCustomerId,
      String reason, Instant at) implements FulfillmentEvent {}

  /**
   * A reminder that a term ends soon was sent.
   *
   * @param orderId the order of the proof
   * @param proofId the proof
   * @param reminder which reminder
   * @param messageId the message's identity
   * @param at when
   * @since 0.2.0
   */
  record ReminderSent(OrderId orderId, ProofId proofId, String reminder, String messageId, Instant at)
      implements FulfillmentEvent {}
}
