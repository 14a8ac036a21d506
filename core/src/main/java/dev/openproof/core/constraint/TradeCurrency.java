package dev.openproof.core.constraint;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Currency;
import java.util.Set;

/**
 * A currency one invoices in: an ISO 4217 code with a minor unit. Codes that are no money to trade
 * with are refused: {@code XXX} (no currency), {@code XTS} (testing), precious metals ({@code XAU}…),
 * {@code XDR} and the other units without a minor unit, and the fund codes.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, ANNOTATION_TYPE})
@Constraint(validatedBy = TradeCurrency.Check.class)
@ReportAsSingleViolation
@NotNull
public @interface TradeCurrency {
  /**
   * The violation's message.
   *
   * @return the message
   */
  String message() default "must be an ISO 4217 currency to invoice in, such as EUR (not XXX, XTS or a metal)";

  /**
   * Validation groups.
   *
   * @return the groups
   */
  Class<?>[] groups() default {};

  /**
   * Payload.
   *
   * @return the payload
   */
  Class<? extends Payload>[] payload() default {};

  /** Checks {@link TradeCurrency}. */
  final class Check implements ConstraintValidator<TradeCurrency, Currency> {
    /** ISO 4217 fund codes: units of account beside a currency, never the price of an order. */
    private static final Set<String> FUNDS = Set.of("BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW",
        "XSU", "XUA", "XBA", "XBB", "XBC", "XBD", "XDR", "XTS", "XXX");

    /** Creates the check; called by the validation provider. */
    public Check() {}

    @Override
    public boolean isValid(Currency value, ConstraintValidatorContext context) {
      return value == null || value.getDefaultFractionDigits() >= 0 && !FUNDS.contains(value.getCurrencyCode());
    }
  }
}
