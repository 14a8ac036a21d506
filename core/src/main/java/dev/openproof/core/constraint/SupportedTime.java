package dev.openproof.core.constraint;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A date or instant every stage can carry (a JWT's NumericDate, an SQL timestamp, an RFC 3339 text
 * with a four-digit year): from 1970-01-01 to 9999-12-31, in UTC. Absent values pass.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, ANNOTATION_TYPE})
@Constraint(validatedBy = {SupportedTime.InstantCheck.class, SupportedTime.DateCheck.class})
public @interface SupportedTime {
  /** The first day carried. */
  LocalDate FIRST = LocalDate.of(1970, 1, 1);
  /** The last day carried. */
  LocalDate LAST = LocalDate.of(9999, 12, 31);

  /**
   * The violation's message.
   *
   * @return the message
   */
  String message() default "must be from 1970-01-01 to 9999-12-31";

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

  /** Checks {@link SupportedTime} on an instant. */
  final class InstantCheck implements ConstraintValidator<SupportedTime, Instant> {
    private static final Instant FROM = FIRST.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    private static final Instant UNTIL = LAST.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();

    /** Creates the check; called by the validation provider. */
    public InstantCheck() {}

    @Override
    public boolean isValid(Instant value, ConstraintValidatorContext context) {
      return value == null || !value.isBefore(FROM) && value.isBefore(UNTIL);
    }
  }

  /** Checks {@link SupportedTime} on a date. */
  final class DateCheck implements ConstraintValidator<SupportedTime, LocalDate> {
    /** Creates the check; called by the validation provider. */
    public DateCheck() {}

    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
      return value == null || !value.isBefore(FIRST) && !value.isAfter(LAST);
    }
  }
}
