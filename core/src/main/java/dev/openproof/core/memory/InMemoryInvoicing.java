package dev.openproof.core.memory;

import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.InvoiceLine;
import dev.openproof.core.model.Money;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderLine;
import dev.openproof.core.model.PartyRef;
import dev.openproof.core.port.InvoiceRequest;
import dev.openproof.core.port.Invoicing;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Invoicing} of both legs of the chain, kept in memory. The order's unit prices are the
 * reseller's prices from the distributor; the vendor invoices the distributor those prices less the
 * distributor's margin. Line amounts are rounded half-even to the currency's minor unit and totals
 * are their exact sum. Thread-safe and idempotent by invoice id.
 *
 * @since 0.1.0
 */
public final class InMemoryInvoicing implements Invoicing {
  /** The vendor named on invoices unless another is given. */
  public static final PartyRef DEFAULT_VENDOR = new PartyRef("VENDOR", "Software Vendor", null);

  /** The distributor's margin unless another is given: 8%. */
  public static final BigDecimal DEFAULT_MARGIN = new BigDecimal("0.08");

  private static final int UNIT_PRICE_SCALE = 4;

  private final PartyRef vendor;
  private final BigDecimal margin;
  private final Map<String, Invoice> issued = new ConcurrentHashMap<>();

  private InMemoryInvoicing(PartyRef vendor, BigDecimal margin) {
    this.vendor = vendor;
    this.margin = margin;
  }

  /**
   * Invoicing by {@link #DEFAULT_VENDOR} with a margin of {@link #DEFAULT_MARGIN}.
   *
   * @return the invoicing
   */
  public static InMemoryInvoicing create() {
    return create(DEFAULT_VENDOR, DEFAULT_MARGIN);
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
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(distributorMargin, "distributorMargin");
    if (distributorMargin.signum() < 0 || distributorMargin.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException("distributorMargin must be at least 0 and less than 1: " + distributorMargin);
    }
    return new InMemoryInvoicing(vendor, distributorMargin);
  }

  @Override
  public Invoice issue(InvoiceRequest request) {
    Objects.requireNonNull(request, "request");
    return issued.computeIfAbsent(request.invoiceId().value(), id -> compose(request));
  }

  /**
   * Every invoice issued so far.
   *
   * @return the invoices, in no particular order
   */
  public Collection<Invoice> invoices() {
    return List.copyOf(issued.values());
  }

  private Invoice compose(InvoiceRequest request) {
    Order order = request.order();
    boolean vendorLeg = request.leg() == InvoiceLeg.VENDOR_TO_DISTRIBUTOR;
    BigDecimal factor = vendorLeg ? BigDecimal.ONE.subtract(margin) : BigDecimal.ONE;
    List<InvoiceLine> lines = new ArrayList<>(order.lines().size());
    Money total = Money.zero(order.currency());
    for (OrderLine line : order.lines()) {
      BigDecimal unit = line.unitPrice().multiply(factor);
      if (unit.scale() > UNIT_PRICE_SCALE) {
        unit = unit.setScale(UNIT_PRICE_SCALE, RoundingMode.HALF_EVEN);
      }
      Money amount = new Money(unit.multiply(BigDecimal.valueOf(line.quantity())), order.currency()).roundedToMinorUnit();
      lines.add(new InvoiceLine(line.sku(), line.product(), line.quantity(), unit, amount));
      total = total.plus(amount);
    }
    PartyRef seller = vendorLeg ? vendor : order.distributor().ref();
    PartyRef buyer = vendorLeg ? order.distributor().ref() : order.reseller().ref();
    return new Invoice(request.invoiceId(), request.leg(), order.orderId(), seller, buyer, lines, total, request.issuedAt());
  }
}
