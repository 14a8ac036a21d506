package dev.openproof.jwt;

import static dev.openproof.jwt.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWKSet;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.SigningKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerifierRejectsMalformedTokensTest {
  private static final SigningKey KEY = SigningKey.generate(JwsAlgorithm.EDDSA);

  private final ProofVerifier verifier = ProofVerifier.builder()
      .trustedKeys(new JWKSet(KEY.publicJwk()))
      .expectedIssuer(Proofs.ISSUER)
      .clock(Proofs.AN_HOUR_LATER)
      .build();

  private final String token = JwsProofSigner.of(KEY, Proofs.ISSUER).sign(Proofs.perpetual()).token();
  private final String[] parts = Forge.parts(token);

  @Test
  void rejectsPadding() {
    String padded = Base64.getUrlEncoder().encodeToString(Base64.getUrlDecoder().decode(parts[2]));

    assertThat(padded).endsWith("==");
    assertRejected(verifier, parts[0] + "." + parts[1] + "." + padded, RejectionReason.NOT_CANONICAL);
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "\n", "\t", "\r\n"})
  void rejectsWhitespaceInsideOrAround(String space) {
    assertRejected(verifier, parts[0] + space + "." + parts[1] + "." + parts[2], RejectionReason.NOT_CANONICAL);
    assertRejected(verifier, parts[0] + "." + parts[1].substring(0, 8) + space + parts[1].substring(8) + "." + parts[2],
        RejectionReason.NOT_CANONICAL);
    assertRejected(verifier, token + space, RejectionReason.NOT_CANONICAL);
  }

  @Test
  void rejectsPlusAndSlashOfStandardBase64() {
    String standard = Base64.getEncoder().withoutPadding().encodeToString(Base64.getUrlDecoder().decode(parts[2]));
    String withPlus = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + "+" + parts[2].substring(11);
    String withSlash = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + "/" + parts[2].substring(11);

    assertRejected(verifier, withPlus, RejectionReason.NOT_CANONICAL);
    assertRejected(verifier, withSlash, RejectionReason.NOT_CANONICAL);
    if (!standard.equals(parts[2])) {
      assertRejected(verifier, parts[0] + "." + parts[1] + "." + standard, RejectionReason.NOT_CANONICAL);
    }
  }

  @Test
  void rejectsNonZeroTrailingBits() {
    // 64 signature bytes are 86 characters; the last one carries 2 bits and 4 unused ones, which must be 0.
    String signature = parts[2];
    assertThat(signature).hasSize(86);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int last = alphabet.indexOf(signature.charAt(85));
    String sameBytes = signature.substring(0, 85) + alphabet.charAt(last | 1);

    assertThat(Base64.getUrlDecoder().decode(sameBytes)).isEqualTo(Base64.getUrlDecoder().decode(signature));
    assertRejected(verifier, parts[0] + "." + parts[1] + "." + sameBytes, RejectionReason.NOT_CANONICAL);
  }

  @Test
  void rejectsAPartOfImpossibleLength() {
    String signature = parts[2] + "AAA";

    assertThat(signature.length() % 4).isEqualTo(1);
    assertRejected(verifier, parts[0] + "." + parts[1] + "." + signature, RejectionReason.NOT_CANONICAL);
  }

  @Test
  void rejectsATokenOverTheSizeLimit() {
    StringBuilder large = new StringBuilder(token);
    while (large.length() <= ProofVerifier.DEFAULT_MAX_TOKEN_LENGTH) {
      large.append('A');
    }

    assertRejected(verifier, large.toString(), RejectionReason.TOO_LARGE);
  }

  @Test
  void rejectsATokenOverAConfiguredSizeLimit() {
    ProofVerifier small = ProofVerifier.builder()
        .trustedKeys(new JWKSet(KEY.publicJwk()))
        .expectedIssuer(Proofs.ISSUER)
        .maxTokenLength(1024)
        .build();

    assertThat(token.length()).isGreaterThan(1024);
    assertRejected(small, token, RejectionReason.TOO_LARGE);
  }

  @Test
  void rejectsADeeplyNestedHeader() {
    String header = "{\"alg\":\"EdDSA\",\"kid\":\"" + KEY.keyId() + "\",\"typ\":\"license-proof+jwt\",\"x\":"
        + "[".repeat(500) + "]".repeat(500) + "}";

    assertRejected(verifier, Forge.signed(header, Forge.claims(Proofs.perpetual()).toString(), KEY), RejectionReason.NESTING_TOO_DEEP);
  }

  @Test
  void rejectsDeeplyNestedClaims() {
    String claims = Forge.claims(Proofs.perpetual()).toString();
    String nested = claims.substring(0, claims.length() - 1) + ",\"deep\":" + "{\"a\":".repeat(100) + "1" + "}".repeat(100) + "}";

    assertRejected(verifier, Forge.signed(Forge.header(KEY), nested, KEY), RejectionReason.NESTING_TOO_DEEP);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "abc.def", "a.b.c.d", "a.b.c.d.e.f", ".def.ghi", "abc..ghi", "abc.def."})
  void rejectsTokensWithoutThreeNonEmptyParts(String malformed) {
    assertRejected(verifier, malformed, RejectionReason.MALFORMED);
  }

  @Test
  void rejectsAHeaderThatIsNotJson() {
    assertRejected(verifier, Forge.b64("alg=EdDSA") + "." + parts[1] + "." + parts[2], RejectionReason.MALFORMED);
    assertRejected(verifier, Forge.b64("[\"EdDSA\"]") + "." + parts[1] + "." + parts[2], RejectionReason.MALFORMED);
    assertRejected(verifier, Forge.b64("{\"alg\":\"EdDSA\"}{}") + "." + parts[1] + "." + parts[2], RejectionReason.MALFORMED)
        .hasMessageContaining("content after its JSON object");
    assertRejected(verifier, Forge.b64("{\"alg\":\"EdDSA\"} xyz") + "." + parts[1] + "." + parts[2], RejectionReason.MALFORMED)
        .hasMessageContaining("content after its JSON object");
  }

  @Test
  void rejectsAHeaderThatRepeatsAMember() {
    String header = "{\"alg\":\"EdDSA\",\"kid\":\"" + KEY.keyId() + "\",\"typ\":\"license-proof+jwt\",\"alg\":\"none\"}";

    assertRejected(verifier, Forge.signed(header, Forge.claims(Proofs.perpetual()).toString(), KEY), RejectionReason.MALFORMED)
        .hasMessageContaining("member alg appears twice");
  }

  @Test
  void rejectsClaimsThatAreNotAJsonObject() {
    assertRejected(verifier, Forge.signed(Forge.header(KEY), "[1,2,3]", KEY), RejectionReason.MALFORMED);
    assertRejected(verifier, Forge.signed(Forge.header(KEY), "{\"iss\":", KEY), RejectionReason.MALFORMED);
  }

  @Test
  void rejectsClaimsThatRepeatAMember() {
    String claims = Forge.claims(Proofs.perpetual()).toString();
    String repeated = "{\"iss\":\"https://attacker.example.test\"," + claims.substring(1);

    assertRejected(verifier, Forge.signed(Forge.header(KEY), repeated, KEY), RejectionReason.MALFORMED)
        .hasMessageContaining("member iss appears twice");
  }

  @Test
  void rejectsAHeaderOrClaimsInAnEncodingOtherThanUtf8() {
    String header = Forge.header(KEY);
    String claims = Forge.claims(Proofs.perpetual()).toString();
    for (java.nio.charset.Charset other : java.util.List.of(java.nio.charset.StandardCharsets.UTF_16BE,
        java.nio.charset.StandardCharsets.UTF_16LE, java.nio.charset.Charset.forName("UTF-32BE"))) {
      String utf16Header = Forge.b64(header.getBytes(other)) + "." + Forge.b64(claims);
      String signed = utf16Header + "." + Forge.b64(KEY.sign(utf16Header.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
      assertRejected(verifier, signed, RejectionReason.MALFORMED).hasMessageContaining("JWS header");
      String utf16Claims = Forge.b64(header) + "." + Forge.b64(claims.getBytes(other));
      String signedClaims = utf16Claims + "." + Forge.b64(KEY.sign(utf16Claims.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
      assertRejected(verifier, signedClaims, RejectionReason.MALFORMED).hasMessageContaining("claims set");
    }
    String latin1 = Forge.b64(header) + "." + Forge.b64(claims.replace("}", ",\"x\":\"caf\u00e9\"}").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    String signedLatin1 = latin1 + "." + Forge.b64(KEY.sign(latin1.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    assertRejected(verifier, signedLatin1, RejectionReason.MALFORMED).hasMessageContaining("claims set is not UTF-8");
  }

  @Test
  void rejectsAByteOrderMarkBeforeTheHeader() {
    String header = "\uFEFF" + Forge.header(KEY);
    assertRejected(verifier, Forge.signed(header, Forge.claims(Proofs.perpetual()).toString(), KEY), RejectionReason.MALFORMED);
  }

  @Test
  void namesTheNestedMemberThatAppearsTwice() {
    ObjectNode claims = Forge.claims(Proofs.perpetual());
    String json = claims.toString();
    String licence = "\"license\":{";
    String repeated = json.replace(licence, licence + "\"license_number\":\"0000000000\",");

    assertThat(repeated).isNotEqualTo(json);
    assertRejected(verifier, Forge.signed(Forge.header(KEY), repeated, KEY), RejectionReason.MALFORMED)
        .hasMessageContaining("member license.license_number appears twice");
  }
}
