package dev.openproof.jwt;

import dev.openproof.core.OpenProofException;
import java.util.Objects;

/**
 * A token was rejected. Its {@link #reasonCode()} is the name of its {@link #reason()}; its message
 * is one line fit for a log, and never holds a stack trace, a parser's internals or key material.
 *
 * @since 0.1.0
 */
public final class ProofVerificationException extends OpenProofException {
  private static final long serialVersionUID = 1L;

  private final RejectionReason reason;

  /**
   * Creates the exception.
   *
   * @param reason why the token was rejected
   * @param message one line describing it
   */
  public ProofVerificationException(RejectionReason reason, String message) {
    super(Objects.requireNonNull(reason, "reason"), message, null);
    this.reason = reason;
  }

  /**
   * Why the token was rejected.
   *
   * @return the reason
   */
  @Override
  public RejectionReason reason() {
    return reason;
  }
}
