package dev.openproof.jwt.key;

import dev.openproof.core.OpenProofException;

/**
 * A JWK Set was refused as a set of trusted verification keys, or could not be read. Its {@link
 * #reasonCode()} is one of the constants below; its message is one line that names the key (by a
 * quoted, printable {@code kid}) or the member at fault, and never holds key material or a parser's
 * internals.
 *
 * @since 0.1.0
 */
public final class JwksException extends OpenProofException {
  private static final long serialVersionUID = 1L;

  /** The file cannot be read (missing, a folder, an I/O error). */
  public static final String JWKS_UNREADABLE = "JWKS_UNREADABLE";
  /** The document is larger than {@link Jwks#MAX_BYTES} (or a remote source's limit). */
  public static final String JWKS_TOO_LARGE = "JWKS_TOO_LARGE";
  /**
   * The document is not one JSON object in UTF-8 that forms a JWK Set: not UTF-8, not JSON, nested too
   * deep, a member that appears twice, anything after the top-level value, no {@code keys} array.
   */
  public static final String JWKS_MALFORMED = "JWKS_MALFORMED";
  /** A key holds private members (or is a symmetric secret): a trusted set holds public keys only. */
  public static final String JWKS_PRIVATE_KEY = "JWKS_PRIVATE_KEY";
  /** A key is not for signatures: {@code use} other than {@code sig}, or {@code key_ops} without {@code verify}. */
  public static final String JWKS_KEY_NOT_FOR_SIGNATURES = "JWKS_KEY_NOT_FOR_SIGNATURES";
  /** A key lacks {@code kid} or {@code alg}, is for an algorithm outside the wire contract, or does not fit it. */
  public static final String JWKS_UNUSABLE_KEY = "JWKS_UNUSABLE_KEY";
  /** Two keys share one {@code kid}. */
  public static final String JWKS_DUPLICATE_KID = "JWKS_DUPLICATE_KID";

  /**
   * Creates the exception.
   *
   * @param reasonCode one of this class's constants
   * @param message one line, fit for a log
   */
  public JwksException(String reasonCode, String message) {
    super(reasonCode, message, null);
  }
}
