package dev.openproof.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An invoice of one leg of the chain for one order.
 *
 * @param id the invoice's identifier
 * @param leg which leg: vendor to distributor, or distributor to reseller
 * @param orderId the order invoiced
 * @param seller who invoices
 * @param buyer who is invoiced
 * @param lines the lines, at least one
 * @param total the sum of the lines' amounts
 * @param issuedAt when the invoice was issued
 * @since 0.1.0
 */
public record Invoice(
    InvoiceId id,
    InvoiceLeg leg,
    OrderId orderId,
    PartyRef seller,
    PartyRef buyer,
    List<InvoiceLine> lines,
    Money total,
    Instant issuedAt) {

  /** Checks that the parts are present and that the total is the exact sum of the lines. */
  public Invoice {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(leg, "leg");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(seller, "seller");
    Objects.requireNonNull(buyer, "buyer");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(issuedAt, "issuedAt");
    lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an invoice needs at least one line");
    }
    Money sum = Money.zero(total.currency());
    for (InvoiceLine line : lines) {
      sum = sum.plus(line.amount());
    }
    if (sum.amount().compareTo(total.amount()) != 0) {
      throw new IllegalArgumentException("invoice " + id + ": total " + total + " is not the sum of its lines " + sum);
    }
  }
}
