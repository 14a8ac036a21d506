package dev.openproof.jwt.status;

import dev.openproof.core.OpenProofException;
import dev.openproof.core.ReasonCode;

/**
 * A Status List Token could not be obtained: the file cannot be read, the URL did not answer or
 * answered an error. A verifier reports it as reason {@code STATUS_UNAVAILABLE}.
 *
 * @since 0.1.0
 */
public final class StatusSourceException extends OpenProofException {
  private static final long serialVersionUID = 1L;

  /** The reason of this exception. Adding a code is one line here. */
  public enum Reason implements ReasonCode {
    /** The status list could not be obtained. */
    STATUS_UNAVAILABLE;

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
  public StatusSourceException(String message) {
    super(Reason.STATUS_UNAVAILABLE, message, null);
  }
}
