package dev.openproof.core.exchange;

/**
 * Why a proof is being delivered.
 *
 * @since 0.1.0
 */
public enum DeliveryKind {
  /** The first delivery, right after the proof was issued. */
  ORIGINAL,
  /** The same proof sent again on request (the customer lost the first mail). */
  RESEND
}
