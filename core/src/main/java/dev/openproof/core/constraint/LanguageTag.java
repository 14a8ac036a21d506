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

/**
 * A language to write to the customer in: a BCP 47 tag of at most {@value #MAX_LENGTH} characters
 * with a language subtag (not {@code und}), such as {@code ru} or {@code de-AT}.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, ANNOTATION_TYPE})
@Constraint(validatedBy = LanguageTag.Check.class)
@ReportAsSingleViolation
@NotNull
public @interface LanguageTag {
  /** The longest tag: what RFC 5646 asks every implementation to carry; the ledger keeps 100. */
  int MAX_LENGTH = 35;

  /**
   * The violation's message.
   *
   * @return the message
   */
  String message() default "must be a BCP 47 language tag of at most 35 characters such as ru or de-AT";

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

  /** Checks {@link LanguageTag}. */
  final class Check implements ConstraintValidator<LanguageTag, Locale> {
    /** Creates the check; called by the validation provider. */
    public Check() {}

    @Override
    public boolean isValid(Locale value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      String tag = value.toLanguageTag();
      return tag.length() <= MAX_LENGTH && !value.getLanguage().isEmpty() && !tag.startsWith("und");
    }
  }
}
