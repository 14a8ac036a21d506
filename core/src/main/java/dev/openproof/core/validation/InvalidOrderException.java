package dev.openproof.core.validation;

import dev.openproof.core.OpenProofException;
import dev.openproof.core.ReasonCode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An order broke input rules. It lists every violation at once; nothing of the order was stored,
 * invoiced, signed or sent. Reason {@link Reason#INVALID_ORDER}.
 *
 * @since 0.1.0
 */
public final class InvalidOrderException extends OpenProofException {
  private static final long serialVersionUID = 1L;

  /** Why input was refused. Adding a code is one line here. */
  public enum Reason implements ReasonCode {
    /** The order broke input rules. */
    INVALID_ORDER;

    @Override
    public String code() {
      return name();
    }
  }

  private final transient List<Violation> violations;

  /**
   * Creates the exception.
   *
   * @param subject what was invalid, such as {@code order PO-1}
   * @param violations every violation, at least one
   * @throws IllegalArgumentException if {@code violations} is empty
   */
  public InvalidOrderException(String subject, List<Violation> violations) {
    super(Reason.INVALID_ORDER, describe(subject, violations), null);
    this.violations = List.copyOf(violations);
  }

  private static String describe(String subject, List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an InvalidOrderException needs at least one violation");
    }
    return violations.stream()
        .map(Violation::toString)
        .collect(Collectors.joining("; ", subject + " is invalid (" + violations.size()
            + (violations.size() == 1 ? " violation): " : " violations): "), ""));
  }

  /**
   * Every violation, in a stable order.
   *
   * @return the violations, never empty
   */
  public List<Violation> violations() {
    return violations;
  }
}
