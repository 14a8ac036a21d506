package dev.openproof.core.model;

/**
 * Identifier of one issued license proof (the JWT's {@code jti}); unique per proof.
 *
 * @param value the identifier as it appears on the wire; never blank
 * @since 0.1.0
 */
public record ProofId(String value) {
  /** Checks that the value is present and not blank. */
  public ProofId {
    Texts.requireText(value, "proofId");
  }

  /**
   * Wraps a value.
   *
   * @param value the identifier
   * @return the typed identifier
   */
  public static ProofId of(String value) {
    return new ProofId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
