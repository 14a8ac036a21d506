package dev.openproof.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseSummary;
import dev.openproof.core.model.LicenseType;
import dev.openproof.core.model.SummaryLine;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.SigningKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signed license summaries: verified by the library, by its schema, and by nimbus directly. */
class LicenseSummaryTokenTest {
  private static final SigningKey ES256 = SigningKey.generate(JwsAlgorithm.ES256);
  private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
      .getSchema(ClaimsSchema.resource("/dev/openproof/schema/license-summary-claims.schema.json"), InputFormat.JSON);

  private static LicenseSummary summary() {
    return new LicenseSummary("C-100234", null, Instant.parse("2026-12-01T10:00:00Z"), true, List.of(
        new SummaryLine("021-10609", "Office Standard 2019", 25, LicenseType.LICENSE, null, null, SummaryLine.State.IN_FORCE,
            List.of(LicenseNumber.withCheckDigit("470011223"))),
        new SummaryLine("P73-07788", "Windows Server Standard 2019", 2, LicenseType.LICENSE_AND_SOFTWARE_ASSURANCE, null,
            LocalDate.parse("2027-06-30"), SummaryLine.State.RETURNED, List.of(LicenseNumber.withCheckDigit("470011224")))));
  }

  private static String claims(String token) {
    return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
  }

  @Test
  void aSignedSummaryVerifiesToTheSameSummaryAndConformsToItsSchema() {
    String token = LicenseSummaryTokens.sign(summary(), ES256, Proofs.ISSUER);
    assertThat(LicenseSummaryTokens.isSummary(token)).isTrue();
    assertThat(LicenseSummaryTokens.verify(token, new JWKSet(ES256.publicJwk()), Proofs.ISSUER)).isEqualTo(summary());
    assertThat(SCHEMA.validate(claims(token), InputFormat.JSON,
        c -> c.executionConfig(config -> config.formatAssertionsEnabled(true)))).isEmpty();
  }

  @Test
  void anAuthorizationsSummaryVerifiesToo() {
    SigningKey ed = SigningKey.generate(JwsAlgorithm.EDDSA);
    LicenseSummary summary = new LicenseSummary(null, AuthorizationNumber.of("V4271183AUTH"), Instant.parse("2026-12-01T10:00:00Z"),
        false, List.of());
    String token = LicenseSummaryTokens.sign(summary, ed, Proofs.ISSUER);
    assertThat(LicenseSummaryTokens.verify(token, new JWKSet(ed.publicJwk()), Proofs.ISSUER)).isEqualTo(summary);
  }

  @Test
  void anyJoseLibraryVerifiesItWithThePublishedKey() throws Exception {
    String token = LicenseSummaryTokens.sign(summary(), ES256, Proofs.ISSUER);
    JWSObject jws = JWSObject.parse(token);
    assertThat(jws.getHeader().getType()).isEqualTo(new JOSEObjectType("license-summary+jwt"));
    assertThat(jws.getHeader().getKeyID()).isEqualTo(ES256.keyId());
    assertThat(jws.verify(new ECDSAVerifier(new JWKSet(ES256.publicJwk()).getKeyByKeyId(ES256.keyId()).toECKey()))).isTrue();
    assertThat(jws.getPayload().toJSONObject().get("sub")).isEqualTo("C-100234");
  }

  @Test
  void aForgedWronglyTypedOrForeignSummaryIsRejected() {
    JWKSet trusted = new JWKSet(ES256.publicJwk());
    String token = LicenseSummaryTokens.sign(summary(), ES256, Proofs.ISSUER);
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(claims(token).replace("\"quantity\":25", "\"quantity\":2500").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    rejected(() -> LicenseSummaryTokens.verify(forged, trusted, Proofs.ISSUER), RejectionReason.BAD_SIGNATURE);
    String proof = JwsProofSigner.of(ES256, Proofs.ISSUER).sign(Proofs.perpetual()).token();
    assertThat(LicenseSummaryTokens.isSummary(proof)).isFalse();
    rejected(() -> LicenseSummaryTokens.verify(proof, trusted, Proofs.ISSUER), RejectionReason.WRONG_TYPE);
    rejected(() -> LicenseSummaryTokens.verify(token, trusted, "https://other.example.test"), RejectionReason.WRONG_ISSUER);
    rejected(() -> LicenseSummaryTokens.verify(token, new JWKSet(SigningKey.generate(JwsAlgorithm.ES256).publicJwk()),
        Proofs.ISSUER), RejectionReason.UNKNOWN_KEY);
    rejected(() -> ProofVerifier.builder().trustedKeys(trusted).expectedIssuer(Proofs.ISSUER).build().verify(token),
        RejectionReason.WRONG_TYPE);
  }

  private static void rejected(Runnable call, RejectionReason reason) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(ProofVerificationException.class,
        e -> assertThat(e.reasonCode()).isEqualTo(reason.name()));
  }
}
