package dev.openproof.core.model;

import dev.openproof.core.constraint.SupportedTime;
import dev.openproof.core.constraint.Identifier;
import dev.openproof.core.constraint.PlainText;
import dev.openproof.core.constraint.Price;
import dev.openproof.core.constraint.Quantity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One line of an order: a product, how many, what kind of right, and the reseller's unit price.
 *
 * @param sku the vendor's part number
 * @param product the product's name
 * @param quantity how many, 1 to 1,000,000
 * @param type what the line grants
 * @param unitPrice the reseller's price from the distributor, in the order's currency; not negative,
 *     at most 12 integer and 4 fraction digits
 * @param starts first day of the term, or {@code null} for a perpetual right
 * @param ends last day of the term, or {@code null} for a perpetual right
 * @since 0.1.0
 */
public record OrderLine(
    @Identifier String sku,
    @PlainText String product,
    @Quantity int quantity,
    LicenseType type,
    @Price BigDecimal unitPrice,
    @SupportedTime @Nullable LocalDate starts,
    @SupportedTime @Nullable LocalDate ends) {

  /** Checks that the required components are present. */
  public OrderLine {
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(unitPrice, "unitPrice");
  }

  /**
   * A perpetual line, with no term dates.
   *
   * @param sku the vendor's part number
   * @param product the product's name
   * @param quantity how many
   * @param type what the line grants
   * @param unitPrice the reseller's unit price
   */
  public OrderLine(String sku, String product, int quantity, LicenseType type, BigDecimal unitPrice) {
    this(sku, product, quantity, type, unitPrice, null, null);
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

  /**
   * A line granting a perpetual right: no term dates.
   *
   * @param sku the vendor's part number
   * @param product the product's name
   * @param quantity how many, 1 to 1,000,000
   * @param type what the line grants
   * @param unitPrice the reseller's unit price, in the order's currency
   * @return the line
   */
  public static OrderLine perpetual(String sku, String product, int quantity, LicenseType type, BigDecimal unitPrice) {
    return new OrderLine(sku, product, quantity, type, unitPrice, null, null);
  }

  /**
   * A line granting a right for a term, such as a subscription or Software Assurance.
   *
   * @param sku the vendor's part number
   * @param product the product's name
   * @param quantity how many, 1 to 1,000,000
   * @param type what the line grants
   * @param unitPrice the reseller's unit price, in the order's currency
   * @param starts the first day of the term
   * @param ends the last day of the term, not before {@code starts}
   * @return the line
   */
  public static OrderLine term(
      String sku, String product, int quantity, LicenseType type, BigDecimal unitPrice, LocalDate starts, LocalDate ends) {
    return new OrderLine(sku, product, quantity, type, unitPrice,
        Objects.requireNonNull(starts, "starts"), Objects.requireNonNull(ends, "ends"));
  }
}
