package dev.openproof.core.constraint;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * On an order: no line's term ends before it starts.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
// The check lives in the validation package and is registered with the provider through
// META-INF/services/jakarta.validation.ConstraintValidator, so that the rules know no model type.
@Constraint(validatedBy = {})
public @interface TermsInOrder {
  /**
   * The violation's message.
   *
   * @return the message
   */
  String message() default "must not be before the line's start date";

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
