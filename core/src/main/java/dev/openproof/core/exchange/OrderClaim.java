package dev.openproof.core.exchange;

/**
 * The answer of {@link dev.openproof.core.port.OrderLedger#claimOrder}.
 *
 * @since 0.1.0
 */
public enum OrderClaim {
  /** The caller now holds the order and may work on it. */
  ACQUIRED,
  /** Another owner holds the order and its lease has not expired. */
  HELD_BY_ANOTHER,
  /** The order was fulfilled already; nothing is to be done. */
  COMPLETED
}
