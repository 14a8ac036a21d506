package dev.openproof.jwt;

import static dev.openproof.jwt.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.SigningKey;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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

  /**
   * The known header changed at any position (a character of the alphabet put in its place, one from
   * outside it, or none): a verifier that holds the good header decides each token exactly as one that
   * holds another key's header, the same reason or the same proof. A token differs from the known
   * header only by being another text, which is decoded and checked in full.
   */
  @Test
  void aHeaderOneCharacterAwayFromTheKnownOneIsDecidedAsWithoutIt() {
    String good = JwsProofSigner.of(KEY, Proofs.ISSUER).sign(Proofs.perpetual()).token();
    String otherKey = JwsProofSigner.of(OTHER, Proofs.ISSUER).sign(Proofs.withTerm()).token();
    String header = Forge.parts(good)[0];
    String rest = good.substring(header.length());
    ProofVerifier cold = ProofVerifier.builder()
        .trustedKeys(new JWKSet(List.of(KEY.publicJwk(), OTHER.publicJwk())))
        .expectedIssuer(Proofs.ISSUER)
        .clock(Proofs.AN_HOUR_LATER)
        .build();
    Set<String> outcomes = new TreeSet<>();
    for (int at = 0; at < header.length(); at++) {
      for (String replacement : List.of("A", "g", "w", "-", "=", " ", "\u00e9", "")) {
        if (replacement.equals(header.substring(at, at + 1))) {
          continue;
        }
        String edited = header.substring(0, at) + replacement + header.substring(at + 1) + rest;
        assertThat(outcome(verifier, good)).isEqualTo(outcome(cold, good));
        assertThat(outcome(cold, otherKey)).isEqualTo("accepted " + Proofs.withTerm().proofId().value());
        String warm = outcome(verifier, edited);
        assertThat(warm).as(edited).isEqualTo(outcome(cold, edited));
        outcomes.add(warm);
      }
    }
    // Each change breaks the base64url, the JSON, a header rule or the signature over it; none is accepted.
    assertThat(outcomes).contains(RejectionReason.NOT_CANONICAL.name(), RejectionReason.MALFORMED.name(),
            RejectionReason.UNSUPPORTED_ALGORITHM.name(), RejectionReason.WRONG_TYPE.name(), RejectionReason.UNKNOWN_KEY.name())
        .noneMatch(outcome -> outcome.startsWith("accepted"));
  }

  /** What a verifier makes of a token: its reason, or {@code accepted} and the proof's id. */
  private static String outcome(ProofVerifier verifier, String token) {
    try {
      return "accepted " + verifier.verify(token).proof().proofId().value();
    } catch (ProofVerificationException e) {
      return e.reason().name();
    }
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
