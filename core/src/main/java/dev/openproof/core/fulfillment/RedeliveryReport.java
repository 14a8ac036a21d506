package dev.openproof.core.fulfillment;

/**
 * What one run of {@link LicenseFulfillment#redeliverPending()} did.
 *
 * @param attempted deliveries attempted
 * @param delivered of those, delivered
 * @param retrying of those, failed and still pending
 * @param failed of those, failed for good
 * @since 0.1.0
 */
public record RedeliveryReport(int attempted, int delivered, int retrying, int failed) {
  /** Checks that the counts add up. */
  public RedeliveryReport {
    if (attempted != delivered + retrying + failed) {
      throw new IllegalArgumentException("attempted must be delivered + retrying + failed");
    }
  }
}
