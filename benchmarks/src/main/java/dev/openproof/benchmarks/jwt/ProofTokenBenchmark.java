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
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
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
 * Per algorithm: {@code sign} a proof through {@link JwsProofSigner} against {@code jcaSign}, a bare
 * JCA signature over the same signing input; {@code verify} its token through {@link ProofVerifier}
 * (every check, claims decoded into a {@code LicenseProof}) against {@code jcaVerify}, a bare JCA
 * {@link Signature} check of the same signing input and signature bytes; and the peers {@code
 * nimbusVerify}, {@code jjwtVerify} and {@code auth0Verify} on the same token and key, each with its
 * {@code typ}, issuer and expiry checks (see {@link Peers}). The baselines keep a {@code Signature}
 * per thread, initialized once with the key (ES256 in the JDK's IEEE P1363 form, which is JWS's
 * {@code R || S}: no DER conversion). Keys, signer and verifiers are built once per trial.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ProofTokenBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s}
 * (add {@code -prof gc} for the bytes allocated per operation).
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
  private Peers peers;
  private PrivateKey privateKey;

  /** Builds the key, the signer, the verifier and one signed token. */
  @Setup(Level.Trial)
  public void setUp() {
    algorithm = JwsAlgorithm.fromJoseName(alg).orElseThrow();
    KeyPair pair = keyPair(algorithm);
    SigningKey key = SigningKey.of(pair, algorithm);
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
    privateKey = pair.getPrivate();
    peers = Peers.of(algorithm, key.publicJwk(), publicKey, ISSUER, ISSUED.plusSeconds(3600));
    peers.check(token, proof.proofId().value());
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

  /** The baselines' JCA objects, one per thread, each initialized once with its key. */
  @State(Scope.Thread)
  public static class Jca {
    Signature signature;
    Signature signer;

    /**
     * Creates the thread's {@code Signature}.
     *
     * @param benchmark the benchmark state
     * @throws GeneralSecurityException if the JDK lacks the algorithm
     */
    @Setup(Level.Trial)
    public void setUp(ProofTokenBenchmark benchmark) throws GeneralSecurityException {
      signature = Signature.getInstance(benchmark.jcaName);
      signer = Signature.getInstance(benchmark.jcaName);
      if (benchmark.algorithm == JwsAlgorithm.PS256) {
        PSSParameterSpec pss = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);
        signature.setParameter(pss);
        signer.setParameter(pss);
      }
      signature.initVerify(benchmark.publicKey);
      signer.initSign(benchmark.privateKey);
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
   * The sign baseline: a bare JCA signature over the same signing input.
   *
   * @param jca the thread's JCA objects
   * @return the signature
   * @throws GeneralSecurityException never for these keys
   */
  @Benchmark
  public byte[] jcaSign(Jca jca) throws GeneralSecurityException {
    jca.signer.update(signingInput);
    return jca.signer.sign();
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
    jca.signature.update(signingInput);
    return jca.signature.verify(signature);
  }

  /**
   * nimbus-jose-jwt's {@code DefaultJWTProcessor}; not for EdDSA, which it verifies only with Google
   * Tink on the class path.
   *
   * @return the claims set
   */
  @Benchmark
  public Object nimbusVerify() {
    return peers.nimbus(token);
  }

  /**
   * jjwt's parser.
   *
   * @return the claims
   */
  @Benchmark
  public Object jjwtVerify() {
    return peers.jjwt(token);
  }

  /**
   * auth0 java-jwt's {@code JWTVerifier}; not for EdDSA, which it does not offer.
   *
   * @return the decoded token
   */
  @Benchmark
  public Object auth0Verify() {
    return peers.auth0(token);
  }

  private static KeyPair keyPair(JwsAlgorithm algorithm) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(switch (algorithm) {
        case ES256 -> "EC";
        case EDDSA -> "Ed25519";
        case RS256, PS256 -> "RSA";
      });
      if (algorithm == JwsAlgorithm.ES256) {
        generator.initialize(new ECGenParameterSpec("secp256r1"));
      } else if (algorithm.isRsa()) {
        generator.initialize(2048);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot generate " + algorithm + " keys", e);
    }
  }

  private static LicenseProof proofOf(Order order) {
    List<Entitlement> entitlements = order.lines().stream().map(Entitlement::of).toList();
    return new LicenseProof(ProofId.of("P-BENCH-1"), LicenseNumber.withCheckDigit("123456789"),
        AuthorizationNumber.of("A-77000123"), order.program(), order.orderId(), order.placedAt(),
        order.customer().ref(), order.reseller().ref(), order.distributor().ref(), entitlements, ISSUED,
        LicenseProof.expiryOf(entitlements).orElse(null), null);
  }
}
