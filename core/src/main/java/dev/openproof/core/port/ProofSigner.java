package dev.openproof.core.port;

import dev.openproof.core.exchange.SigningException;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.SignedProof;

/**
 * Signs license proofs. The {@code jwt-proof} module provides the JWS implementation; an HSM or
 * cloud KMS plugs in behind it.
 *
 * <p>Implementations must be thread-safe.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ProofSigner {
  /**
   * Signs a proof.
   *
   * @param proof the proof
   * @return the signed proof, carrying the same proof id
   * @throws SigningException if it cannot be signed (the key is unavailable, the signer failed)
   */
  SignedProof sign(LicenseProof proof);
}
