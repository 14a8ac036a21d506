package dev.openproof.jwt.key;

import dev.openproof.core.OpenProofException;
import dev.openproof.core.ReasonCode;

/**
 * A JWK Set was refused as a set of trusted verification keys, or could not be read, for a {@link
 * Reason}; its message is one line that names the key (by a
 * quoted, printable {@code kid}) or the member at fault, and never holds key material or a parser's
 * internals.
 *
 * @since 0.1.0
 */
public final class JwksException extends OpenProofException {
  private static final long serialVersionUID = 1L;

  /** Why the JWK Set was refused. Adding a code is one line here. */
  public enum Reason implements ReasonCode {
    /** The file cannot be read (missing, a folder, an I/O error). */
    JWKS_UNREADABLE,
    /** The document is larger than {@link Jwks#MAX_BYTES} (or a remote source's limit). */
    JWKS_TOO_LARGE,
    /**
     * The document is not one JSON object in UTF-8 that forms a JWK Set: not UTF-8, not JSON, nested too
     * deep, a member that appears twice, anything after the top-level value, no {@code keys} array.
     */
    JWKS_MALFORMED,
    /** A key holds private members (or is a symmetric secret): a trusted set holds public keys only. */
    JWKS_PRIVATE_KEY,
    /** A key is not for signatures: {@code use} other than {@code sig}, or {@code key_ops} without {@code verify}. */
    JWKS_KEY_NOT_FOR_SIGNATURES,
    /** A key lacks {@code kid} or {@code alg}, is for an algorithm outside the wire contract, or does not fit it. */
    JWKS_UNUSABLE_KEY,
    /** Two keys share one {@code kid}. */
    JWKS_DUPLICATE_KID;

    @Override
    public String code() {
      return name();
    }
  }

  /**
   * Creates the exception.
   *
   * @param reason why the set was refused
   * @param message one line, fit for a log
   */
  public JwksException(Reason reason, String message) {
    super(reason, message, null);
  }

  @Override
  public Reason reason() {
    return (Reason) super.reason();
  }
}
