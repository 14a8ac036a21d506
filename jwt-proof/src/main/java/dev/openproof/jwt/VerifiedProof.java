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
 * @param statusCheck what was learned of the proof's status list
 * @since 0.1.0
 */
public record VerifiedProof(LicenseProof proof, String issuer, String keyId, JwsAlgorithm algorithm, StatusCheck statusCheck) {
  /** Checks that the parts are present. */
  public VerifiedProof {
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(statusCheck, "statusCheck");
  }

  /**
   * A verified proof whose status was not checked.
   *
   * @param proof the license proof the token carries
   * @param issuer the issuer
   * @param keyId the signing key's {@code kid}
   * @param algorithm the signature algorithm
   */
  public VerifiedProof(LicenseProof proof, String issuer, String keyId, JwsAlgorithm algorithm) {
    this(proof, issuer, keyId, algorithm, StatusCheck.NOT_CHECKED);
  }

  /**
   * Whether the proof's status list was read and says it is valid; {@code false} when the verifier
   * has no status source or the proof names no list.
   *
   * @return whether the status was checked
   */
  public boolean statusChecked() {
    return statusCheck == StatusCheck.VALID;
  }
}
