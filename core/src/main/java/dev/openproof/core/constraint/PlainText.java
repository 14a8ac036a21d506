package dev.openproof.core.constraint;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A name or product text: 1 to 200 characters and no control character, so it can never split a mail header.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, ANNOTATION_TYPE})
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@NotNull
@Size(min = 1, max = 200)
@Pattern(regexp = "[^\\u0000-\\u001f\\u007f]*")
public @interface PlainText {
  /**
   * The violation's message.
   *
   * @return the message
   */
  String message() default "must be 1 to 200 characters with no control characters (no CR, LF or NUL)";

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
}
