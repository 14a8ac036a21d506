package dev.openproof.core.memory;

import dev.openproof.core.model.ChainPricing;
import dev.openproof.core.model.CreditNote;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.PartyRef;
import dev.openproof.core.exchange.CreditNoteRequest;

import dev.openproof.core.exchange.InvoiceRequest;
import dev.openproof.core.port.Invoicing;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Invoicing} of both legs of the chain, priced by {@link ChainPricing} and kept in memory.
 * Thread-safe and idempotent by invoice id.
 *
 * @since 0.1.0
 */
public final class InMemoryInvoicing implements Invoicing {
  /** The vendor named on invoices unless another is given. */
  public static final PartyRef DEFAULT_VENDOR = ChainPricing.DEFAULT_VENDOR;

  /** The distributor's margin unless another is given: 8%. */
  public static final BigDecimal DEFAULT_MARGIN = ChainPricing.DEFAULT_MARGIN;

  private final ChainPricing pricing;
  private final Map<String, Invoice> issued = new ConcurrentHashMap<>();
  private final Map<String, CreditNote> credited = new ConcurrentHashMap<>();

  private InMemoryInvoicing(ChainPricing pricing) {
    this.pricing = pricing;
  }

  /**
   * Invoicing by {@link #DEFAULT_VENDOR} with a margin of {@link #DEFAULT_MARGIN}.
   *
   * @return the invoicing
   */
  public static InMemoryInvoicing create() {
    return new InMemoryInvoicing(ChainPricing.standard());
  }

  /**
   * Invoicing by the given vendor with the given distributor's margin.
   *
   * @param vendor the vendor, the seller of the first leg
   * @param distributorMargin the distributor's share of the reseller's price, from 0 (inclusive) to 1
   *     (exclusive), for example {@code 0.08}
   * @return the invoicing
   * @throws IllegalArgumentException if the margin is out of range
   */
  public static InMemoryInvoicing create(PartyRef vendor, BigDecimal distributorMargin) {
    return new InMemoryInvoicing(ChainPricing.of(vendor, distributorMargin));
  }

  @Override
  public Invoice issue(InvoiceRequest request) {
    Objects.requireNonNull(request, "request");
    return issued.computeIfAbsent(request.invoiceId().value(),
        id -> pricing.invoice(request.invoiceId(), request.leg(), request.order(), request.issuedAt()));
  }

  @Override
  public CreditNote credit(CreditNoteRequest request) {
    Objects.requireNonNull(request, "request");
    return credited.computeIfAbsent(request.creditNoteId().value(), id -> Invoicing.super.credit(request));
  }

  /**
   * Every credit note issued so far.
   *
   * @return the credit notes, in no particular order
   * @since 0.2.0
   */
  public Collection<CreditNote> creditNotes() {
    return List.copyOf(credited.values());
  }

  /**
   * Every invoice issued so far.
   *
   * @return the invoices, in no particular order
   */
  public Collection<Invoice> invoices() {
    return List.copyOf(issued.values());
  }
}
