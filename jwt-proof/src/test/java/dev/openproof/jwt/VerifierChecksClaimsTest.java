package dev.openproof.jwt;

import static dev.openproof.jwt.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWKSet;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.SigningKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class VerifierChecksClaimsTest {
  private static final SigningKey KEY = SigningKey.generate(JwsAlgorithm.PS256);
  private static final Instant EXPIRY = Proofs.withTerm().expiresAt();

  private static ProofVerifier verifierAt(Instant now) {
    return ProofVerifier.builder()
        .trustedKeys(new JWKSet(KEY.publicJwk()))
        .expectedIssuer(Proofs.ISSUER)
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .build();
  }

  private final ProofVerifier verifier = verifierAt(Proofs.ISSUED.plusSeconds(3600));

  private static String tokenWith(Consumer<ObjectNode> change) {
    ObjectNode claims = Forge.claims(Proofs.perpetual());
    change.accept(claims);
    return Forge.signed(claims, KEY);
  }

  private static ObjectNode license(ObjectNode claims) {
    return (ObjectNode) claims.get("license");
  }

  @Test
  void rejectsAnExpiredProof() {
    String token = JwsProofSigner.of(KEY, Proofs.ISSUER).sign(Proofs.withTerm()).token();

    assertRejected(verifierAt(EXPIRY.plusSeconds(61)), token, RejectionReason.EXPIRED);
    assertThat(verifierAt(EXPIRY.plusSeconds(59)).verify(token).proof()).isEqualTo(Proofs.withTerm());
  }

  @Test
  void rejectsAProofNotValidYet() {
    long issued = Proofs.ISSUED.getEpochSecond();

    assertRejected(verifier, tokenWith(c -> c.put("nbf", issued + 7200)), RejectionReason.NOT_YET_VALID);
    assertThat(verifier.verify(tokenWith(c -> c.put("nbf", issued + 3650))).issuer()).isEqualTo(Proofs.ISSUER);
  }

  @Test
  void rejectsAProofIssuedInTheFuture() {
    assertRejected(verifier, tokenWith(c -> c.put("iat", Proofs.ISSUED.getEpochSecond() + 7200)), RejectionReason.NOT_YET_VALID);
  }

  @Test
  void rejectsAWrongIssuer() {
    assertRejected(verifier, tokenWith(c -> c.put("iss", "https://attacker.example.test")), RejectionReason.WRONG_ISSUER);
    assertRejected(verifier, tokenWith(c -> c.put("iss", Proofs.ISSUER + "/")), RejectionReason.WRONG_ISSUER);
  }

  @Test
  void rejectsAnAudienceTheVerifierDoesNotHave() {
    assertRejected(verifier, tokenWith(c -> c.put("aud", "https://partner.example.test")), RejectionReason.WRONG_AUDIENCE);

    ProofVerifier partner = ProofVerifier.builder()
        .trustedKeys(new JWKSet(KEY.publicJwk()))
        .expectedIssuer(Proofs.ISSUER)
        .audience("https://partner.example.test")
        .clock(Proofs.AN_HOUR_LATER)
        .build();
    assertThat(partner.verify(tokenWith(c -> c.putArray("aud").add("x").add("https://partner.example.test"))).issuer())
        .isEqualTo(Proofs.ISSUER);
    assertRejected(partner, tokenWith(c -> c.put("aud", "https://other.example.test")), RejectionReason.WRONG_AUDIENCE);
  }

  @Test
  void rejectsClaimsWithoutTheLicense() {
    assertRejected(verifier, tokenWith(c -> c.remove("license")), RejectionReason.INVALID_CLAIMS)
        .hasMessageContaining("/license");
  }

  @Test
  void rejectsAMemberTheSchemaDoesNotAllow() {
    assertRejected(verifier, tokenWith(c -> ((ObjectNode) license(c).get("customer")).put("email", "a@b.test")),
        RejectionReason.INVALID_CLAIMS).hasMessageContaining("/license/customer");
  }

  @Test
  void rejectsAQuantityOfZero() {
    assertRejected(verifier, tokenWith(c -> ((ObjectNode) license(c).get("entitlements").get(1)).put("quantity", 0)),
        RejectionReason.INVALID_CLAIMS).hasMessageContaining("/license/entitlements/1/quantity");
  }

  @Test
  void rejectsAnotherVersion() {
    assertRejected(verifier, tokenWith(c -> license(c).put("version", 2)), RejectionReason.INVALID_CLAIMS)
        .hasMessageContaining("/license/version");
  }

  @Test
  void rejectsALineBreakInAName() {
    assertRejected(verifier, tokenWith(c -> ((ObjectNode) license(c).get("reseller")).put("name", "Evil\r\nBcc: x")),
        RejectionReason.INVALID_CLAIMS).hasMessageContaining("/license/reseller/name");
  }

  @Test
  void rejectsATimeThatIsNotAnInteger() {
    assertRejected(verifier, tokenWith(c -> c.put("iat", "1614693600")), RejectionReason.INVALID_CLAIMS);
    assertRejected(verifier, tokenWith(c -> c.put("iat", 1614693600.5)), RejectionReason.INVALID_CLAIMS);
  }

  @Test
  void rejectsASubjectThatIsNotTheCustomer() {
    assertRejected(verifier, tokenWith(c -> c.put("sub", "C-999")), RejectionReason.INVALID_CLAIMS)
        .hasMessageContaining("/sub");
  }

  @Test
  void rejectsALicenseNumberTheModelCannotHold() {
    assertRejected(verifier, tokenWith(c -> license(c).put("license_number", "ABC")), RejectionReason.INVALID_CLAIMS);
  }

  @Test
  void acceptsClaimsTheSchemaLeavesOpen() {
    VerifiedProof verified = verifier.verify(tokenWith(c -> {
      c.put("x-partner-note", "kept by the issuer");
      c.put("iat", new java.math.BigDecimal("1614693600.0"));
    }));

    assertThat(verified.proof()).isEqualTo(Proofs.perpetual());
  }

  @Test
  void readsAnOrderTimeWithAnOffsetAndALongFraction() {
    VerifiedProof verified = verifier.verify(tokenWith(c -> license(c).put("ordered_at", "2020-08-15t12:30:00.1234567891-02:30")));

    assertThat(verified.proof().orderedAt()).isEqualTo(Instant.parse("2020-08-15T15:00:00.123456789Z"));
  }
}
