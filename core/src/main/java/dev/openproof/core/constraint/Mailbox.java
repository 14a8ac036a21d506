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
 * An e-mail address as every stage can carry it (the wire contract's e-mail is ASCII): at most 254
 * characters; a dot-atom local part of at most 64 ASCII characters (no quoted local part, no
 * non-ASCII letter, no white space, control or bidirectional character); a domain of host name
 * labels (letters, digits, hyphens), at least two, the last starting with a letter (no address
 * literal such as {@code [127.0.0.1]}, no internationalised domain unless written as {@code xn--}).
 *
 * @since 0.1.0
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, ANNOTATION_TYPE})
@Constraint(validatedBy = Mailbox.Check.class)
@ReportAsSingleViolation
@NotNull
public @interface Mailbox {
  /**
   * The violation's message.
   *
   * @return the message
   */
  String message() default "must be an e-mail address of at most 254 characters with no spaces or control characters:"
      + " ASCII, such as it@example.com, no quoted local part, no address literal";

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

  /** Checks {@link Mailbox} without a regular expression, so no input can exhaust the stack. */
  final class Check implements ConstraintValidator<Mailbox, String> {
    private static final String ATEXT_SYMBOLS = "!#$%&'*+/=?^_`{|}~-";

    /** Creates the check; called by the validation provider. */
    public Check() {}

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || isMailbox(value);
    }

    /**
     * Whether a text is such an address.
     *
     * @param value the text
     * @return {@code true} if every rule holds
     */
    public static boolean isMailbox(String value) {
      if (value.length() > 254) {
        return false;
      }
      int at = value.lastIndexOf('@');
      if (at < 1 || at > 64 || at == value.length() - 1) {
        return false;
      }
      return isDotAtom(value.substring(0, at)) && isHostName(value.substring(at + 1));
    }

    private static boolean isDotAtom(String local) {
      if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
        return false;
      }
      for (int i = 0; i < local.length(); i++) {
        char c = local.charAt(i);
        if (c != '.' && !isAsciiLetterOrDigit(c) && ATEXT_SYMBOLS.indexOf(c) < 0) {
          return false;
        }
      }
      return true;
    }

    private static boolean isHostName(String domain) {
      String[] labels = domain.split("\\.", -1);
      if (labels.length < 2 || domain.length() > 253) {
        return false;
      }
      for (String label : labels) {
        if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
          return false;
        }
        for (int i = 0; i < label.length(); i++) {
          char c = label.charAt(i);
          if (!isAsciiLetterOrDigit(c) && c != '-') {
            return false;
          }
        }
      }
      char first = labels[labels.length - 1].charAt(0);
      return first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
      return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
  }
}
