package dev.openproof.certificate.site;

import dev.openproof.core.OpenProofException;
import dev.openproof.core.ReasonCode;
import java.util.List;

/**
 * A verification site that cannot be written as asked: every violation of its input, listed at once.
 *
 * @since 0.1.0
 */
public final class InvalidSiteException extends OpenProofException {
  /** The reason of this failure. Adding a code is one line here. */
  public enum Reason implements ReasonCode {
    /** The site's inputs break its rules; {@link #violations()} lists each. */
    INVALID_SITE;

    @Override
    public String code() {
      return name();
    }
  }

  private static final long serialVersionUID = 1L;

  /** The violations; a {@code List.copyOf}, so serializable. */
  @SuppressWarnings("serial")
  private final List<String> violations;

  InvalidSiteException(List<String> violations) {
    super(Reason.INVALID_SITE, "the verification site cannot be written: " + String.join("; ", violations), null);
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
