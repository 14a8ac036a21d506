package dev.openproof.jwt.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.impl.ECDSA;

/**
 * Computes JWS signatures with a private key it holds: a {@link SigningKey} in memory, or a key in an
 * HSM or cloud KMS that never leaves it. The library hands over the JWS signing input and expects the
 * JWS signature bytes back; it never asks for the key.
 *
 * <p>Implementations must be thread-safe. They may throw {@link
 * dev.openproof.core.exchange.SigningException} (or any unchecked exception, which the signer wraps in
 * one) when the key is unavailable. Their exceptions must not carry key material.
 *
 * @since 0.1.0
 */
public interface ContentSigner {
  /**
   * The algorithm this key signs with; it becomes the JWS header's {@code alg}.
   *
   * @return the algorithm
   */
  JwsAlgorithm algorithm();

  /**
   * The identifier of the key; it becomes the JWS header's {@code kid} and must name the public key
   * in the published JWK Set.
   *
   * @return the key id, never blank
   */
  String keyId();

  /**
   * Signs the JWS signing input ({@code BASE64URL(header) '.' BASE64URL(payload)} as ASCII bytes).
   *
   * @param signingInput the bytes to sign
   * @return the signature as JWS carries it: for ES256 the 64 bytes {@code R || S} (see {@link
   *     #ecdsaDerToJose(byte[])} for a KMS that answers in DER), for EdDSA 64 bytes, for RS256 and
   *     PS256 as many bytes as the modulus
   */
  byte[] sign(byte[] signingInput);

  /**
   * Converts an ES256 signature in DER form, as most HSMs and KMSs return it, to the JWS form {@code R
   * || S}.
   *
   * @param der the DER-encoded ECDSA signature
   * @return the 64-byte JWS signature
   * @throws IllegalArgumentException if {@code der} is not an ECDSA signature for P-256
   */
  static byte[] ecdsaDerToJose(byte[] der) {
    try {
      return ECDSA.transcodeSignatureToConcat(der, 64);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("not a DER-encoded P-256 ECDSA signature");
    }
  }
}
