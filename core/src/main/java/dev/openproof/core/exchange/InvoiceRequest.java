package dev.openproof.core.exchange;

import dev.openproof.core.model.InvoiceId;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.Order;
import java.time.Instant;
import java.util.Objects;

/**
 * A request to invoice one leg of an order.
 *
 * @param invoiceId the invoice's identifier: the same for every retry of this leg of this order, so
 *     that the invoicing system can recognise a repeated request
 * @param leg which leg
 * @param order the order
 * @param issuedAt the invoice date
 * @since 0.1.0
 */
public record InvoiceRequest(InvoiceId invoiceId, InvoiceLeg leg, Order order, Instant issuedAt) {
  /** Checks that the parts are present. */
  public InvoiceRequest {
    Objects.requireNonNull(invoiceId, "invoiceId");
    Objects.requireNonNull(leg, "leg");
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(issuedAt, "issuedAt");
  }
}
