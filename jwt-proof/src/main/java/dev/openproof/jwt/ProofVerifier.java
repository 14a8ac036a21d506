package dev.openproof.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.jwt.key.JwksException;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.KeyRing;
import dev.openproof.jwt.key.VerificationKey;
import dev.openproof.jwt.status.StatusSource;
import dev.openproof.jwt.trust.KeySourceException;
import dev.openproof.jwt.trust.TrustedKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Verifies license proofs against a trusted JWK Set and an expected issuer, by the rules of RFC 8725
 * and the wire contract: a token no larger than the size limit, three canonical base64url parts, an
 * allowed {@code alg} that matches the trusted key named by {@code kid} (never a key from the
 * header), {@code typ license-proof+jwt}, no {@code crit}, a valid signature, claims that conform to
 * {@code license-proof-claims.schema.json}, the expected {@code iss}, and {@code exp}/{@code nbf}/
 * {@code iat} within the allowed clock skew. Each rejection is a {@link ProofVerificationException}
 * with its own {@link RejectionReason}.
 *
 * <pre>{@code
 * ProofVerifier verifier = ProofVerifier.builder()
 *     .trustedKeys(Path.of("jwks.json"))
 *     .expectedIssuer("https://licensing.example.com")
 *     .build();
 * VerifiedProof verified = verifier.verify(token);
 * }</pre>
 *
 * <p>Immutable and thread-safe; build one per trusted key source and reuse it, since it keeps one
 * verifier per trusted key.
 *
 * @since 0.1.0
 */
public final class ProofVerifier {
  /** The default size limit of a token, in characters: 16 KiB. */
  public static final int DEFAULT_MAX_TOKEN_LENGTH = 16 * 1024;
  /** The default allowed clock skew: 60 seconds. */
  public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofSeconds(60);
  /** The default maximum age of a Status List Token without {@code exp}: one day after its {@code iat}. */
  public static final Duration DEFAULT_MAX_STATUS_LIST_AGE = Duration.ofDays(1);

  private final TrustedKeys trustedKeys;
  private final String expectedIssuer;
  private final @Nullable String audience;
  private final Clock clock;
  private final long skewSeconds;
  private final int maxTokenLength;
  private final Set<JwsAlgorithm> allowedAlgorithms;
  private volatile @Nullable KeyIndex keyIndex;
  private volatile @Nullable KnownHeader knownHeader;
  private final @Nullable StatusListCheck statusCheck;

  private ProofVerifier(Builder builder) {
    this.trustedKeys = Objects.requireNonNull(builder.trustedKeys, "trustedKeys");
    this.expectedIssuer = Objects.requireNonNull(builder.expectedIssuer, "expectedIssuer");
    this.audience = builder.audience;
    this.clock = builder.clock;
    this.skewSeconds = builder.maxClockSkew.getSeconds();
    this.maxTokenLength = builder.maxTokenLength;
    this.allowedAlgorithms = Set.copyOf(builder.allowedAlgorithms);
    this.statusCheck = builder.statusSource == null ? null
        : new StatusListCheck(builder.statusSource, allowedAlgorithms, clock, skewSeconds, expectedIssuer, builder.maxStatusListAge);
  }

  /**
   * Starts a verifier.
   *
   * @return a builder; trusted keys and expected issuer are required
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies a token.
   *
   * @param token the compact JWS exactly as issued (a caller reading it from a file strips the line
   *     break at its end; inner whitespace is never accepted)
   * @return the verified proof
   * @throws ProofVerificationException if the token is rejected, with the reason
   */
  public VerifiedProof verify(String token) {
    Objects.requireNonNull(token, "token");
    KnownHeader known = knownHeader;
    CompactJws jws = CompactJws.parse(token, maxTokenLength, known == null ? null : known.encoded());
    HeaderRules.Checked header;
    if (jws.header() == null && known != null) {
      header = known.checked();
    } else {
      header = HeaderRules.check(Json.readObject(jws.decodedHeader(), "JWS header"), allowedAlgorithms);
      knownHeader = new KnownHeader(jws.encodedHeader(), header);
    }
    VerificationKey key = keyFor(header.keyId());
    if (key.algorithm() != header.algorithm()) {
      throw reject(RejectionReason.ALGORITHM_KEY_MISMATCH,
          "alg " + header.algorithm() + " does not match key " + Texts.quote(key.keyId()) + ", which is for " + key.algorithm());
    }
    if (!jws.isSignedBy(key)) {
      throw reject(RejectionReason.BAD_SIGNATURE, "the signature does not verify with key " + Texts.quote(key.keyId()));
    }
    LicenseProof proof = ClaimsStream.read(jws.payload(), expectedIssuer);
    if (proof == null || !isCurrent(proof)) {
      proof = checkedClaims(jws.payload());
    }
    return new VerifiedProof(proof, expectedIssuer, key.keyId(), key.algorithm(), checkStatus(proof));
  }

  /**
   * The tree path: the claims parsed into a tree, checked rule by rule, then read. It decides every
   * claims set the streaming path leaves open, and names the first rule broken.
   */
  private LicenseProof checkedClaims(byte[] payload) {
    JsonNode claims = Json.readObject(payload, "claims set");
    String violation = ClaimsRules.violation(claims);
    if (violation != null) {
      throw reject(RejectionReason.INVALID_CLAIMS, violation);
    }
    String issuer = claims.get("iss").textValue();
    if (!issuer.equals(expectedIssuer)) {
      throw reject(RejectionReason.WRONG_ISSUER, "issuer " + Texts.quote(issuer) + " is not the expected " + Texts.quote(expectedIssuer));
    }
    checkAudience(claims.get("aud"));
    checkTimes(claims);
    try {
      return ClaimsReader.read(claims);
    } catch (IllegalArgumentException e) {
      throw reject(RejectionReason.INVALID_CLAIMS, "the claims do not form a license proof: " + e.getMessage());
    }
  }

  /** The time checks of {@link #checkTimes(JsonNode)} on a proof read by the streaming path (no {@code nbf}). */
  private boolean isCurrent(LicenseProof proof) {
    long now = clock.instant().getEpochSecond();
    Instant exp = proof.expiresAt();
    return (exp == null || now - skewSeconds < exp.getEpochSecond()) && proof.issuedAt().getEpochSecond() <= now + skewSeconds;
  }

  /**
   * The last header that passed {@link HeaderRules}, as the token carried it: a token whose first part
   * is exactly this text has exactly this header, and the verifier's rules for it do not change.
   */
  private record KnownHeader(byte[] encoded, HeaderRules.Checked checked) {}

  /** After the signature and the claims: the proof's status, when a status source is given. */
  private StatusCheck checkStatus(LicenseProof proof) {
    StatusListCheck check = statusCheck;
    if (check == null) {
      return StatusCheck.NOT_CHECKED;
    }
    if (proof.status() == null) {
      return StatusCheck.NO_STATUS_LIST;
    }
    check.check(proof.status(), this::keyFor);
    return StatusCheck.VALID;
  }

  private VerificationKey keyFor(String kid) {
    try {
      VerificationKey key = index(trustedKeys.current()).find(kid);
      if (key == null) {
        key = index(trustedKeys.afterUnknownKey(kid)).find(kid);
      }
      if (key == null) {
        throw reject(RejectionReason.UNKNOWN_KEY, "key " + Texts.quote(kid) + " is not in the trusted key set");
      }
      return key;
    } catch (KeySourceException e) {
      throw reject(RejectionReason.KEYS_UNAVAILABLE, String.valueOf(e.getMessage()));
    } catch (JwksException e) {
      throw reject(RejectionReason.KEYS_UNAVAILABLE, "the trusted key set is refused: " + e.reasonCode() + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw reject(RejectionReason.KEYS_UNAVAILABLE, "the trusted key set is unusable: " + e.getMessage());
    }
  }

  private KeyIndex index(JWKSet set) {
    KeyIndex index = keyIndex;
    if (index == null || !index.isOf(set)) {
      index = KeyIndex.of(set);
      keyIndex = index;
    }
    return index;
  }

  private void checkAudience(@Nullable JsonNode aud) {
    if (aud == null) {
      return;
    }
    if (audience == null) {
      throw reject(RejectionReason.WRONG_AUDIENCE, "the token names an audience (aud) and this verifier has none");
    }
    boolean named = aud.isTextual() ? aud.textValue().equals(audience) : false;
    for (JsonNode entry : aud) {
      named |= entry.textValue().equals(audience);
    }
    if (!named) {
      throw reject(RejectionReason.WRONG_AUDIENCE, "the token's audience (aud) does not name " + Texts.quote(audience));
    }
  }

  private void checkTimes(JsonNode claims) {
    long now = clock.instant().getEpochSecond();
    JsonNode exp = claims.get("exp");
    if (exp != null && now - skewSeconds >= seconds(exp)) {
      throw reject(RejectionReason.EXPIRED, "the proof expired at " + Instant.ofEpochSecond(seconds(exp)));
    }
    JsonNode nbf = claims.get("nbf");
    if (nbf != null && seconds(nbf) > now + skewSeconds) {
      throw reject(RejectionReason.NOT_YET_VALID, "the proof is not valid before " + describe(seconds(nbf)));
    }
    long iat = seconds(claims.get("iat"));
    if (iat > now + skewSeconds) {
      throw reject(RejectionReason.NOT_YET_VALID, "the proof is issued in the future, at " + describe(iat));
    }
  }

  /** A time claim in seconds, capped far in the future; the claim is a non-negative integer. */
  private static long seconds(JsonNode claim) {
    return claim.canConvertToLong() ? Math.min(claim.longValue(), Long.MAX_VALUE / 4) : Long.MAX_VALUE / 4;
  }

  private static String describe(long seconds) {
    return seconds <= Instant.MAX.getEpochSecond() ? Instant.ofEpochSecond(seconds).toString() : "the end of time";
  }

  private static ProofVerificationException reject(RejectionReason reason, String message) {
    return new ProofVerificationException(reason, message);
  }

  @Override
  public String toString() {
    return "ProofVerifier[issuer=" + expectedIssuer + ", algorithms=" + allowedAlgorithms + "]";
  }

  /** Configures a {@link ProofVerifier}; not thread-safe. */
  public static final class Builder {
    private @Nullable TrustedKeys trustedKeys;
    private @Nullable String expectedIssuer;
    private @Nullable String audience;
    private Clock clock = Clock.systemUTC();
    private Duration maxClockSkew = DEFAULT_MAX_CLOCK_SKEW;
    private int maxTokenLength = DEFAULT_MAX_TOKEN_LENGTH;
    private Set<JwsAlgorithm> allowedAlgorithms = EnumSet.allOf(JwsAlgorithm.class);
    private @Nullable StatusSource statusSource;
    private Duration maxStatusListAge = DEFAULT_MAX_STATUS_LIST_AGE;

    private Builder() {}

    /**
     * How long after its {@code iat} a Status List Token without {@code exp} is accepted; a token with
     * {@code exp} is accepted until then (and until {@code iat + ttl}).
     *
     * @param maxAge one minute to 30 days; default one day
     * @return this builder
     */
    public Builder maxStatusListAge(Duration maxAge) {
      Objects.requireNonNull(maxAge, "maxAge");
      if (maxAge.compareTo(Duration.ofMinutes(1)) < 0 || maxAge.compareTo(Duration.ofDays(30)) > 0) {
        throw new IllegalArgumentException("the maximum status list age must be one minute to 30 days: " + maxAge);
      }
      this.maxStatusListAge = maxAge;
      return this;
    }

    /**
     * Checks each proof's status in its Token Status List, read from this source, after its
     * signature and claims: a revoked proof is rejected with {@link RejectionReason#REVOKED}, a
     * suspended one with {@link RejectionReason#SUSPENDED}; a status list token that is not signed by
     * a trusted key, is expired, names another issuer or another list is refused ({@link
     * RejectionReason#STATUS_LIST_INVALID}, {@link RejectionReason#WRONG_ISSUER} in the message); a
     * list outside the source's trusted bases is never read ({@link
     * RejectionReason#STATUS_LIST_UNTRUSTED}). Without a source the status is not checked, and {@link
     * VerifiedProof#statusCheck()} says so.
     *
     * @param source the source: {@link StatusSource#fromFolder(Path, String)} or {@link
     *     StatusSource#fromUrlsUnder(java.net.URI)} for every list of an issuer, {@link
     *     StatusSource#fromFile(Path)} or {@link StatusSource#fromUrl(java.net.URI)} for one
     * @return this builder
     */
    public Builder statusSource(StatusSource source) {
      this.statusSource = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * The keys to trust.
     *
     * @param keys the source, such as {@link TrustedKeys#fromUrl(java.net.URI)}
     * @return this builder
     */
    public Builder trustedKeys(TrustedKeys keys) {
      this.trustedKeys = Objects.requireNonNull(keys, "keys");
      return this;
    }

    /**
     * Trusts the public keys of a JWK Set in memory (private members are ignored).
     *
     * @param jwks the keys
     * @return this builder
     * @throws JwksException if a key is unusable (see {@link TrustedKeys#of(JWKSet)})
     */
    public Builder trustedKeys(JWKSet jwks) {
      return trustedKeys(TrustedKeys.of(jwks));
    }

    /**
     * Trusts the public keys of a key ring, retired ones included.
     *
     * @param ring the ring
     * @return this builder
     */
    public Builder trustedKeys(KeyRing ring) {
      return trustedKeys(TrustedKeys.of(ring));
    }

    /**
     * Trusts the keys of a JWK Set file, read now.
     *
     * @param jwksFile the file, such as {@code jwks.json}
     * @return this builder
     * @throws JwksException if it cannot be read, is too large, or is not a JWK Set of usable public
     *     keys (see {@link TrustedKeys#fromFile(Path)})
     */
    public Builder trustedKeys(Path jwksFile) {
      return trustedKeys(TrustedKeys.fromFile(jwksFile));
    }

    /**
     * The issuer ({@code iss}) a token must name, compared exactly.
     *
     * @param issuer the issuer
     * @return this builder
     */
    public Builder expectedIssuer(String issuer) {
      Objects.requireNonNull(issuer, "issuer");
      if (issuer.isEmpty()) {
        throw new IllegalArgumentException("the expected issuer must not be empty");
      }
      this.expectedIssuer = issuer;
      return this;
    }

    /**
     * The audience this verifier answers to. Without one, a token that names an audience is
     * rejected; with one, a token that names audiences must name it. Proofs name none.
     *
     * @param audience the audience
     * @return this builder
     */
    public Builder audience(String audience) {
      this.audience = Objects.requireNonNull(audience, "audience");
      return this;
    }

    /**
     * The clock that decides expiry.
     *
     * @param clock the clock; default the system UTC clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How far the issuer's clock and this one may disagree.
     *
     * @param skew 0 to 10 minutes; default 60 seconds
     * @return this builder
     */
    public Builder maxClockSkew(Duration skew) {
      Objects.requireNonNull(skew, "skew");
      if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException("the clock skew must be 0 to 10 minutes: " + skew);
      }
      this.maxClockSkew = skew;
      return this;
    }

    /**
     * The size limit of a token, in characters.
     *
     * @param maxLength 1 KiB to 1 MiB; default 16 KiB
     * @return this builder
     */
    public Builder maxTokenLength(int maxLength) {
      if (maxLength < 1024 || maxLength > 1024 * 1024) {
        throw new IllegalArgumentException("the token size limit must be 1 KiB to 1 MiB: " + maxLength);
      }
      this.maxTokenLength = maxLength;
      return this;
    }

    /**
     * The algorithms accepted.
     *
     * @param algorithms a non-empty subset of the wire contract's; default all four
     * @return this builder
     */
    public Builder allowedAlgorithms(Set<JwsAlgorithm> algorithms) {
      if (algorithms.isEmpty()) {
        throw new IllegalArgumentException("at least one algorithm must be allowed");
      }
      this.allowedAlgorithms = EnumSet.copyOf(algorithms);
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @return the verifier
     * @throws NullPointerException if the trusted keys or the expected issuer are missing
     */
    public ProofVerifier build() {
      return new ProofVerifier(this);
    }
  }
}
