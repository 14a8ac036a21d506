package dev.openproof.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one ISO 4217 currency. Amounts are exact decimals; nothing here ever goes
 * through floating point.
 *
 * @param amount the amount
 * @param currency the currency
 * @since 0.1.0
 */
public record Money(BigDecimal amount, Currency currency) {
  /** Checks that both parts are present. */
  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
  }

  /**
   * Zero in a currency, at the currency's minor unit.
   *
   * @param currency the currency
   * @return zero
   */
  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency).roundedToMinorUnit();
  }

  /**
   * Adds an amount of the same currency.
   *
   * @param other the amount to add
   * @return the sum
   * @throws IllegalArgumentException if the currencies differ
   */
  public Money plus(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
    }
    return new Money(amount.add(other.amount), currency);
  }

  /**
   * Rounds half-even to the currency's minor unit (two places for EUR, none for JPY).
   *
   * @return the rounded amount
   */
  public Money roundedToMinorUnit() {
    int digits = Math.max(currency.getDefaultFractionDigits(), 0);
    return new Money(amount.setScale(digits, RoundingMode.HALF_EVEN), currency);
  }

  /** Returns the amount in plain notation and the currency code, for example {@code 31000.00 RUB}. */
  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }
}
