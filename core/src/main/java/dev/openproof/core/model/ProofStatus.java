package dev.openproof.core.model;

/**
 * The status of an issued proof as a Token Status List publishes it. The codes are the list's
 * values (draft-ietf-oauth-status-list): 0 valid, 1 invalid, 2 suspended.
 *
 * @since 0.1.0
 */
public enum ProofStatus {
  /** The proof holds. */
  VALID(0),
  /** The proof was revoked, for good: the status never changes again. */
  INVALID(1),
  /** The proof is suspended for now and may be reinstated. */
  SUSPENDED(2);

  private final int code;

  ProofStatus(int code) {
    this.code = code;
  }

  /**
   * The value written in a status list.
   *
   * @return 0, 1 or 2
   */
  public int code() {
    return code;
  }

  /**
   * The status of a status list value.
   *
   * @param code the value
   * @return the status
   * @throws IllegalArgumentException if the value is not 0, 1 or 2
   */
  public static ProofStatus ofCode(int code) {
    for (ProofStatus status : values()) {
      if (status.code == code) {
        return status;
      }
    }
    throw new IllegalArgumentException("no proof status has the code " + code);
  }
}
