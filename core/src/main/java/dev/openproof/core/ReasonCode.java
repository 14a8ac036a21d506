package dev.openproof.core;

/**
 * A stable reason code of an {@link OpenProofException}: the upper-case string callers switch on,
 * log and see on the wire ({@code PROOF_REVOKED}, {@code DELIVERY_TRANSIENT} …). Each family of
 * failures is an enum implementing this interface, beside its exception, so that adding a code is one
 * line in that enum.
 *
 * @since 0.1.0
 */
public interface ReasonCode {
  /**
   * The code as written on the wire and in logs.
   *
   * @return the code: upper-case letters, digits and underscores
   */
  String code();
}
