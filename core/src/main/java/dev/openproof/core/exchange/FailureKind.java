package dev.openproof.core.exchange;

import dev.openproof.core.ReasonCode;

/**
 * How a failed delivery may be treated; also the reason of its {@link DeliveryException}, with code
 * {@code DELIVERY_<kind>}.
 *
 * @since 0.1.0
 */
public enum FailureKind implements ReasonCode {
  /** Nothing was handed over and a later attempt may succeed (a 4xx reply, a refused connection). */
  TRANSIENT,
  /** A later attempt will fail the same way (a 5xx reply, an invalid address): not retried. */
  PERMANENT,
  /**
   * It is not known whether the message was handed over (a timeout after the message was sent).
   * It is retried with the same message identity, so the receiver can tell it is the same mail.
   */
  UNKNOWN,
  /**
   * The transport is set up wrongly (an unknown host, a TLS mode the server does not speak, a refused
   * login): nothing was handed over and no attempt succeeds until the settings are fixed. The delivery
   * stays pending and is due again at once, but a run of
   * {@code LicenseFulfillment.redeliverPending()} stops at the first one instead of retrying it.
   *
   * @since 0.1.0
   */
  CONFIGURATION;

  /**
   * Whether a delivery that failed this way is tried again.
   *
   * @return {@code true} for {@link #TRANSIENT}, {@link #UNKNOWN} and {@link #CONFIGURATION}
   */
  public boolean retryable() {
    return this != PERMANENT;
  }

  /**
   * The reason code of a delivery that failed this way.
   *
   * @return {@code DELIVERY_TRANSIENT}, {@code DELIVERY_PERMANENT} or {@code DELIVERY_UNKNOWN}
   */
  @Override
  public String code() {
    return "DELIVERY_" + name();
  }
}
