package dev.openproof.jwt.key;

import com.nimbusds.jose.JWSAlgorithm;
import java.util.Optional;

/**
 * The JWS algorithms of the wire contract. Never {@code none}, never HMAC.
 *
 * @since 0.1.0
 */
public enum JwsAlgorithm {
  /** ECDSA on P-256 with SHA-256; the default. */
  ES256("ES256"),
  /** EdDSA on Ed25519 (RFC 8037). */
  EDDSA("EdDSA"),
  /** RSASSA-PKCS1-v1_5 with SHA-256, keys of 2048 bits or more. */
  RS256("RS256"),
  /** RSASSA-PSS with SHA-256 and MGF1 with SHA-256, keys of 2048 bits or more. */
  PS256("PS256");

  private final String joseName;
  private final JWSAlgorithm nimbus;

  JwsAlgorithm(String joseName) {
    this.joseName = joseName;
    this.nimbus = JWSAlgorithm.parse(joseName);
  }

  /**
   * The name in a JWS header's {@code alg} and a JWK's {@code alg}.
   *
   * @return the name, such as {@code EdDSA}
   */
  public String joseName() {
    return joseName;
  }

  /**
   * The same algorithm as nimbus-jose-jwt names it.
   *
   * @return nimbus's algorithm
   */
  public JWSAlgorithm toNimbus() {
    return nimbus;
  }

  /**
   * Tells whether the algorithm signs with an RSA key.
   *
   * @return {@code true} for RS256 and PS256
   */
  public boolean isRsa() {
    return this == RS256 || this == PS256;
  }

  /**
   * Looks an algorithm up by its exact JOSE name (case matters, as in JWS).
   *
   * @param joseName the name, such as {@code ES256}
   * @return the algorithm, or empty when it is not one of the wire contract's
   */
  public static Optional<JwsAlgorithm> fromJoseName(String joseName) {
    for (JwsAlgorithm algorithm : values()) {
      if (algorithm.joseName.equals(joseName)) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return joseName;
  }
}
