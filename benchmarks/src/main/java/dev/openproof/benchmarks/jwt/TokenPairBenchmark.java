package dev.openproof.benchmarks.jwt;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One subject and its bare JCA baseline in the same fork, taking turns by iteration: even iterations
 * (warm-up included) run the baseline, odd ones the subject, so the two alternate every few hundred
 * milliseconds and a load that comes and goes hits both. JMH times every iteration as usual; the
 * counters {@code baseline} and {@code subject} say which of the two an iteration ran (the other is
 * zero). {@link TokenRatio} runs it and pairs each baseline iteration with the subject iteration next
 * to it. The subjects: {@code verify} (ours, every check), {@code sign} (ours, against a bare JCA
 * signature of the same signing input), and the peers {@code nimbus}, {@code jjwt} and {@code auth0}
 * (see {@link Peers}), each against a bare JCA check of the same signature; and {@code self}, the
 * baseline against itself, the method's own check: it must read 1.00.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenPairBenchmark {
  /** The JWS algorithm, by its JOSE name. */
  @Param({"ES256", "EdDSA", "RS256", "PS256"})
  public String alg = "ES256";

  /**
   * What is measured against the baseline: {@code verify}, {@code sign}, {@code nimbus}, {@code jjwt},
   * {@code auth0} or {@code self}.
   */
  @Param({"verify", "sign", "nimbus", "jjwt", "auth0", "self"})
  public String subject = "verify";

  private TokenFixture fixture;
  private Signature jca;
  private int kind;
  private int iteration;
  private boolean baselineTurn;

  /**
   * Builds the fixture and the baseline's {@code Signature}.
   *
   * @throws GeneralSecurityException if the JDK lacks the algorithm
   */
  @Setup(Level.Trial)
  public void setUp() throws GeneralSecurityException {
    fixture = TokenFixture.of(alg);
    kind = switch (subject) {
      case "verify" -> 0;
      case "sign" -> 1;
      case "nimbus" -> 2;
      case "jjwt" -> 3;
      case "auth0" -> 4;
      case "self" -> 5;
      default -> throw new IllegalArgumentException("no such subject: " + subject);
    };
    jca = kind == 1 ? fixture.jcaSigner() : fixture.jcaVerifier();
  }

  /** Chooses whose turn the next iteration is: the baseline's, then the subject's, and so on. */
  @Setup(Level.Iteration)
  public void takeTurns() {
    baselineTurn = iteration++ % 2 == 0;
  }

  /** Which of the two an iteration ran: its operations per second, zero for the other. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Turns {
    /** Operations of the baseline in this iteration. */
    public long baseline;
    /** Operations of the subject in this iteration. */
    public long subject;

    /** Starts an iteration at zero. */
    @Setup(Level.Iteration)
    public void reset() {
      baseline = 0;
      subject = 0;
    }
  }

  /**
   * One operation of the baseline or of the subject, as the iteration's turn says.
   *
   * @param turns the counters of the iteration
   * @return the operation's result
   * @throws GeneralSecurityException never for these keys
   */
  @Benchmark
  public Object turn(Turns turns) throws GeneralSecurityException {
    if (baselineTurn) {
      turns.baseline++;
      return kind == 1 ? fixture.jcaSign(jca) : fixture.jcaVerify(jca);
    }
    turns.subject++;
    return switch (kind) {
      case 0 -> fixture.verifier.verify(fixture.token);
      case 1 -> fixture.signer.sign(fixture.proof);
      case 2 -> fixture.peers.nimbus(fixture.token);
      case 3 -> fixture.peers.jjwt(fixture.token);
      case 4 -> fixture.peers.auth0(fixture.token);
      default -> fixture.jcaVerify(jca);
    };
  }
}
