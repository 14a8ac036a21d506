package dev.openproof.benchmarks.jwt;

import com.nimbusds.jose.jwk.JWKSet;
import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.SignedProof;
import dev.openproof.core.testing.SampleOrders;
import dev.openproof.jwt.JwsProofSigner;
import dev.openproof.jwt.ProofVerifier;
import dev.openproof.jwt.VerifiedProof;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
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
 * Per algorithm: {@code sign} a proof through {@link JwsProofSigner}, {@code verify} its token
 * through {@link ProofVerifier} (every check, claims decoded into a {@code LicenseProof}), and {@code
 * jcaVerify}, the baseline: a bare JCA {@link Signature} check of the same signing input and
 * signature bytes, with a {@code Signature} object kept per thread (ES256 in the JDK's IEEE P1363
 * form, which is JWS's {@code R || S}: no DER conversion). Keys, signer and verifier are built once
 * per trial, not per token.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ProofTokenBenchmark -f 1 -wi 10 -w 2s -i 4 -r 2s}
 * (a long warm-up: the verify path has more code for the JIT to compile than the baseline).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ProofTokenBenchmark {
  private static final String ISSUER = "https://licensing.example.test";
  private static final Instant ISSUED = Instant.parse("2021-03-02T14:00:00Z");

  /** The JWS algorithm, by its JOSE name. */
  @Param({"ES256", "EdDSA", "RS256", "PS256"})
  public String alg = "ES256";

  private JwsProofSigner signer;
  private ProofVerifier verifier;
  private LicenseProof proof;
  private String token;
  private byte[] signingInput;
  private byte[] signature;
  private PublicKey publicKey;
  private String jcaName;
  private JwsAlgorithm algorithm;

  /** Builds the key, the signer, the verifier and one signed token. */
  @Setup(Level.Trial)
  public void setUp() {
    algorithm = JwsAlgorithm.fromJoseName(alg).orElseThrow();
    SigningKey key = SigningKey.generate(algorithm);
    signer = JwsProofSigner.of(key, ISSUER);
    verifier = ProofVerifier.builder()
        .trustedKeys(new JWKSet(key.publicJwk()))
        .expectedIssuer(ISSUER)
        .clock(Clock.fixed(ISSUED.plusSeconds(3600), ZoneOffset.UTC))
        .build();
    proof = proofOf(SampleOrders.russian());
    token = signer.sign(proof).token();
    int dot = token.lastIndexOf('.');
    signingInput = token.substring(0, dot).getBytes(StandardCharsets.US_ASCII);
    signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
    publicKey = key.verificationKey().publicKey();
    jcaName = switch (algorithm) {
      case ES256 -> "SHA256withECDSAinP1363Format";
      case EDDSA -> "Ed25519";
      case RS256 -> "SHA256withRSA";
      case PS256 -> "RSASSA-PSS";
    };
    if (!verifier.verify(token).proof().equals(proof)) {
      throw new IllegalStateException("the token does not verify to its proof");
    }
  }

  /** The baseline's JCA object, one per thread as a caller of the bare JDK would keep it. */
  @State(Scope.Thread)
  public static class Jca {
    Signature signature;

    /**
     * Creates the thread's {@code Signature}.
     *
     * @param benchmark the benchmark state
     * @throws GeneralSecurityException if the JDK lacks the algorithm
     */
    @Setup(Level.Trial)
    public void setUp(ProofTokenBenchmark benchmark) throws GeneralSecurityException {
      signature = Signature.getInstance(benchmark.jcaName);
      if (benchmark.algorithm == JwsAlgorithm.PS256) {
        signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
      }
    }
  }

  /**
   * Signs a proof: claims written and checked, header, signature, serialization.
   *
   * @return the signed proof
   */
  @Benchmark
  public SignedProof sign() {
    return signer.sign(proof);
  }

  /**
   * Verifies a token with every check of the verifier and decodes its proof.
   *
   * @return the verified proof
   */
  @Benchmark
  public VerifiedProof verify() {
    return verifier.verify(token);
  }

  /**
   * The baseline: a bare JCA check of the same bytes.
   *
   * @param jca the thread's JCA object
   * @return whether the signature is valid
   * @throws GeneralSecurityException never for these keys
   */
  @Benchmark
  public boolean jcaVerify(Jca jca) throws GeneralSecurityException {
    jca.signature.initVerify(publicKey);
    jca.signature.update(signingInput);
    return jca.signature.verify(signature);
  }

  private static LicenseProof proofOf(Order order) {
    List<Entitlement> entitlements = order.lines().stream().map(Entitlement::of).toList();
    return new LicenseProof(ProofId.of("P-BENCH-1"), LicenseNumber.withCheckDigit("123456789"),
        AuthorizationNumber.of("A-77000123"), order.program(), order.orderId(), order.placedAt(),
        order.customer().ref(), order.reseller().ref(), order.distributor().ref(), entitlements, ISSUED,
        LicenseProof.expiryOf(entitlements).orElse(null), null);
  }
}
