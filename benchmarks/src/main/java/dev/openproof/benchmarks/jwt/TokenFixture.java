package dev.openproof.benchmarks.jwt;

import com.nimbusds.jose.jwk.JWKSet;
import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.testing.SampleOrders;
import dev.openproof.jwt.JwsProofSigner;
import dev.openproof.jwt.ProofVerifier;
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

/**
 * What the token benchmarks share for one algorithm: a fresh key pair, our signer and verifier (every
 * check, a fixed clock an hour after issue), one signed proof of the Russian sample order, its signing
 * input and signature bytes, the peers' verifiers for the same key, and bare JCA {@link Signature}s
 * for the baselines. Built once per trial; it fails at once unless ours and every peer accept the
 * token.
 */
final class TokenFixture {
  static final String ISSUER = "https://licensing.example.test";
  static final Instant ISSUED = Instant.parse("2021-03-02T14:00:00Z");

  final JwsAlgorithm algorithm;
  final JwsProofSigner signer;
  final ProofVerifier verifier;
  final LicenseProof proof;
  final String token;
  final byte[] signingInput;
  final byte[] signature;
  final Peers peers;
  private final PublicKey publicKey;
  private final PrivateKey privateKey;

  private TokenFixture(String alg) {
    algorithm = JwsAlgorithm.fromJoseName(alg).orElseThrow(() -> new IllegalArgumentException("no such alg: " + alg));
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
    if (!verifier.verify(token).proof().equals(proof)) {
      throw new IllegalStateException("the token does not verify to its proof");
    }
  }

  /**
   * The fixture of an algorithm.
   *
   * @param alg the JOSE name: ES256, EdDSA, RS256 or PS256
   */
  static TokenFixture of(String alg) {
    return new TokenFixture(alg);
  }

  /** A bare JCA verifier, initialized once with the public key; checks this fixture's signature. */
  Signature jcaVerifier() throws GeneralSecurityException {
    Signature jca = jca();
    jca.initVerify(publicKey);
    if (!jcaVerify(jca)) {
      throw new IllegalStateException("the JCA baseline rejects the token's signature");
    }
    return jca;
  }

  /** A bare JCA signer, initialized once with the private key. */
  Signature jcaSigner() throws GeneralSecurityException {
    Signature jca = jca();
    jca.initSign(privateKey);
    return jca;
  }

  /** The verify baseline: one bare JCA check of the token's signing input and signature. */
  boolean jcaVerify(Signature jca) throws GeneralSecurityException {
    jca.update(signingInput);
    return jca.verify(signature);
  }

  /** The sign baseline: one bare JCA signature over the token's signing input. */
  byte[] jcaSign(Signature jca) throws GeneralSecurityException {
    jca.update(signingInput);
    return jca.sign();
  }

  /** A {@code Signature} for this algorithm; ES256 in IEEE P1363 form, JWS's {@code R || S}, so no DER. */
  private Signature jca() throws GeneralSecurityException {
    Signature jca = Signature.getInstance(switch (algorithm) {
      case ES256 -> "SHA256withECDSAinP1363Format";
      case EDDSA -> "Ed25519";
      case RS256 -> "SHA256withRSA";
      case PS256 -> "RSASSA-PSS";
    });
    if (algorithm == JwsAlgorithm.PS256) {
      jca.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
    }
    return jca;
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
