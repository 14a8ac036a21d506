package dev.openproof.core.fulfillment;

/**
 * What one run of {@link LicenseFulfillment#redeliverPending()} did.
 *
 * @param attempted deliveries attempted
 * @param delivered of those, delivered
 * @param retrying of those, failed and still pending
 * @param failed of those, failed for good
 * @param misconfigured of the retrying ones, those that failed because the delivery port is set up
 *     wrongly ({@link dev.openproof.core.exchange.FailureKind#CONFIGURATION}); the run stopped at the first
 *     batch that had one, leaving the rest pending and due
 * @since 0.1.0
 */
public record RedeliveryReport(int attempted, int delivered, int retrying, int failed, int misconfigured) {
  /** Checks that the counts add up. */
  public RedeliveryReport {
    if (attempted != delivered + retrying + failed) {
      throw new IllegalArgumentException("attempted must be delivered + retrying + failed");
    }
    if (misconfigured < 0 || misconfigured > retrying) {
      throw new IllegalArgumentException("misconfigured must be 0 to retrying");
    }
  }

  /**
   * A report with no delivery failed for its settings.
   *
   * @param attempted deliveries attempted
   * @param delivered of those, delivered
   * @param retrying of those, failed and still pending
   * @param failed of those, failed for good
   */
  public RedeliveryReport(int attempted, int delivered, int retrying, int failed) {
    this(attempted, delivered, retrying, failed, 0);
  }
}
