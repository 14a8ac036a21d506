package dev.openproof.benchmarks.jwt;

import dev.openproof.core.model.SignedProof;
import dev.openproof.jwt.VerifiedProof;
import java.util.concurrent.TimeUnit;
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
 * Our signer and verifier with the cryptography taken out ({@link NoCryptoProvider}): every check
 * of ours stays, the signature itself costs nothing, so the time and the allocation per operation
 * are those of the code around the signature (splitting, base64url, header and claims checks, the
 * model's records, serialization). {@code java -jar benchmarks/target/benchmarks.jar
 * TokenOverheadBenchmark -p alg=RS256 -f 1 -wi 5 -w 1s -i 5 -r 1s -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TokenOverheadBenchmark {
  /** The JWS algorithm, by its JOSE name: the signature's length and the header differ. */
  @Param({"ES256", "RS256"})
  public String alg = "ES256";

  private TokenFixture fixture;

  /** Installs the provider, then builds the keys (on it), the signer, the verifier and a token. */
  @Setup(Level.Trial)
  public void setUp() {
    NoCryptoProvider.install();
    fixture = TokenFixture.of(alg);
  }

  /**
   * Verifies the token with every check but the signature's arithmetic.
   *
   * @return the verified proof
   */
  @Benchmark
  public VerifiedProof verify() {
    return fixture.verifier.verify(fixture.token);
  }

  /**
   * Signs the proof, all but the signature's arithmetic.
   *
   * @return the signed proof
   */
  @Benchmark
  public SignedProof sign() {
    return fixture.signer.sign(fixture.proof);
  }
}
