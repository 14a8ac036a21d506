package dev.openproof.core.exchange;

import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.Recipient;
import dev.openproof.core.model.Revocation;
import dev.openproof.core.model.SignedProof;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An issued proof as the ledger holds it.
 *
 * @param proof the proof
 * @param signedProof the proof as signed and sent
 * @param recipient where it is delivered
 * @param revocation the revocation, or {@code null} while the proof stands
 * @since 0.1.0
 */
public record ProofRecord(
    LicenseProof proof, SignedProof signedProof, Recipient recipient, @Nullable Revocation revocation) {

  /** Checks that the parts are present and agree. */
  public ProofRecord {
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(signedProof, "signedProof");
    Objects.requireNonNull(recipient, "recipient");
    if (!proof.proofId().equals(signedProof.proofId())) {
      throw new IllegalArgumentException("proof and signed proof differ");
    }
  }

  /**
   * The revocation.
   *
   * @return the revocation, or empty while the proof stands
   */
  public Optional<Revocation> revoked() {
    return Optional.ofNullable(revocation);
  }
}
