package dev.openproof.spring;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The {@code openproof.delivery.*} properties: when proofs are sent, retried and handed over at
 * shutdown.
 *
 * @since 0.1.0
 */
public class DeliveryProperties {
  /** How often pending deliveries are sent again (redeliverPending). */
  @NotNull
  private Duration redeliverInterval = Duration.ofSeconds(30);

  /** Whether fulfill leaves the first delivery to the scheduled redelivery, which sends in batches. */
  private boolean defer;

  /** How many pending deliveries one redelivery run claims at once. */
  @Min(1)
  @Max(10_000)
  private int batchSize = 100;

  /** Delay before the first retry of a failed delivery; it doubles up to retry-max-delay. */
  @NotNull
  private Duration retryFirstDelay = Duration.ofMinutes(1);

  /** Longest delay between two retries. */
  @NotNull
  private Duration retryMaxDelay = Duration.ofHours(1);

  /** Attempts after which a delivery that keeps failing transiently is marked failed. */
  @Min(1)
  @Max(1000)
  private int maxAttempts = 12;

  /** How long a claim on an order or delivery holds before another instance takes it over. */
  @NotNull
  private Duration lease = Duration.ofMinutes(5);

  /** How long fulfill waits for another instance that holds the same order. */
  @NotNull
  private Duration claimWait = Duration.ofSeconds(30);

  /** How long shutdown waits for a redelivery run in flight; what it leaves stays pending. */
  @NotNull
  private Duration shutdownTimeout = Duration.ofSeconds(30);

  /** Creates the properties with their defaults. */
  public DeliveryProperties() {}

  /** @return how often pending deliveries are sent again */
  public Duration getRedeliverInterval() {
    return redeliverInterval;
  }

  /** @param redeliverInterval how often pending deliveries are sent again */
  public void setRedeliverInterval(Duration redeliverInterval) {
    this.redeliverInterval = redeliverInterval;
  }

  /** @return whether first deliveries are deferred */
  public boolean isDefer() {
    return defer;
  }

  /** @param defer whether first deliveries are deferred */
  public void setDefer(boolean defer) {
    this.defer = defer;
  }

  /** @return the batch size */
  public int getBatchSize() {
    return batchSize;
  }

  /** @param batchSize the batch size */
  public void setBatchSize(int batchSize) {
    this.batchSize = batchSize;
  }

  /** @return the first retry delay */
  public Duration getRetryFirstDelay() {
    return retryFirstDelay;
  }

  /** @param retryFirstDelay the first retry delay */
  public void setRetryFirstDelay(Duration retryFirstDelay) {
    this.retryFirstDelay = retryFirstDelay;
  }

  /** @return the longest retry delay */
  public Duration getRetryMaxDelay() {
    return retryMaxDelay;
  }

  /** @param retryMaxDelay the longest retry delay */
  public void setRetryMaxDelay(Duration retryMaxDelay) {
    this.retryMaxDelay = retryMaxDelay;
  }

  /** @return the most attempts */
  public int getMaxAttempts() {
    return maxAttempts;
  }

  /** @param maxAttempts the most attempts */
  public void setMaxAttempts(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  /** @return the lease */
  public Duration getLease() {
    return lease;
  }

  /** @param lease the lease */
  public void setLease(Duration lease) {
    this.lease = lease;
  }

  /** @return the claim wait */
  public Duration getClaimWait() {
    return claimWait;
  }

  /** @param claimWait the claim wait */
  public void setClaimWait(Duration claimWait) {
    this.claimWait = claimWait;
  }

  /** @return the shutdown timeout */
  public Duration getShutdownTimeout() {
    return shutdownTimeout;
  }

  /** @param shutdownTimeout the shutdown timeout */
  public void setShutdownTimeout(Duration shutdownTimeout) {
    this.shutdownTimeout = shutdownTimeout;
  }
}
