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

/**
 * A name or product text: 1 to 200 characters, not only white space, and no control character (C0
 * or C1, so it can never split a mail header) nor bidirectional control (such as U+202E, which
 * would reorder what a reader sees).
 *
 * @since 0.1.0
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, ANNOTATION_TYPE})
@Constraint(validatedBy = PlainText.Check.class)
@ReportAsSingleViolation
@NotNull
public @interface PlainText {
  /**
   * The violation's message.
   *
   * @return the message
   */
  String message() default "must be 1 to 200 characters with no control characters (no CR, LF or NUL),"
      + " not only spaces, and no bidirectional controls";

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

  /** Checks {@link PlainText}. */
  final class Check implements ConstraintValidator<PlainText, String> {
    /** Creates the check; called by the validation provider. */
    public Check() {}

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      if (value.isEmpty() || value.length() > 200 || value.isBlank()) {
        return false;
      }
      for (int i = 0; i < value.length(); i++) {
        if (isRefused(value.charAt(i))) {
          return false;
        }
      }
      return true;
    }

    /**
     * Whether a character is a control or bidirectional control character.
     *
     * @param c the character
     * @return {@code true} if no text may hold it
     */
    public static boolean isRefused(char c) {
      return c <= 0x1f || c >= 0x7f && c <= 0x9f || c == 0x061c || c == 0x200e || c == 0x200f
          || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x2028 || c == 0x2029;
    }
  }
}
