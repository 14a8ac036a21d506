package dev.openproof.jwt.status;

import dev.openproof.core.OpenProofException;

/**
 * A Status List Token could not be obtained: the file cannot be read, the URL did not answer or
 * answered an error. A verifier reports it as reason {@value #STATUS_UNAVAILABLE}.
 *
 * @since 0.1.0
 */
public final class StatusSourceException extends OpenProofException {
  private static final long serialVersionUID = 1L;

  /** Reason code of this exception. */
  public static final String STATUS_UNAVAILABLE = "STATUS_UNAVAILABLE";

  /**
   * Creates the exception.
   *
   * @param message one line, fit for a log
   */
  public StatusSourceException(String message) {
    super(STATUS_UNAVAILABLE, message, null);
  }
}
