package dev.openproof.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of an invoice.
 *
 * @param sku the vendor's part number
 * @param product the product's name
 * @param quantity how many
 * @param unitPrice the price of one unit, in the invoice's currency (up to four fraction digits)
 * @param amount quantity times unit price, rounded to the currency's minor unit
 * @since 0.1.0
 */
public record InvoiceLine(String sku, String product, int quantity, BigDecimal unitPrice, Money amount) {
  /** Checks that the parts are present and the quantity positive. */
  public InvoiceLine {
    Texts.requireText(sku, "sku");
    Texts.requireText(product, "product");
    Objects.requireNonNull(unitPrice, "unitPrice");
    Objects.requireNonNull(amount, "amount");
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be at least 1: " + quantity);
    }
  }
}
