package dev.openproof.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.SignedProof;
import dev.openproof.core.model.StatusReference;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.SigningKey;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SignerAndVerifierRoundTripTest {
  private static final Map<JwsAlgorithm, SigningKey> KEYS = new EnumMap<>(JwsAlgorithm.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static SigningKey key(JwsAlgorithm algorithm) {
    return KEYS.computeIfAbsent(algorithm, SigningKey::generate);
  }

  private static ProofVerifier verifierFor(SigningKey key) {
    return ProofVerifier.builder()
        .trustedKeys(new com.nimbusds.jose.jwk.JWKSet(key.publicJwk()))
        .expectedIssuer(Proofs.ISSUER)
        .clock(Proofs.AN_HOUR_LATER)
        .build();
  }

  @ParameterizedTest
  @EnumSource(JwsAlgorithm.class)
  void aSignedProofVerifiesToTheSameProof(JwsAlgorithm algorithm) {
    SigningKey key = key(algorithm);
    LicenseProof proof = Proofs.perpetual().withStatus(new StatusReference(42, "https://status.example.test/1"));

    SignedProof signed = JwsProofSigner.of(key, Proofs.ISSUER).sign(proof);
    VerifiedProof verified = verifierFor(key).verify(signed.token());

    assertThat(verified.proof()).isEqualTo(proof);
    assertThat(verified.issuer()).isEqualTo(Proofs.ISSUER);
    assertThat(verified.keyId()).isEqualTo(key.keyId()).isEqualTo(signed.keyId());
    assertThat(verified.algorithm()).isEqualTo(algorithm);
    assertThat(signed.algorithm()).isEqualTo(algorithm.joseName());
    assertThat(signed.proofId()).isEqualTo(proof.proofId());
  }

  @ParameterizedTest
  @EnumSource(JwsAlgorithm.class)
  void theHeaderHoldsAlgKidAndTypOnly(JwsAlgorithm algorithm) throws Exception {
    SigningKey key = key(algorithm);
    String token = JwsProofSigner.of(key, Proofs.ISSUER).sign(Proofs.perpetual()).token();

    JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(Forge.parts(token)[0]));

    assertThat(header.size()).isEqualTo(3);
    assertThat(header.get("alg").textValue()).isEqualTo(algorithm.joseName());
    assertThat(header.get("kid").textValue()).isEqualTo(key.keyId());
    assertThat(header.get("typ").textValue()).isEqualTo("license-proof+jwt");
  }

  @ParameterizedTest
  @EnumSource(JwsAlgorithm.class)
  void issuedClaimsConformToTheSchemaFile(JwsAlgorithm algorithm) {
    for (LicenseProof proof : new LicenseProof[] {Proofs.perpetual(), Proofs.withTerm(),
        Proofs.perpetual().withStatus(new StatusReference(7, "https://status.example.test/list"))}) {
      String token = JwsProofSigner.of(key(algorithm), Proofs.ISSUER).sign(proof).token();
      String claims = new String(Base64.getUrlDecoder().decode(Forge.parts(token)[1]), java.nio.charset.StandardCharsets.UTF_8);

      assertThat(ClaimsSchema.errors(claims)).isEmpty();
    }
  }

  @Test
  void expWrittenOnlyWhenEveryEntitlementEnds() throws Exception {
    JwsProofSigner signer = JwsProofSigner.of(key(JwsAlgorithm.ES256), Proofs.ISSUER);

    JsonNode perpetual = JSON.readTree(Base64.getUrlDecoder().decode(Forge.parts(signer.sign(Proofs.perpetual()).token())[1]));
    JsonNode term = JSON.readTree(Base64.getUrlDecoder().decode(Forge.parts(signer.sign(Proofs.withTerm()).token())[1]));

    assertThat(perpetual.has("exp")).isFalse();
    assertThat(term.get("exp").longValue()).isEqualTo(Proofs.withTerm().expiresAt().getEpochSecond());
  }

  @Test
  void aProofWithItsTermVerifiesBeforeItEnds() {
    SigningKey key = key(JwsAlgorithm.EDDSA);
    LicenseProof proof = Proofs.withTerm();

    VerifiedProof verified = verifierFor(key).verify(JwsProofSigner.of(key, Proofs.ISSUER).sign(proof).token());

    assertThat(verified.proof()).isEqualTo(proof);
    assertThat(verified.proof().expiry()).contains(java.time.Instant.parse("2024-04-01T00:00:00Z"));
  }
}
