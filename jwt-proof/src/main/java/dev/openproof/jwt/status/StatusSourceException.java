package dev.openproof.jwt.status;

import dev.openproof.core.OpenProofException;
import dev.openproof.core.ReasonCode;

/**
 * A Status List Token could not be obtained: the file cannot be read, the URL did not answer or
 * answered an error (reason {@code STATUS_UNAVAILABLE}), or the proof names a list outside the
 * source's trusted bases, which is never read nor fetched (reason {@code STATUS_LIST_UNTRUSTED}). A
 * verifier reports it with the same reason.
 *
 * @since 0.1.0
 */
public final class StatusSourceException extends OpenProofException {
  private static final long serialVersionUID = 1L;

  /** The reason of this exception. Adding a code is one line here. */
  public enum Reason implements ReasonCode {
    /** The status list could not be obtained. */
    STATUS_UNAVAILABLE,
    /** The proof names a list outside the source's trusted bases. */
    STATUS_LIST_UNTRUSTED;

    @Override
    public String code() {
      return name();
    }
  }

  /**
   * Creates the exception, reason {@code STATUS_UNAVAILABLE}.
   *
   * @param message one line, fit for a log
   */
  public StatusSourceException(String message) {
    this(Reason.STATUS_UNAVAILABLE, message);
  }

  private StatusSourceException(Reason reason, String message) {
    super(reason, message, null);
  }

  /**
   * A list outside the source's trusted bases, reason {@code STATUS_LIST_UNTRUSTED}.
   *
   * @param message one line, fit for a log
   * @return the exception
   */
  public static StatusSourceException untrusted(String message) {
    return new StatusSourceException(Reason.STATUS_LIST_UNTRUSTED, message);
  }
}
