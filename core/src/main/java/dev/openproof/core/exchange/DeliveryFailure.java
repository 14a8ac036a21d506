package dev.openproof.core.exchange;

import java.time.Instant;
import java.util.Objects;

/**
 * A recorded failed attempt of a delivery.
 *
 * @param kind how the failure is treated
 * @param replyCode the transport's reply code, or {@code 0} when none
 * @param message what went wrong
 * @param failedAt when
 * @since 0.1.0
 */
public record DeliveryFailure(FailureKind kind, int replyCode, String message, Instant failedAt) {
  /** Checks that the parts are present. */
  public DeliveryFailure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(failedAt, "failedAt");
  }

  /**
   * The failure a delivery exception describes.
   *
   * @param e the exception
   * @param failedAt when it happened
   * @return the failure
   */
  public static DeliveryFailure of(DeliveryException e, Instant failedAt) {
    return new DeliveryFailure(e.kind(), e.replyCode().orElse(0), String.valueOf(e.getMessage()), failedAt);
  }
}
