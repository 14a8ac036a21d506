package dev.openproof.core.fulfillment;

import java.time.Duration;
import java.util.Objects;

/**
 * When a delivery that failed transiently is tried again: after {@code firstDelay}, doubling up to
 * {@code maxDelay}, for at most {@code maxAttempts} attempts in all; then it is marked failed.
 *
 * @param firstDelay the delay after the first failed attempt, positive
 * @param maxDelay the longest delay, not shorter than {@code firstDelay}
 * @param maxAttempts the most attempts, at least 1
 * @since 0.1.0
 */
public record RetryPolicy(Duration firstDelay, Duration maxDelay, int maxAttempts) {
  /** One minute, doubling to one hour, at most 12 attempts (about half a day). */
  public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofMinutes(1), Duration.ofHours(1), 12);

  /** Checks the ranges. */
  public RetryPolicy {
    Objects.requireNonNull(firstDelay, "firstDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (firstDelay.isNegative() || firstDelay.isZero()) {
      throw new IllegalArgumentException("firstDelay must be positive: " + firstDelay);
    }
    if (maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException("maxDelay must not be shorter than firstDelay");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
  }

  /**
   * The delay after a number of failed attempts.
   *
   * @param failedAttempts how many attempts failed so far, at least 1
   * @return the delay before the next attempt
   */
  public Duration delayAfter(int failedAttempts) {
    Duration delay = firstDelay;
    for (int i = 1; i < failedAttempts && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
