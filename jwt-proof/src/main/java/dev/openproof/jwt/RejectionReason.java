package dev.openproof.jwt;

import dev.openproof.core.ReasonCode;

/**
 * Why a verifier rejected a token. The names are stable reason codes: callers switch on them, log
 * them and show them (the {@code openproof verify} command prints them).
 *
 * @since 0.1.0
 */
public enum RejectionReason implements ReasonCode {
  /** Not a compact JWS: not three parts, an empty part, a header or payload that is not a JSON object. */
  MALFORMED,
  /** Longer than the verifier's size limit. */
  TOO_LARGE,
  /** A part is not canonical base64url: padding, whitespace, {@code +} or {@code /}, stray trailing bits. */
  NOT_CANONICAL,
  /** A JWE (five parts, or an {@code enc} header): proofs are signed, never encrypted. */
  ENCRYPTED_TOKEN,
  /** The header or the claims nest JSON deeper than the parser allows. */
  NESTING_TOO_DEEP,
  /** {@code alg} is {@code none}, in any case. */
  ALG_NONE,
  /** {@code alg} is an HMAC algorithm ({@code HS256} …): never accepted with public keys. */
  HMAC_NOT_ALLOWED,
  /** {@code alg} is missing or not on the verifier's allow-list. */
  UNSUPPORTED_ALGORITHM,
  /** The header carries a key ({@code jwk}, {@code x5c}); keys come only from the trusted set. */
  EMBEDDED_KEY,
  /** The header points at a key elsewhere ({@code jku}, {@code x5u}, {@code x5t}, {@code x5t#S256}). */
  REMOTE_KEY_REFERENCE,
  /** {@code typ} is missing or not {@code license-proof+jwt}. */
  WRONG_TYPE,
  /** The header has {@code crit} (or {@code b64}): no extension is understood. */
  UNSUPPORTED_CRIT,
  /** No {@code kid}, or none the trusted key set holds. */
  UNKNOWN_KEY,
  /** The trusted key named by {@code kid} is for another algorithm than the header's {@code alg}. */
  ALGORITHM_KEY_MISMATCH,
  /** The signature does not verify with the key named by {@code kid}. */
  BAD_SIGNATURE,
  /** The claims do not conform to {@code license-proof-claims.schema.json} or cannot form a proof. */
  INVALID_CLAIMS,
  /** {@code iss} is not the expected issuer. */
  WRONG_ISSUER,
  /** {@code aud} does not name the verifier's audience. */
  WRONG_AUDIENCE,
  /** {@code exp} has passed, beyond the allowed clock skew. */
  EXPIRED,
  /** {@code nbf} or {@code iat} lies in the future, beyond the allowed clock skew. */
  NOT_YET_VALID,
  /** The trusted keys could not be obtained (a JWK Set URL failed). */
  KEYS_UNAVAILABLE,
  /** The proof's status list says it was revoked (status 1, invalid): final. */
  REVOKED,
  /** The proof's status list says it is suspended (status 2) for now. */
  SUSPENDED,
  /** The proof's status list token could not be obtained (the file or URL failed). */
  STATUS_UNAVAILABLE,
  /**
   * The proof's status list token is refused: not signed by a trusted key, not {@code typ
   * statuslist+jwt}, of another issuer ({@code iss}), for another list ({@code sub}), expired ({@code
   * exp} or {@code iat + ttl}), without {@code exp} and older than the maximum age, issued in the
   * future, unreadable, or too short for the proof's index.
   */
  STATUS_LIST_INVALID,
  /**
   * The proof names a status list outside the verifier's trusted bases (its folder, or its allowed URL
   * prefix): the list was neither read nor fetched.
   */
  STATUS_LIST_UNTRUSTED;

  /**
   * The reason code: the constant's name.
   *
   * @return the name
   */
  @Override
  public String code() {
    return name();
  }
}
