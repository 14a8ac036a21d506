package dev.openproof.core.exchange;

/**
 * How a failed delivery may be treated.
 *
 * @since 0.1.0
 */
public enum FailureKind {
  /** Nothing was handed over and a later attempt may succeed (a 4xx reply, a refused connection). */
  TRANSIENT,
  /** A later attempt will fail the same way (a 5xx reply, an invalid address): not retried. */
  PERMANENT,
  /**
   * It is not known whether the message was handed over (a timeout after the message was sent).
   * It is retried with the same message identity, so the receiver can tell it is the same mail.
   */
  UNKNOWN;

  /**
   * Whether a delivery that failed this way is tried again.
   *
   * @return {@code true} for {@link #TRANSIENT} and {@link #UNKNOWN}
   */
  public boolean retryable() {
    return this != PERMANENT;
  }
}
