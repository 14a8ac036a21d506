package dev.openproof.jwt;

import static dev.openproof.jwt.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.SigningKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One verifier keeps the last header it accepted and a ready {@code Signature} per key: whatever
 * token comes next is judged on its own, whichever came before.
 */
class OneVerifierManyTokensTest {
  private static final SigningKey KEY = SigningKey.generate(JwsAlgorithm.ES256);
  private static final SigningKey OTHER = SigningKey.generate(JwsAlgorithm.EDDSA);
  private static final String CLAIMS = Forge.claims(Proofs.perpetual()).toString();

  private final ProofVerifier verifier = ProofVerifier.builder()
      .trustedKeys(new JWKSet(List.of(KEY.publicJwk(), OTHER.publicJwk())))
      .expectedIssuer(Proofs.ISSUER)
      .clock(Proofs.AN_HOUR_LATER)
      .build();

  @Test
  void judgesEachTokenOnItsOwnWhateverCameBefore() {
    String good = JwsProofSigner.of(KEY, Proofs.ISSUER).sign(Proofs.perpetual()).token();
    String[] parts = Forge.parts(good);
    String otherKey = JwsProofSigner.of(OTHER, Proofs.ISSUER).sign(Proofs.withTerm()).token();

    assertThat(verifier.verify(good).proof()).isEqualTo(Proofs.perpetual());
    // The known header with claims it was not signed over, or a signature it does not carry.
    assertRejected(verifier, parts[0] + "." + Forge.b64(CLAIMS.replace("P-0001", "P-0002")) + "." + parts[2],
        RejectionReason.BAD_SIGNATURE);
    assertRejected(verifier, parts[0] + "." + parts[1] + "." + Forge.parts(otherKey)[2], RejectionReason.BAD_SIGNATURE);
    // Other headers after the known one.
    assertRejected(verifier, Forge.signed("{\"alg\":\"none\",\"kid\":\"" + KEY.keyId() + "\",\"typ\":\"license-proof+jwt\"}", CLAIMS, KEY),
        RejectionReason.ALG_NONE);
    assertRejected(verifier, Forge.signed("{\"alg\":\"ES256\",\"kid\":\"" + KEY.keyId() + "\",\"typ\":\"JWT\"}", CLAIMS, KEY),
        RejectionReason.WRONG_TYPE);
    assertRejected(verifier, Forge.signed("{\"alg\":\"EdDSA\",\"kid\":\"" + KEY.keyId() + "\",\"typ\":\"license-proof+jwt\"}", CLAIMS, KEY),
        RejectionReason.ALGORITHM_KEY_MISMATCH);
    assertRejected(verifier, parts[0] + "=." + parts[1] + "." + parts[2], RejectionReason.NOT_CANONICAL);
    assertThat(verifier.verify(otherKey).proof()).isEqualTo(Proofs.withTerm());
    assertThat(verifier.verify(good).proof()).isEqualTo(Proofs.perpetual());
    // The known header with claims that break a rule: the tree path names it.
    assertRejected(verifier, Forge.signed(Forge.header(KEY), CLAIMS.replace("\"version\":1", "\"version\":2"), KEY), RejectionReason.INVALID_CLAIMS)
        .hasMessageContaining("/license/version");
    assertThat(verifier.verify(good).proof()).isEqualTo(Proofs.perpetual());
  }

  @Test
  void theStreamingPathLeavesTheTimesAndAnotherIssuerToTheTree() {
    ProofVerifier later = ProofVerifier.builder()
        .trustedKeys(new JWKSet(KEY.publicJwk()))
        .expectedIssuer(Proofs.ISSUER)
        .clock(java.time.Clock.fixed(java.time.Instant.parse("2030-01-01T00:00:00Z"), java.time.ZoneOffset.UTC))
        .build();
    String expiring = JwsProofSigner.of(KEY, Proofs.ISSUER).sign(Proofs.withTerm()).token();
    assertRejected(later, expiring, RejectionReason.EXPIRED);
    ProofVerifier earlier = ProofVerifier.builder()
        .trustedKeys(new JWKSet(KEY.publicJwk()))
        .expectedIssuer(Proofs.ISSUER)
        .clock(java.time.Clock.fixed(Proofs.ISSUED.minusSeconds(3600), java.time.ZoneOffset.UTC))
        .build();
    assertRejected(earlier, expiring, RejectionReason.NOT_YET_VALID);
    String elsewhere = JwsProofSigner.of(KEY, "https://elsewhere.example.test").sign(Proofs.perpetual()).token();
    assertRejected(verifier, elsewhere, RejectionReason.WRONG_ISSUER);
  }
}
