package dev.openproof.benchmarks.jdbc;

import dev.openproof.benchmarks.Median;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link LedgerFulfillmentBenchmark} and prints, per ledger, orders per second of {@code
 * fulfill} and of {@code fulfillAll} (batches of {@value LedgerFulfillmentBenchmark#BATCH}), each with
 * its ratio to the in-memory ledger with the same signer, measured in the same run. PostgreSQL is
 * included when {@code OPENPROOF_TEST_PG_URL} is set (run under {@code scripts/with-postgres.sh}). Each
 * figure is the median of {@value #ITERATIONS} measured iterations of {@value #SECONDS} seconds after two of
 * warm-up, so that one iteration disturbed by the machine's other work moves neither side of a ratio; about
 * four and a half minutes for the three ledgers.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.openproof.benchmarks.jdbc.LedgerRatio [es256|fake] [ledger ...]</pre>
 */
public final class LedgerRatio {
  private static final String[] METHODS = {"fulfill", "fulfillAll"};
  private static final int ITERATIONS = 5;
  private static final int SECONDS = 6;

  private LedgerRatio() {}

  /**
   * Runs the benchmark.
   *
   * @param args the signer ({@code es256} when none is given), then the ledgers besides {@code memory}
   *     (h2, and postgresql where a server is given, when none are named)
   * @throws RunnerException if JMH fails
   */
  public static void main(String[] args) throws RunnerException {
    String signer = args.length > 0 ? args[0] : "es256";
    List<String> ledgers = new ArrayList<>(List.of("memory"));
    if (args.length > 1) {
      ledgers.addAll(List.of(args).subList(1, args.length));
    } else {
      ledgers.add("h2");
      if (System.getenv("OPENPROOF_TEST_PG_URL") != null) {
        ledgers.add("postgresql");
      }
    }
    Options options = new OptionsBuilder()
        .include(LedgerFulfillmentBenchmark.class.getName() + "\\.")
        .param("ledger", ledgers.toArray(String[]::new))
        .param("signer", signer)
        .warmupIterations(2)
        .warmupTime(TimeValue.seconds(5))
        .measurementIterations(ITERATIONS)
        .measurementTime(TimeValue.seconds(SECONDS))
        .build();
    Collection<RunResult> results = new Runner(options).run();
    System.out.println();
    System.out.println(String.format(Locale.ROOT, "Orders/s (median of the iterations), 4 threads, signer %s, Java %s, load average %.2f:", signer,
        Runtime.version(), java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    System.out.println(String.format(Locale.ROOT, "  %-11s %10s %8s %12s %8s", "ledger", "fulfill", "ratio", "fulfillAll", "ratio"));
    for (String ledger : ledgers) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-11s", ledger));
      for (String method : METHODS) {
        double score = score(results, method, ledger);
        double memory = score(results, method, "memory");
        line.append(String.format(Locale.ROOT, " %10.0f %7.2fx", score, score / memory));
        if (method.equals("fulfill")) {
          line.append("  ");
        }
      }
      System.out.println(line);
    }
  }

  /** The median of a benchmark's measured iterations, or NaN where it did not run. */
  private static double score(Collection<RunResult> results, String method, String ledger) {
    double[] iterations = results.stream()
        .filter(r -> r.getParams().getBenchmark().endsWith("." + method) && ledger.equals(r.getParams().getParam("ledger")))
        .flatMap(r -> r.getBenchmarkResults().stream())
        .flatMap(r -> r.getIterationResults().stream())
        .mapToDouble(r -> r.getPrimaryResult().getScore())
        .toArray();
    return Median.of(iterations);
  }
}
