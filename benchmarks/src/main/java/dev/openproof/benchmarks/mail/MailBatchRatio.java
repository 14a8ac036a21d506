package dev.openproof.benchmarks.mail;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link MailBatchBenchmark} and prints, per server, messages per second over one connection,
 * over one connection per message, and their ratio, all from the same run.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.openproof.benchmarks.mail.MailBatchRatio [sink|greenmail ...]</pre>
 */
public final class MailBatchRatio {
  private MailBatchRatio() {}

  /**
   * Runs the benchmark.
   *
   * @param args the servers to measure; both when none is given
   * @throws RunnerException if JMH fails
   */
  public static void main(String[] args) throws RunnerException {
    String[] servers = args.length == 0 ? new String[] {"sink", "greenmail"} : args;
    Options options = new OptionsBuilder()
        .include(MailBatchBenchmark.class.getName() + "\\.")
        .param("server", servers)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    System.out.println();
    System.out.println("Batch of " + MailBatchBenchmark.BATCH + " messages to 127.0.0.1 (messages/s, mean of the measured iterations):");
    for (String server : servers) {
      double one = score(results, "oneConnection", server);
      double each = score(results, "connectionPerMessage", server);
      System.out.println(String.format(Locale.ROOT, "  %-9s one connection %8.1f   connection per message %8.1f   ratio %.2fx",
          server, one, each, one / each));
    }
  }

  private static double score(Collection<RunResult> results, String method, String server) {
    return results.stream()
        .filter(r -> r.getParams().getBenchmark().endsWith("." + method) && server.equals(r.getParams().getParam("server")))
        .mapToDouble(r -> r.getPrimaryResult().getScore())
        .findFirst()
        .orElse(Double.NaN);
  }
}
