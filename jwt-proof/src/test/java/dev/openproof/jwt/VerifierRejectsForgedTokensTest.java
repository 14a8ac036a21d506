package dev.openproof.jwt;

import static dev.openproof.jwt.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.SigningKey;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerifierRejectsForgedTokensTest {
  private static final SigningKey TRUSTED = SigningKey.generate(JwsAlgorithm.ES256);
  private static final SigningKey TRUSTED_RSA = SigningKey.generate(JwsAlgorithm.RS256);
  private static final SigningKey STRANGER = SigningKey.generate(JwsAlgorithm.ES256);

  private final ProofVerifier verifier = ProofVerifier.builder()
      .trustedKeys(new JWKSet(List.of(TRUSTED.publicJwk(), TRUSTED_RSA.publicJwk())))
      .expectedIssuer(Proofs.ISSUER)
      .clock(Proofs.AN_HOUR_LATER)
      .build();

  private final String claims = Forge.claims(Proofs.perpetual()).toString();

  private String withHeader(String header) {
    return Forge.signed(header, claims, TRUSTED);
  }

  @Test
  void acceptsAnHonestToken() {
    assertThat(verifier.verify(withHeader(Forge.header(TRUSTED))).proof()).isEqualTo(Proofs.perpetual());
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
  void rejectsAlgNoneInAnyCase(String none) {
    String token = Forge.b64("{\"alg\":\"" + none + "\",\"kid\":\"" + TRUSTED.keyId() + "\",\"typ\":\"license-proof+jwt\"}")
        + "." + Forge.b64(claims) + ".AA";

    assertRejected(verifier, token, RejectionReason.ALG_NONE);
  }

  @Test
  void rejectsHmacSignedWithThePublicKey() throws Exception {
    String header = "{\"alg\":\"HS256\",\"kid\":\"" + TRUSTED_RSA.keyId() + "\",\"typ\":\"license-proof+jwt\"}";
    String input = Forge.b64(header) + "." + Forge.b64(claims);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(TRUSTED_RSA.publicJwk().toJSONString().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String token = input + "." + Forge.b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));

    assertRejected(verifier, token, RejectionReason.HMAC_NOT_ALLOWED);
  }

  @Test
  void rejectsAnEmbeddedJwkEvenWhenItSignedTheToken() {
    String header = "{\"alg\":\"ES256\",\"kid\":\"" + STRANGER.keyId() + "\",\"typ\":\"license-proof+jwt\",\"jwk\":"
        + STRANGER.publicJwk().toJSONString() + "}";

    assertRejected(verifier, Forge.signed(header, claims, STRANGER), RejectionReason.EMBEDDED_KEY);
  }

  @Test
  void rejectsAnEmbeddedCertificateChain() {
    String header = "{\"alg\":\"ES256\",\"kid\":\"" + TRUSTED.keyId() + "\",\"typ\":\"license-proof+jwt\",\"x5c\":[\"MIIB\"]}";

    assertRejected(verifier, withHeader(header), RejectionReason.EMBEDDED_KEY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jku", "x5u"})
  void rejectsAKeyUrlInTheHeader(String member) {
    String header = "{\"alg\":\"ES256\",\"kid\":\"" + TRUSTED.keyId() + "\",\"typ\":\"license-proof+jwt\",\"" + member
        + "\":\"https://attacker.example.test/keys\"}";

    assertRejected(verifier, withHeader(header), RejectionReason.REMOTE_KEY_REFERENCE);
  }

  @Test
  void rejectsAnUnknownKid() {
    assertRejected(verifier, Forge.signed(Forge.header(STRANGER), claims, STRANGER), RejectionReason.UNKNOWN_KEY);
  }

  @Test
  void rejectsAHeaderWithoutKid() {
    assertRejected(verifier, withHeader("{\"alg\":\"ES256\",\"typ\":\"license-proof+jwt\"}"), RejectionReason.UNKNOWN_KEY);
  }

  @Test
  void rejectsAKnownKidSignedByAnotherKey() {
    String header = Forge.header(TRUSTED);

    assertRejected(verifier, Forge.signed(header, claims, STRANGER), RejectionReason.BAD_SIGNATURE);
  }

  @Test
  void rejectsAnAlgorithmTheNamedKeyIsNotFor() {
    String header = "{\"alg\":\"PS256\",\"kid\":\"" + TRUSTED_RSA.keyId() + "\",\"typ\":\"license-proof+jwt\"}";

    assertRejected(verifier, Forge.signed(header, claims, TRUSTED_RSA), RejectionReason.ALGORITHM_KEY_MISMATCH);
  }

  @Test
  void rejectsAnAlgorithmOffTheAllowList() {
    ProofVerifier esOnly = ProofVerifier.builder()
        .trustedKeys(new JWKSet(TRUSTED_RSA.publicJwk()))
        .expectedIssuer(Proofs.ISSUER)
        .allowedAlgorithms(EnumSet.of(JwsAlgorithm.ES256))
        .build();

    assertRejected(esOnly, Forge.signed(Forge.header(TRUSTED_RSA), claims, TRUSTED_RSA), RejectionReason.UNSUPPORTED_ALGORITHM);
    assertRejected(esOnly, withHeader("{\"alg\":\"ES512\",\"kid\":\"x\",\"typ\":\"license-proof+jwt\"}"),
        RejectionReason.UNSUPPORTED_ALGORITHM);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"JWT\"", "\"license-proof\"", "\"at+jwt\"", "1"})
  void rejectsAWrongTyp(String typ) {
    String header = "{\"alg\":\"ES256\",\"kid\":\"" + TRUSTED.keyId() + "\",\"typ\":" + typ + "}";

    assertRejected(verifier, withHeader(header), RejectionReason.WRONG_TYPE);
  }

  @Test
  void rejectsAMissingTyp() {
    assertRejected(verifier, withHeader("{\"alg\":\"ES256\",\"kid\":\"" + TRUSTED.keyId() + "\"}"), RejectionReason.WRONG_TYPE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/license-proof+jwt", "License-Proof+JWT"})
  void acceptsTheMediaTypeInItsLongFormAndAnyCase(String typ) {
    String header = "{\"alg\":\"ES256\",\"kid\":\"" + TRUSTED.keyId() + "\",\"typ\":\"" + typ + "\"}";

    assertThat(verifier.verify(withHeader(header)).keyId()).isEqualTo(TRUSTED.keyId());
  }

  @Test
  void rejectsAnUnknownCrit() {
    String header = "{\"alg\":\"ES256\",\"kid\":\"" + TRUSTED.keyId() + "\",\"typ\":\"license-proof+jwt\","
        + "\"crit\":[\"urn:example:policy\"],\"urn:example:policy\":true}";

    assertRejected(verifier, withHeader(header), RejectionReason.UNSUPPORTED_CRIT);
  }

  @Test
  void rejectsATamperedPayload() {
    String[] parts = Forge.parts(withHeader(Forge.header(TRUSTED)));
    String tampered = Forge.b64(claims.replace("\"quantity\":25", "\"quantity\":2500"));

    assertThat(tampered).isNotEqualTo(parts[1]);
    assertRejected(verifier, parts[0] + "." + tampered + "." + parts[2], RejectionReason.BAD_SIGNATURE);
  }

  @Test
  void rejectsATamperedSignature() {
    String[] parts = Forge.parts(withHeader(Forge.header(TRUSTED)));
    char[] signature = parts[2].toCharArray();
    signature[10] = signature[10] == 'A' ? 'B' : 'A';

    assertRejected(verifier, parts[0] + "." + parts[1] + "." + new String(signature), RejectionReason.BAD_SIGNATURE);
  }

  @Test
  void rejectsATruncatedSignature() {
    String[] parts = Forge.parts(withHeader(Forge.header(TRUSTED)));

    assertRejected(verifier, parts[0] + "." + parts[1] + "." + parts[2].substring(0, 84), RejectionReason.BAD_SIGNATURE);
  }

  @Test
  void rejectsAnEcdsaSignatureOfZeros() {
    String[] parts = Forge.parts(withHeader(Forge.header(TRUSTED)));

    assertRejected(verifier, parts[0] + "." + parts[1] + "." + Forge.b64(new byte[64]), RejectionReason.BAD_SIGNATURE);
  }

  @Test
  void rejectsAJweOfFiveParts() {
    String jwe = Forge.b64("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"typ\":\"license-proof+jwt\"}")
        + ".a2V5.aXY.Y2lwaGVy.dGFn";

    assertRejected(verifier, jwe, RejectionReason.ENCRYPTED_TOKEN);
  }

  @Test
  void rejectsAHeaderWithEnc() {
    String header = "{\"alg\":\"ES256\",\"enc\":\"A256GCM\",\"kid\":\"" + TRUSTED.keyId() + "\",\"typ\":\"license-proof+jwt\"}";

    assertRejected(verifier, withHeader(header), RejectionReason.ENCRYPTED_TOKEN);
  }
}
