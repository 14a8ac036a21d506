package dev.openproof.core.model;

import dev.openproof.core.constraint.Identifier;

/**
 * The customer's authorization number under an Open agreement; later orders may add to it.
 *
 * @param value the identifier as it appears on the wire; never blank
 * @since 0.1.0
 */
public record AuthorizationNumber(@Identifier String value) {
  /** Checks that the value is present and not blank. */
  public AuthorizationNumber {
    Texts.requireText(value, "authorizationNumber");
  }

  /**
   * Wraps a value.
   *
   * @param value the identifier
   * @return the typed identifier
   */
  public static AuthorizationNumber of(String value) {
    return new AuthorizationNumber(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
