package dev.openproof.benchmarks;

import java.util.Arrays;

/** The median the ratio runners report, so that one disturbed iteration moves no figure. */
public final class Median {
  private Median() {}

  /**
   * The median of {@code values} (the mean of the two middle ones for an even count), or NaN when
   * there are none; the array is left as it is.
   */
  public static double of(double... values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
