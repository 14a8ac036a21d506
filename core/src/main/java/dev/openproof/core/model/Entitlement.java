package dev.openproof.core.model;

import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One right a license proof grants: a product, how many, what kind, and for which term.
 *
 * @param sku the vendor's part number
 * @param product the product's name
 * @param quantity how many, at least 1
 * @param type what kind of right
 * @param starts first day of the term, or {@code null} for a perpetual right
 * @param ends last day of the term, or {@code null} for a perpetual right
 * @since 0.1.0
 */
public record Entitlement(
    String sku,
    String product,
    int quantity,
    LicenseType type,
    @Nullable LocalDate starts,
    @Nullable LocalDate ends) {

  /** Checks that the parts are present, the quantity positive and the term in order. */
  public Entitlement {
    Texts.requireText(sku, "sku");
    Texts.requireText(product, "product");
    java.util.Objects.requireNonNull(type, "type");
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be at least 1: " + quantity);
    }
    if (starts != null && ends != null && ends.isBefore(starts)) {
      throw new IllegalArgumentException("entitlement " + sku + " ends " + ends + " before it starts " + starts);
    }
  }

  /**
   * The entitlement an order line grants.
   *
   * @param line the order line
   * @return the entitlement
   */
  public static Entitlement of(OrderLine line) {
    return new Entitlement(line.sku(), line.product(), line.quantity(), line.type(), line.starts(), line.ends());
  }

  /**
   * The first day of the term.
   *
   * @return the start date, or empty for a perpetual right
   */
  public Optional<LocalDate> startDate() {
    return Optional.ofNullable(starts);
  }

  /**
   * The last day of the term.
   *
   * @return the end date, or empty for a perpetual right
   */
  public Optional<LocalDate> endDate() {
    return Optional.ofNullable(ends);
  }
}
