package dev.openproof.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.nimbusds.jose.jwk.JWKSet;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.SignedProof;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.SigningKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The optional {@code replaces} claim: written, read back, and ignored by a verifier that predates it. */
class ReplacesClaimTest {
  private static final SigningKey KEY = SigningKey.generate(JwsAlgorithm.ES256);

  private static LicenseProof replacement() {
    LicenseProof old = Proofs.perpetual();
    return old.replacedBy(ProofId.of("P-NEW-1"), LicenseNumber.withCheckDigit("555000111"), old.authorizationNumber(),
        old.customer(), old.entitlements(), Proofs.ISSUED);
  }

  @Test
  void aReplacementNamesTheProofItReplacesAndVerifiesToTheSameProof() throws Exception {
    LicenseProof proof = replacement();
    SignedProof signed = JwsProofSigner.of(KEY, Proofs.ISSUER).sign(proof);
    JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(Forge.parts(signed.token())[1]));
    assertThat(claims.get("replaces").textValue()).isEqualTo(Proofs.perpetual().proofId().value());
    assertThat(ClaimsSchema.errors(claims.toString())).isEmpty();

    VerifiedProof verified = ProofVerifier.builder().trustedKeys(new JWKSet(KEY.publicJwk()))
        .expectedIssuer(Proofs.ISSUER).clock(Proofs.AN_HOUR_LATER).build().verify(signed.token());
    assertThat(verified.proof()).isEqualTo(proof);
    assertThat(verified.proof().replacesProof()).contains(Proofs.perpetual().proofId());
  }

  @Test
  void aFirstProofCarriesNoReplacesMember() throws Exception {
    SignedProof signed = JwsProofSigner.of(KEY, Proofs.ISSUER).sign(Proofs.perpetual());
    JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(Forge.parts(signed.token())[1]));
    assertThat(claims.has("replaces")).isFalse();
  }

  @Test
  void theSchemaWithoutTheMemberStillAcceptsAReplacement() throws Exception {
    ObjectNode before = (ObjectNode) Json.MAPPER.readTree(
        ClaimsSchema.resource("/dev/openproof/schema/license-proof-claims.schema.json"));
    ((ObjectNode) before.get("properties")).remove("replaces");
    Schema older = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(before.toString(), InputFormat.JSON);
    SignedProof signed = JwsProofSigner.of(KEY, Proofs.ISSUER).sign(replacement());
    String claims = new String(Base64.getUrlDecoder().decode(Forge.parts(signed.token())[1]), StandardCharsets.UTF_8);
    assertThat(older.validate(claims, InputFormat.JSON,
        context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))).isEmpty();
  }
}
