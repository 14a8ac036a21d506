package dev.openproof.jwt.trust;

import dev.openproof.core.OpenProofException;
import dev.openproof.core.ReasonCode;

/**
 * The trusted keys could not be obtained: a JWK Set URL did not answer, answered an error, or sent
 * something that is not a usable JWK Set. A verifier reports it as reason {@code KEYS_UNAVAILABLE}.
 *
 * @since 0.1.0
 */
public final class KeySourceException extends OpenProofException {
  private static final long serialVersionUID = 1L;

  /** The reason of this exception. Adding a code is one line here. */
  public enum Reason implements ReasonCode {
    /** The trusted keys could not be obtained. */
    KEYS_UNAVAILABLE;

    @Override
    public String code() {
      return name();
    }
  }

  /**
   * Creates the exception.
   *
   * @param message one line, fit for a log
   */
  public KeySourceException(String message) {
    super(Reason.KEYS_UNAVAILABLE, message, null);
  }
}
