package dev.openproof.benchmarks;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * CPU time and allocation per operation of the calling thread, measured in rounds of a fixed count
 * after as many warm-up rounds: a measure that a loaded machine disturbs less than throughput (time
 * the thread waits for a core is not counted). The runners that print it: {@code CertificateCpu} and
 * {@code TokenOverheadCpu}.
 */
public final class CpuRounds {
  private final double[] cpuNanos;
  private final double[] bytes;

  private CpuRounds(double[] cpuNanos, double[] bytes) {
    Arrays.sort(cpuNanos);
    Arrays.sort(bytes);
    this.cpuNanos = cpuNanos;
    this.bytes = bytes;
  }

  /**
   * Runs {@code rounds} warm-up rounds, then {@code rounds} measured ones, each calling {@code
   * operation} with the indexes {@code 0} to {@code operations - 1}.
   *
   * @param rounds the warm-up and the measured rounds, at least 1
   * @param operations the operations per round, at least 1
   * @param operation one operation, given its index in the round
   * @return the measured rounds
   */
  public static CpuRounds measure(int rounds, int operations, IntConsumer operation) {
    if (rounds < 1 || operations < 1) {
      throw new IllegalArgumentException("rounds and operations must be at least 1, not " + rounds + " and " + operations);
    }
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    double[] cpu = new double[rounds];
    double[] allocated = new double[rounds];
    for (int round = -rounds; round < rounds; round++) {
      long cpuBefore = threads.getCurrentThreadCpuTime();
      long allocatedBefore = threads.getThreadAllocatedBytes(thread);
      for (int i = 0; i < operations; i++) {
        operation.accept(i);
      }
      if (round >= 0) {
        cpu[round] = (threads.getCurrentThreadCpuTime() - cpuBefore) / (double) operations;
        allocated[round] = (threads.getThreadAllocatedBytes(thread) - allocatedBefore) / (double) operations;
      }
    }
    return new CpuRounds(cpu, allocated);
  }

  /** The CPU time per operation of the fastest round, in nanoseconds. */
  public double fastestCpuNanos() {
    return cpuNanos[0];
  }

  /** The CPU time per operation of the middle round (the upper of the two for an even count), in nanoseconds. */
  public double middleCpuNanos() {
    return cpuNanos[cpuNanos.length / 2];
  }

  /** The bytes allocated per operation in the middle round (the upper of the two for an even count). */
  public double middleBytes() {
    return bytes[bytes.length / 2];
  }
}
