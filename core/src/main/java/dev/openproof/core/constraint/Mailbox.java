package dev.openproof.core.constraint;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An e-mail address as the order schema allows it: at most 254 characters, no white space or control characters.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, ANNOTATION_TYPE})
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@NotNull
@Email
@Size(max = 254)
@Pattern(regexp = "[^\\s\\u0000-\\u001f\\u007f]+")
public @interface Mailbox {
  /**
   * The violation's message.
   *
   * @return the message
   */
  String message() default "must be an e-mail address of at most 254 characters with no spaces or control characters";

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
