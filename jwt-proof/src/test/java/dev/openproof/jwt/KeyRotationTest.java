package dev.openproof.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.model.SignedProof;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.KeyRing;
import dev.openproof.jwt.key.SigningKey;
import org.junit.jupiter.api.Test;

class KeyRotationTest {
  @Test
  void proofsIssuedBeforeARotationStillVerify() {
    KeyRing before = KeyRing.of(SigningKey.generate(JwsAlgorithm.ES256));
    SignedProof old = JwsProofSigner.of(before, Proofs.ISSUER).sign(Proofs.perpetual());

    KeyRing after = before.rotate(SigningKey.generate(JwsAlgorithm.ES256));
    SignedProof fresh = JwsProofSigner.of(after, Proofs.ISSUER).sign(Proofs.perpetual());
    ProofVerifier verifier = ProofVerifier.builder()
        .trustedKeys(after)
        .expectedIssuer(Proofs.ISSUER)
        .clock(Proofs.AN_HOUR_LATER)
        .build();

    assertThat(verifier.verify(old.token()).keyId()).isEqualTo(before.active().keyId());
    assertThat(verifier.verify(fresh.token()).keyId()).isEqualTo(after.active().keyId());
    assertThat(old.keyId()).isNotEqualTo(fresh.keyId());
  }

  @Test
  void proofsOfADroppedKeyNoLongerVerify() {
    KeyRing before = KeyRing.of(SigningKey.generate(JwsAlgorithm.EDDSA));
    SignedProof old = JwsProofSigner.of(before, Proofs.ISSUER).sign(Proofs.perpetual());
    KeyRing after = before.rotate(SigningKey.generate(JwsAlgorithm.EDDSA)).drop(before.active().keyId());
    ProofVerifier verifier = ProofVerifier.builder().trustedKeys(after).expectedIssuer(Proofs.ISSUER).build();

    Rejections.assertRejected(verifier, old.token(), RejectionReason.UNKNOWN_KEY);
  }
}
