package dev.openproof.jwt;

import dev.openproof.core.model.LicenseProof;
import dev.openproof.jwt.key.JwsAlgorithm;
import java.util.Objects;

/**
 * A token that passed every check: the decoded proof and how it was signed.
 *
 * @param proof the license proof the token carries
 * @param issuer the issuer ({@code iss}), the one the verifier expects
 * @param keyId the signing key's {@code kid}
 * @param algorithm the signature algorithm
 * @since 0.1.0
 */
public record VerifiedProof(LicenseProof proof, String issuer, String keyId, JwsAlgorithm algorithm) {
  /** Checks that the parts are present. */
  public VerifiedProof {
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(algorithm, "algorithm");
  }
}
