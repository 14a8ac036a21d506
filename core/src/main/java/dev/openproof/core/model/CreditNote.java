package dev.openproof.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A credit note on one leg of the chain: it cancels the whole of an invoice, or some of its lines,
 * when an order is returned. Its lines are the cancelled invoice's lines as they were invoiced, so the
 * amounts credited are exactly the amounts invoiced, to the minor unit; amounts are positive and mean
 * money given back by the seller to the buyer.
 *
 * @param id the credit note's identifier
 * @param leg which leg it credits
 * @param orderId the returned order
 * @param cancels the invoice it cancels, in whole or in part
 * @param seller who invoiced, and now credits
 * @param buyer who was invoiced, and is now credited
 * @param lines the lines credited, at least one
 * @param total the sum of the lines' amounts
 * @param reason why, in a few words
 * @param issuedAt when it was issued
 * @since 0.2.0
 */
public record CreditNote(
    InvoiceId id,
    InvoiceLeg leg,
    OrderId orderId,
    InvoiceId cancels,
    PartyRef seller,
    PartyRef buyer,
    List<InvoiceLine> lines,
    Money total,
    String reason,
    Instant issuedAt) {

  /** Checks that the parts are present and that the total is the exact sum of the lines. */
  public CreditNote {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(leg, "leg");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(cancels, "cancels");
    Objects.requireNonNull(seller, "seller");
    Objects.requireNonNull(buyer, "buyer");
    Objects.requireNonNull(total, "total");
    Texts.requireText(reason, "reason");
    Objects.requireNonNull(issuedAt, "issuedAt");
    lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("a credit note needs at least one line");
    }
    Money sum = Money.zero(total.currency());
    for (InvoiceLine line : lines) {
      sum = sum.plus(line.amount());
    }
    if (sum.amount().compareTo(total.amount()) != 0) {
      throw new IllegalArgumentException("credit note " + id + ": total " + total + " is not the sum of its lines " + sum);
    }
  }

  /**
   * The id of the credit note that cancels an invoice: {@code CN-} and the invoice's id.
   *
   * @param invoice the cancelled invoice
   * @return the credit note's id
   */
  public static InvoiceId idFor(InvoiceId invoice) {
    return InvoiceId.of("CN-" + invoice.value());
  }

  /**
   * The credit note that cancels the lines of an invoice whose SKUs are given, at the amounts
   * invoiced.
   *
   * @param id the credit note's id
   * @param invoice the cancelled invoice
   * @param skus the SKUs of the lines credited; empty to credit every line
   * @param reason why
   * @param issuedAt when
   * @return the credit note
   * @throws IllegalArgumentException if no line of the invoice has one of the SKUs
   */
  public static CreditNote cancelling(InvoiceId id, Invoice invoice, Collection<String> skus, String reason,
      Instant issuedAt) {
    Objects.requireNonNull(invoice, "invoice");
    Objects.requireNonNull(skus, "skus");
    List<InvoiceLine> credited = new ArrayList<>();
    Money total = Money.zero(invoice.total().currency());
    for (InvoiceLine line : invoice.lines()) {
      if (skus.isEmpty() || skus.contains(line.sku())) {
        credited.add(line);
        total = total.plus(line.amount());
      }
    }
    if (credited.isEmpty()) {
      throw new IllegalArgumentException("invoice " + invoice.id() + " has no line of " + skus);
    }
    return new CreditNote(id, invoice.leg(), invoice.orderId(), invoice.id(), invoice.seller(), invoice.buyer(),
        credited, total, reason, issuedAt);
  }
}
