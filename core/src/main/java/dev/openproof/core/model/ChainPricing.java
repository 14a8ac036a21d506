package dev.openproof.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The prices of both legs of the chain. An order's unit prices are the reseller's prices from the
 * distributor; the vendor invoices the distributor those prices less the distributor's margin. Unit
 * prices keep up to four decimals, line amounts are rounded half-even to the currency's minor unit,
 * and a total is the exact sum of its lines. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ChainPricing {
  /** The vendor named on invoices unless another is given. */
  public static final PartyRef DEFAULT_VENDOR = new PartyRef("VENDOR", "Software Vendor", null);

  /** The distributor's margin unless another is given: 8%. */
  public static final BigDecimal DEFAULT_MARGIN = new BigDecimal("0.08");

  private static final int UNIT_PRICE_SCALE = 4;

  private final PartyRef vendor;
  private final BigDecimal margin;

  private ChainPricing(PartyRef vendor, BigDecimal margin) {
    this.vendor = vendor;
    this.margin = margin;
  }

  /**
   * Pricing by {@link #DEFAULT_VENDOR} with a margin of {@link #DEFAULT_MARGIN}.
   *
   * @return the pricing
   */
  public static ChainPricing standard() {
    return of(DEFAULT_VENDOR, DEFAULT_MARGIN);
  }

  /**
   * Pricing by the given vendor with the given distributor's margin.
   *
   * @param vendor the vendor, the seller of the first leg
   * @param distributorMargin the distributor's share of the reseller's price, from 0 (inclusive) to 1
   *     (exclusive), for example {@code 0.08}
   * @return the pricing
   * @throws IllegalArgumentException if the margin is out of range
   */
  public static ChainPricing of(PartyRef vendor, BigDecimal distributorMargin) {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(distributorMargin, "distributorMargin");
    if (distributorMargin.signum() < 0 || distributorMargin.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException("distributorMargin must be at least 0 and less than 1: " + distributorMargin);
    }
    return new ChainPricing(vendor, distributorMargin);
  }

  /**
   * The invoice of one leg of an order.
   *
   * @param id the invoice's id
   * @param leg the leg
   * @param order the order
   * @param issuedAt the invoice date
   * @return the invoice
   */
  public Invoice invoice(InvoiceId id, InvoiceLeg leg, Order order, Instant issuedAt) {
    boolean vendorLeg = leg == InvoiceLeg.VENDOR_TO_DISTRIBUTOR;
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
    return new Invoice(id, leg, order.orderId(), seller, buyer, lines, total, issuedAt);
  }
}
