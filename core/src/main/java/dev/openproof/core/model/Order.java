package dev.openproof.core.model;

import dev.openproof.core.constraint.TradeCurrency;
import dev.openproof.core.constraint.SupportedTime;
import dev.openproof.core.constraint.Identifier;
import dev.openproof.core.constraint.LineCount;
import dev.openproof.core.constraint.TermsInOrder;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A reseller's order for an end customer, placed through a distributor: the order as the host's
 * ordering system already has it (the wire form is {@code order.schema.json}).
 *
 * @param orderId the order's identifier; fulfillment is idempotent by it
 * @param program the program the order is placed under
 * @param placedAt when the order was placed; decides the physical or digital route
 * @param currency ISO 4217 currency of the prices
 * @param authorizationNumber the customer's existing authorization this order adds to, or {@code null}
 *     for a new one
 * @param distributor the distributor
 * @param reseller the reseller
 * @param customer the customer, who receives the proof
 * @param lines the order lines, 1 to 500
 * @since 0.1.0
 */
@TermsInOrder
public record Order(
    @Valid OrderId orderId,
    Program program,
    @SupportedTime Instant placedAt,
    @TradeCurrency Currency currency,
    @Valid @Nullable AuthorizationNumber authorizationNumber,
    @Valid Distributor distributor,
    @Valid Reseller reseller,
    @Valid Customer customer,
    @LineCount List<@Valid OrderLine> lines) {

  /** Checks that the required components are present and copies the lines. */
  public Order {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(placedAt, "placedAt");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(distributor, "distributor");
    Objects.requireNonNull(reseller, "reseller");
    Objects.requireNonNull(customer, "customer");
    lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
  }

  /**
   * The authorization this order adds to.
   *
   * @return the existing authorization number, or empty when the order starts a new one
   */
  public Optional<AuthorizationNumber> existingAuthorization() {
    return Optional.ofNullable(authorizationNumber);
  }
}
