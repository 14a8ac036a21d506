package dev.openproof.certificate.site;

import dev.openproof.core.OpenProofException;
import java.util.List;

/**
 * A verification site that cannot be written as asked: every violation of its input, listed at once.
 *
 * @since 0.1.0
 */
public final class InvalidSiteException extends OpenProofException {
  /** The reason code of this failure. */
  public static final String REASON = "INVALID_SITE";

  private static final long serialVersionUID = 1L;

  /** The violations; a {@code List.copyOf}, so serializable. */
  @SuppressWarnings("serial")
  private final List<String> violations;

  InvalidSiteException(List<String> violations) {
    super(REASON, "the verification site cannot be written: " + String.join("; ", violations), null);
    this.violations = List.copyOf(violations);
  }

  /**
   * What is wrong, one line each, each starting with the part it is about ({@code issuer}, {@code
   * jwks}, {@code status list 1} …).
   *
   * @return the violations, at least one
   */
  public List<String> violations() {
    return violations;
  }
}
