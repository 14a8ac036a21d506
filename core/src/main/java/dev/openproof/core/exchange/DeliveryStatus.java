package dev.openproof.core.exchange;

/**
 * Where a delivery stands.
 *
 * @since 0.1.0
 */
public enum DeliveryStatus {
  /** Recorded and not yet delivered: it will be tried (again). */
  PENDING,
  /** Delivered; a receipt is recorded. */
  DELIVERED,
  /** Failed for good; not tried again. */
  FAILED
}
