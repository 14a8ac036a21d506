package dev.openproof.jwt.trust;

import dev.openproof.core.OpenProofException;

/**
 * The trusted keys could not be obtained: a JWK Set URL did not answer, answered an error, or sent
 * something that is not a usable JWK Set. A verifier reports it as reason {@value #KEYS_UNAVAILABLE}.
 *
 * @since 0.1.0
 */
public final class KeySourceException extends OpenProofException {
  private static final long serialVersionUID = 1L;

  /** Reason code of this exception. */
  public static final String KEYS_UNAVAILABLE = "KEYS_UNAVAILABLE";

  /**
   * Creates the exception.
   *
   * @param message one line, fit for a log
   */
  public KeySourceException(String message) {
    super(KEYS_UNAVAILABLE, message, null);
  }
}
