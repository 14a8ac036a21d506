package dev.openproof.core.model;

import java.util.Objects;

/**
 * A license proof as signed: the compact JWS that goes to the customer.
 *
 * @param proofId the signed proof's identifier
 * @param token the compact serialization, three base64url parts joined by dots
 * @param algorithm the JWS algorithm, such as {@code ES256}
 * @param keyId the identifier of the signing key ({@code kid})
 * @since 0.1.0
 */
public record SignedProof(ProofId proofId, String token, String algorithm, String keyId) {
  /** Checks that the parts are present and the token has three parts. */
  public SignedProof {
    Objects.requireNonNull(proofId, "proofId");
    Texts.requireText(token, "token");
    Texts.requireText(algorithm, "algorithm");
    Texts.requireText(keyId, "keyId");
    if (dots(token) != 2) {
      throw new IllegalArgumentException("a compact JWS has three parts separated by dots");
    }
  }

  /** How many dots the token has. */
  private static int dots(String token) {
    int dots = 0;
    for (int at = token.indexOf('.'); at >= 0; at = token.indexOf('.', at + 1)) {
      dots++;
    }
    return dots;
  }
}
