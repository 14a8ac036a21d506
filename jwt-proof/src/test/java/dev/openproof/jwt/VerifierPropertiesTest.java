package dev.openproof.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.SigningKey;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever it is given, the verifier answers a verified proof or its own exception, nothing else. */
class VerifierPropertiesTest {
  private static final SigningKey KEY = SigningKey.generate(JwsAlgorithm.ES256);
  private static final ProofVerifier VERIFIER = ProofVerifier.builder()
      .trustedKeys(new JWKSet(KEY.publicJwk()))
      .expectedIssuer(Proofs.ISSUER)
      .clock(Proofs.AN_HOUR_LATER)
      .build();
  private static final String TOKEN = JwsProofSigner.of(KEY, Proofs.ISSUER).sign(Proofs.perpetual()).token();

  private static void assertAnswersValidOrItsOwnException(String token) {
    try {
      VerifiedProof verified = VERIFIER.verify(token);
      assertThat(verified.keyId()).isEqualTo(KEY.keyId());
    } catch (ProofVerificationException e) {
      assertThat(e.reasonCode()).isEqualTo(e.reason().name());
      assertThat(e.getMessage()).isNotBlank().doesNotContain("\n", "\r", "Exception", "jackson", "nimbus");
      assertThat(e.getCause()).isNull();
    }
  }

  @Property(tries = 2000)
  void anyStringIsAnsweredValidOrRejected(@ForAll String token) {
    assertAnswersValidOrItsOwnException(token);
  }

  @Property(tries = 2000)
  void anyThreeBase64UrlPartsAreAnsweredValidOrRejected(@ForAll("base64url") String header,
      @ForAll("base64url") String payload, @ForAll("base64url") String signature) {
    assertAnswersValidOrItsOwnException(header + "." + payload + "." + signature);
  }

  @Property(tries = 2000)
  void anyJsonLikeHeaderAndClaimsAreAnsweredValidOrRejected(@ForAll("jsonish") String header, @ForAll("jsonish") String claims) {
    assertAnswersValidOrItsOwnException(Forge.signed(header, claims, KEY));
  }

  @Property(tries = 3000)
  void anEditedTokenIsAnsweredValidOrRejected(@ForAll("edits") String edited) {
    assertAnswersValidOrItsOwnException(edited);
  }

  @Provide
  Arbitrary<String> base64url() {
    return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ .")
        .ofMinLength(0).ofMaxLength(200);
  }

  @Provide
  Arbitrary<String> jsonish() {
    Arbitrary<String> fragments = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"alg\"", "\"ES256\"", "\"none\"", "\"kid\"",
        "\"" + KEY.keyId() + "\"", "\"typ\"", "\"license-proof+jwt\"", "\"crit\"", "\"iss\"", "\"" + Proofs.ISSUER + "\"",
        "\"license\"", "\"exp\"", "1", "-1", "1e400", "0.5", "null", "true", "\"\\u0000\"", "\"\\ud800\"", "\"x\"");
    return fragments.list().ofMaxSize(60).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> edits() {
    Arbitrary<Integer> position = Arbitraries.integers().between(0, TOKEN.length() - 1);
    Arbitrary<Character> replacement = Arbitraries.chars().ascii();
    Arbitrary<String> replaced = Combinators.combine(position, replacement)
        .as((at, c) -> TOKEN.substring(0, at) + c + TOKEN.substring(at + 1));
    Arbitrary<String> truncated = position.map(at -> TOKEN.substring(0, at));
    Arbitrary<String> inserted = Combinators.combine(position, Arbitraries.strings().ofMaxLength(5))
        .as((at, s) -> TOKEN.substring(0, at) + s + TOKEN.substring(at));
    Arbitrary<String> removed = Combinators.combine(position, Arbitraries.integers().between(1, 20))
        .as((at, n) -> TOKEN.substring(0, at) + TOKEN.substring(Math.min(TOKEN.length(), at + n)));
    return Arbitraries.oneOf(replaced, truncated, inserted, removed);
  }
}
