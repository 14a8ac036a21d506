package dev.openproof.spring;

import java.time.Duration;
import java.util.Objects;

/**
 * A piece of work that {@link OpenProofScheduler} runs at a fixed delay: the redelivery, the
 * republishing of the status lists, the reading of the key folder. Declare one as a bean to have
 * it run beside them.
 *
 * @param name what it does, for the log
 * @param interval the delay between the end of one run and the start of the next, positive
 * @param work the work; an exception it throws is logged and the next run goes ahead
 * @since 0.1.0
 */
public record OpenProofTask(String name, Duration interval, Runnable work) {
  /** Checks the parts. */
  public OpenProofTask {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(work, "work");
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("the interval of " + name + " must be positive: " + interval);
    }
  }
}
