package dev.openproof.jwt;

/**
 * What a verifier learned of a proof's status (Token Status List). A proof found revoked or suspended
 * is rejected instead, with {@link RejectionReason#REVOKED} or {@link RejectionReason#SUSPENDED}.
 *
 * @since 0.1.0
 */
public enum StatusCheck {
  /** The proof's status list was read, signed by a trusted key and current: the proof is valid. */
  VALID,
  /** The verifier has no status source: the signature and claims hold, the status was not checked. */
  NOT_CHECKED,
  /** The proof names no status list: there is no status to check. */
  NO_STATUS_LIST
}
