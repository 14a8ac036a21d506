package dev.openproof.benchmarks.jwt;

import dev.openproof.benchmarks.CpuRounds;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The verifier's overhead as CPU time per operation, a measure that a loaded machine disturbs less
 * than throughput (time the thread waits for a core is not counted): {@code claims}, the claims read
 * alone ({@link ClaimsReadBenchmark}), and {@code verify RS256} / {@code verify PS256}, the whole
 * verifier with the cryptography taken out ({@link TokenOverheadBenchmark}). Each runs on one thread
 * in rounds of a fixed count, after as many warm-up rounds; printed per operation: the thread's CPU
 * time (the fastest round and the median) and the bytes allocated.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.openproof.benchmarks.jwt.TokenOverheadCpu [operations] [rounds]</pre>
 */
public final class TokenOverheadCpu {
  /** Where each result goes, so that none is optimized away. */
  private static volatile Object last = "";

  private TokenOverheadCpu() {}

  /**
   * Runs the measure.
   *
   * @param args the operations per round (20,000) and the measured rounds (30)
   * @throws Throwable if the claims reader cannot be reached
   */
  public static void main(String[] args) throws Throwable {
    int operations = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    NoCryptoProvider.install();
    ClaimsReadBenchmark claims = new ClaimsReadBenchmark();
    claims.setUp();
    measure("claims", operations, rounds, () -> {
      try {
        return claims.read();
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    });
    for (String alg : new String[] {"RS256", "PS256"}) {
      TokenFixture fixture = TokenFixture.of(alg);
      measure("verify " + alg, operations, rounds, () -> fixture.verifier.verify(fixture.token));
    }
  }

  private static void measure(String name, int operations, int rounds, Supplier<Object> operation) {
    CpuRounds measured = CpuRounds.measure(rounds, operations, i -> last = operation.get());
    System.out.println(String.format(Locale.ROOT, "%-12s Java %s: CPU %.0f ns/op (fastest round), %.0f (median); %.0f B/op (%s)",
        name, Runtime.version().feature(), measured.fastestCpuNanos(), measured.middleCpuNanos(), measured.middleBytes(), last.getClass().getSimpleName()));
  }
}
