package dev.openproof.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The record that a proof was revoked, for example because the order was returned. Final.
 *
 * @param proofId the revoked proof
 * @param reason why, in a few words
 * @param revokedAt when
 * @since 0.1.0
 */
public record Revocation(ProofId proofId, String reason, Instant revokedAt) {
  /** Checks that the parts are present. */
  public Revocation {
    Objects.requireNonNull(proofId, "proofId");
    Texts.requireText(reason, "reason");
    Objects.requireNonNull(revokedAt, "revokedAt");
  }
}
