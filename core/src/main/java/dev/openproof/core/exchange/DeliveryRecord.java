package dev.openproof.core.exchange;

import dev.openproof.core.model.DeliveryReceipt;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A delivery as the ledger holds it.
 *
 * @param request the delivery
 * @param status where it stands
 * @param attempts how many attempts were made
 * @param nextAttemptAt for a pending delivery, the earliest time of the next attempt; else {@code null}
 * @param receipt the receipt of a delivered one, else {@code null}
 * @param lastFailure the last failed attempt, or {@code null}
 * @since 0.1.0
 */
public record DeliveryRecord(
    DeliveryRequest request,
    DeliveryStatus status,
    int attempts,
    @Nullable Instant nextAttemptAt,
    @Nullable DeliveryReceipt receipt,
    @Nullable DeliveryFailure lastFailure) {

  /** Checks that the parts are present and agree with the status. */
  public DeliveryRecord {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(status, "status");
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative");
    }
    if ((status == DeliveryStatus.DELIVERED) != (receipt != null)) {
      throw new IllegalArgumentException("a delivered record, and only a delivered one, has a receipt");
    }
  }

  /**
   * A new pending delivery, not yet attempted.
   *
   * @param request the delivery
   * @param now the earliest time of the first attempt
   * @return the record
   */
  public static DeliveryRecord pending(DeliveryRequest request, Instant now) {
    return new DeliveryRecord(request, DeliveryStatus.PENDING, 0, now, null, null);
  }

  /**
   * The receipt.
   *
   * @return the receipt of a delivered record, else empty
   */
  public Optional<DeliveryReceipt> deliveryReceipt() {
    return Optional.ofNullable(receipt);
  }

  /**
   * The last failure.
   *
   * @return the last failed attempt, or empty
   */
  public Optional<DeliveryFailure> deliveryFailure() {
    return Optional.ofNullable(lastFailure);
  }
}
