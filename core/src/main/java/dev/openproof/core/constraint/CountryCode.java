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
import java.util.Locale;
import java.util.Set;

/**
 * An officially assigned ISO 3166-1 alpha-2 country code in upper case, such as {@code DE}. Codes
 * that name no country one trades in are refused: user-assigned ones ({@code ZZ}, {@code XA}…),
 * exceptionally reserved ones ({@code EU}, {@code UK}…) and any code not assigned.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, ANNOTATION_TYPE})
@Constraint(validatedBy = CountryCode.Check.class)
@ReportAsSingleViolation
@NotNull
public @interface CountryCode {
  /**
   * The violation's message.
   *
   * @return the message
   */
  String message() default "must be an ISO 3166-1 alpha-2 country code such as DE, assigned to a country (not ZZ, EU or UK)";

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

  /** Checks {@link CountryCode} against the JDK's list of assigned codes. */
  final class Check implements ConstraintValidator<CountryCode, String> {
    private static final Set<String> ASSIGNED = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    /** Creates the check; called by the validation provider. */
    public Check() {}

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || ASSIGNED.contains(value);
    }
  }
}
