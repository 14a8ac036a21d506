package dev.openproof.jwt.status;

import dev.openproof.core.OpenProofException;

/**
 * A Status List Token could not be obtained: the file cannot be read, the URL did not answer or
 * answered an error (reason {@value #STATUS_UNAVAILABLE}), or the proof names a list outside the
 * source's trusted bases, which is never read nor fetched (reason {@value #STATUS_LIST_UNTRUSTED}). A
 * verifier reports it with the same reason.
 *
 * @since 0.1.0
 */
public final class StatusSourceException extends OpenProofException {
  private static final long serialVersionUID = 1L;

  /** Reason code of this exception. */
  public static final String STATUS_UNAVAILABLE = "STATUS_UNAVAILABLE";
  /** Reason code of a list outside the source's trusted bases. */
  public static final String STATUS_LIST_UNTRUSTED = "STATUS_LIST_UNTRUSTED";

  /**
   * Creates the exception, reason {@value #STATUS_UNAVAILABLE}.
   *
   * @param message one line, fit for a log
   */
  public StatusSourceException(String message) {
    this(STATUS_UNAVAILABLE, message);
  }

  private StatusSourceException(String reasonCode, String message) {
    super(reasonCode, message, null);
  }

  /**
   * A list outside the source's trusted bases, reason {@value #STATUS_LIST_UNTRUSTED}.
   *
   * @param message one line, fit for a log
   * @return the exception
   */
  public static StatusSourceException untrusted(String message) {
    return new StatusSourceException(STATUS_LIST_UNTRUSTED, message);
  }
}
