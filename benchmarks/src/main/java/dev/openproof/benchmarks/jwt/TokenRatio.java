package dev.openproof.benchmarks.jwt;

import dev.openproof.benchmarks.Median;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Verify and sign throughput as ratios to bare JCA, robust to a machine whose load comes and goes.
 *
 * <p>The method. A ratio of two JMH runs made one after the other is only as good as the load was
 * even between them, and on a shared machine it is not: a baseline can swing several times between
 * runs. So the subject and its baseline share each fork and take turns by iteration ({@link
 * TokenPairBenchmark}): baseline, subject, baseline, subject, each iteration a few hundred
 * milliseconds, both warmed up the same way in the same JVM. Each measured baseline iteration is paired
 * with the subject iteration next to it; the fork's ratio is the median of its pairs' ratios, which
 * a burst of load during one pair does not move. Several forks (a new JVM each: new JIT decisions,
 * new heap layout) give the spread; the figure printed is the median of the forks' ratios, with
 * their minimum and maximum. A signature takes a millisecond or more under load, so in a warm-up
 * of a few seconds the code around it runs only some thousand times; {@code compileScaling} (the
 * JVM's {@code -XX:CompileThresholdScaling}, default 1) lets the forks compile hot code sooner, the
 * same for both sides, to check that a ratio is not a warm-up artefact (at 0.1 the figures did not
 * move). Ours and each peer run against the baseline in forks of their own, never
 * beside one another, so no library's JIT profile pollutes another's. The throughputs printed are
 * the medians of the iterations; they move with the load, the ratios much less. Every check stays on:
 * all of ours, and each peer's {@code typ}, issuer and expiry (see {@link Peers}).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.openproof.benchmarks.jwt.TokenRatio [alg=ES256,RS256]
 *     [subject=verify,sign,nimbus,jjwt,auth0,self] [forks=3] [warmup=10] [warmupMs=400] [iterations=16] [ms=200] [compileScaling=1]</pre>
 *
 * <p>{@code self} (not run unless named) measures the baseline against itself: the method's own
 * check, which must read 1.00×.
 *
 * <p>The load average (from {@code /proc/loadavg}) is printed before and after the run.
 */
public final class TokenRatio {
  private static final List<String> ALGS = List.of("ES256", "EdDSA", "RS256", "PS256");
  private static final List<String> SUBJECTS = List.of("verify", "sign", "nimbus", "jjwt", "auth0");

  private TokenRatio() {}

  /**
   * Runs the pairs and prints their ratios.
   *
   * @param args {@code key=value} settings; defaults as in the class description
   * @throws RunnerException if JMH fails
   */
  public static void main(String[] args) throws RunnerException {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("alg", String.join(",", ALGS));
    settings.put("subject", String.join(",", SUBJECTS));
    settings.put("forks", "3");
    settings.put("warmup", "10");
    settings.put("warmupMs", "400");
    settings.put("iterations", "16");
    settings.put("ms", "200");
    settings.put("compileScaling", "1");
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 0 || !settings.containsKey(arg.substring(0, eq))) {
        throw new IllegalArgumentException("unknown setting " + arg + "; known: " + settings.keySet());
      }
      settings.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    List<String> algs = Arrays.asList(settings.get("alg").split(","));
    List<String> subjects = Arrays.asList(settings.get("subject").split(","));
    int forks = Integer.parseInt(settings.get("forks"));
    int warmup = Integer.parseInt(settings.get("warmup"));
    int iterations = Integer.parseInt(settings.get("iterations"));
    if (warmup % 2 != 0 || iterations % 2 != 0 || iterations < 2 || forks < 1) {
      throw new IllegalArgumentException("warm-up and measured iterations come in pairs (even counts), forks >= 1");
    }
    TimeValue warmupTime = TimeValue.milliseconds(Long.parseLong(settings.get("warmupMs")));
    TimeValue time = TimeValue.milliseconds(Long.parseLong(settings.get("ms")));
    System.out.println("JDK " + Runtime.version() + " (" + System.getProperty("java.vm.name") + "), "
        + Runtime.getRuntime().availableProcessors() + " CPUs; load average before: " + loadAverage());
    System.out.println("settings: " + settings);
    Map<String, Pair> pairs = new LinkedHashMap<>();
    for (String alg : algs) {
      for (String subject : subjects) {
        if (alg.equals("EdDSA") && (subject.equals("nimbus") || subject.equals("auth0"))) {
          continue; // nimbus verifies EdDSA only with Google Tink; auth0 java-jwt has no EdDSA
        }
        Options options = new OptionsBuilder()
            .include(TokenPairBenchmark.class.getName() + "\\.turn$")
            .param("alg", alg)
            .param("subject", subject)
            .forks(forks)
            .warmupIterations(warmup)
            .warmupTime(warmupTime)
            .measurementIterations(iterations)
            .measurementTime(time)
            .threads(1)
            .jvmArgsAppend("-Xms512m", "-Xmx512m", "-XX:CompileThresholdScaling=" + settings.get("compileScaling"))
            .shouldFailOnError(true)
            .verbosity(VerboseMode.SILENT)
            .build();
        Pair pair = Pair.of(new Runner(options).run());
        pairs.put(alg + " " + subject, pair);
        System.out.println(String.format(Locale.ROOT, "  %-5s %-6s %s", alg, subject, pair));
      }
    }
    System.out.println("load average after: " + loadAverage());
    System.out.println();
    System.out.println("| alg | JCA verify/s | ours | nimbus | jjwt | auth0 | JCA sign/s | ours sign |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (String alg : algs) {
      Pair verify = pairs.get(alg + " verify");
      Pair sign = pairs.get(alg + " sign");
      StringBuilder row = new StringBuilder("| " + alg + " | " + (verify == null ? "" : verify.baselineText()));
      for (String subject : List.of("verify", "nimbus", "jjwt", "auth0")) {
        Pair pair = pairs.get(alg + " " + subject);
        row.append(" | ").append(pair == null ? "n/a" : pair.ratioText());
      }
      row.append(" | ").append(sign == null ? "" : sign.baselineText());
      row.append(" | ").append(sign == null ? "n/a" : sign.ratioText()).append(" |");
      System.out.println(row);
    }
    System.out.println();
    System.out.println("Each cell: the subject's throughput as a ratio to bare JCA in the same forks, the median of "
        + forks + " forks [their min-max]; JCA throughput: the median of its iterations.");
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  /** A subject's measured pairs of iterations, fork by fork. */
  private record Pair(List<Double> forkRatios, List<Double> baseline, List<Double> subject) {
    static Pair of(Collection<RunResult> results) {
      List<Double> ratios = new ArrayList<>();
      List<Double> baseline = new ArrayList<>();
      List<Double> subject = new ArrayList<>();
      for (RunResult run : results) {
        for (BenchmarkResult fork : run.getBenchmarkResults()) {
          List<Double> pairRatios = new ArrayList<>();
          double pending = Double.NaN;
          boolean pendingIsBaseline = false;
          for (IterationResult iteration : fork.getIterationResults()) {
            double b = counter(iteration, "baseline");
            double s = counter(iteration, "subject");
            boolean isBaseline = b > 0;
            double score = isBaseline ? b : s;
            (isBaseline ? baseline : subject).add(score);
            if (Double.isNaN(pending)) {
              pending = score;
              pendingIsBaseline = isBaseline;
            } else {
              if (pendingIsBaseline == isBaseline) {
                throw new IllegalStateException("two iterations in a row ran the same side");
              }
              pairRatios.add(isBaseline ? pending / score : score / pending);
              pending = Double.NaN;
            }
          }
          ratios.add(median(pairRatios));
        }
      }
      return new Pair(ratios, baseline, subject);
    }

    private static double counter(IterationResult iteration, String name) {
      Result<?> result = iteration.getSecondaryResults().get(name);
      if (result == null) {
        throw new IllegalStateException("no counter " + name + " in an iteration");
      }
      return result.getScore();
    }

    String ratioText() {
      return String.format(Locale.ROOT, "%.2f× [%.2f–%.2f]", median(forkRatios),
          forkRatios.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
          forkRatios.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
    }

    String baselineText() {
      return String.format(Locale.ROOT, "%,.0f", median(baseline));
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "JCA %,9.0f ops/s  subject %,9.0f ops/s  ratio %s  forks %s", median(baseline),
          median(subject), ratioText(), forkRatios.stream().map(r -> String.format(Locale.ROOT, "%.3f", r)).toList());
    }
  }

  private static double median(List<Double> values) {
    return Median.of(values.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
