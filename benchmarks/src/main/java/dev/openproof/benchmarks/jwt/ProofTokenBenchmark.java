package dev.openproof.benchmarks.jwt;

import dev.openproof.core.model.SignedProof;
import dev.openproof.jwt.JwsProofSigner;
import dev.openproof.jwt.ProofVerifier;
import dev.openproof.jwt.VerifiedProof;
import java.security.GeneralSecurityException;
import java.security.Signature;
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
 * Per algorithm: {@code sign} a proof through {@link JwsProofSigner} against {@code jcaSign}, a bare
 * JCA signature over the same signing input; {@code verify} its token through {@link ProofVerifier}
 * (every check, claims decoded into a {@code LicenseProof}) against {@code jcaVerify}, a bare JCA
 * {@link Signature} check of the same signing input and signature bytes; and the peers {@code
 * nimbusVerify}, {@code jjwtVerify} and {@code auth0Verify} on the same token and key, each with its
 * {@code typ}, issuer and expiry checks (see {@link Peers}). The baselines keep a {@code Signature}
 * per thread, initialized once with the key. Everything is built once per trial ({@link TokenFixture}).
 *
 * <p>Each benchmark runs in forks of its own, one after another, so on a loaded machine the load of
 * the moment lands on one and not the other; for ratios, run {@link TokenRatio}, which interleaves.
 * This class is for profiles: {@code java -jar benchmarks/target/benchmarks.jar ProofTokenBenchmark.verify
 * -p alg=RS256 -f 1 -wi 3 -w 2s -i 3 -r 2s -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ProofTokenBenchmark {
  /** The JWS algorithm, by its JOSE name. */
  @Param({"ES256", "EdDSA", "RS256", "PS256"})
  public String alg = "ES256";

  private TokenFixture fixture;

  /** Builds the key, the signer, the verifiers and one signed token. */
  @Setup(Level.Trial)
  public void setUp() {
    fixture = TokenFixture.of(alg);
  }

  /** The baselines' JCA objects, one per thread, each initialized once with its key. */
  @State(Scope.Thread)
  public static class Jca {
    Signature verifier;
    Signature signer;

    /**
     * Creates the thread's {@code Signature}s.
     *
     * @param benchmark the benchmark state
     * @throws GeneralSecurityException if the JDK lacks the algorithm
     */
    @Setup(Level.Trial)
    public void setUp(ProofTokenBenchmark benchmark) throws GeneralSecurityException {
      verifier = benchmark.fixture.jcaVerifier();
      signer = benchmark.fixture.jcaSigner();
    }
  }

  /**
   * Signs a proof: claims written and checked, header, signature, serialization.
   *
   * @return the signed proof
   */
  @Benchmark
  public SignedProof sign() {
    return fixture.signer.sign(fixture.proof);
  }

  /**
   * The sign baseline: a bare JCA signature over the same signing input.
   *
   * @param jca the thread's JCA objects
   * @return the signature
   * @throws GeneralSecurityException never for these keys
   */
  @Benchmark
  public byte[] jcaSign(Jca jca) throws GeneralSecurityException {
    return fixture.jcaSign(jca.signer);
  }

  /**
   * Verifies a token with every check of the verifier and decodes its proof.
   *
   * @return the verified proof
   */
  @Benchmark
  public VerifiedProof verify() {
    return fixture.verifier.verify(fixture.token);
  }

  /**
   * The baseline: a bare JCA check of the same bytes.
   *
   * @param jca the thread's JCA objects
   * @return whether the signature is valid
   * @throws GeneralSecurityException never for these keys
   */
  @Benchmark
  public boolean jcaVerify(Jca jca) throws GeneralSecurityException {
    return fixture.jcaVerify(jca.verifier);
  }

  /**
   * nimbus-jose-jwt's {@code DefaultJWTProcessor}; not for EdDSA, which it verifies only with Google
   * Tink on the class path.
   *
   * @return the claims set
   */
  @Benchmark
  public Object nimbusVerify() {
    return fixture.peers.nimbus(fixture.token);
  }

  /**
   * jjwt's parser.
   *
   * @return the claims
   */
  @Benchmark
  public Object jjwtVerify() {
    return fixture.peers.jjwt(fixture.token);
  }

  /**
   * auth0 java-jwt's {@code JWTVerifier}; not for EdDSA, which it does not offer.
   *
   * @return the decoded token
   */
  @Benchmark
  public Object auth0Verify() {
    return fixture.peers.auth0(fixture.token);
  }
}
