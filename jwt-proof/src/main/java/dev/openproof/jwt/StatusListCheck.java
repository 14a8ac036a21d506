package dev.openproof.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.model.StatusReference;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.VerificationKey;
import dev.openproof.jwt.status.StatusListCodec;
import dev.openproof.jwt.status.StatusListTokenSigner;
import dev.openproof.jwt.status.StatusSource;
import dev.openproof.jwt.status.StatusSourceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Checks a proof's status in its Status List Token: the token is a compact JWS of {@code typ
 * statuslist+jwt} signed by a trusted key, its {@code iss} is the expected issuer and its {@code sub}
 * the proof's list, {@code iat} is not in the future, neither {@code exp} nor {@code iat + ttl} has
 * passed (a token without {@code exp} is refused once older than the maximum age), and its list holds
 * the proof's index. The lists decoded last are kept, one per list URI (at most {@value
 * #MAX_LISTS_KEPT}), so that many proofs of a list cost one signature check and one inflation.
 */
final class StatusListCheck {
  /** How many decoded lists are kept. */
  static final int MAX_LISTS_KEPT = 16;
  private static final int MAX_TOKEN_LENGTH = StatusSource.MAX_TOKEN_BYTES;

  private final StatusSource source;
  private final Set<JwsAlgorithm> allowed;
  private final Clock clock;
  private final long skewSeconds;
  private final String expectedIssuer;
  private final long maxAgeSeconds;
  private final Map<String, Decoded> kept = new LinkedHashMap<>(MAX_LISTS_KEPT * 2, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Decoded> eldest) {
      return size() > MAX_LISTS_KEPT;
    }
  };

  /** A status list token that passed its signature and shape checks. */
  private record Decoded(String token, String sub, long iat, @Nullable Long exp, @Nullable Long staleAt, byte[] values) {}

  StatusListCheck(StatusSource source, Set<JwsAlgorithm> allowed, Clock clock, long skewSeconds, String expectedIssuer,
      Duration maxAge) {
    this.source = source;
    this.allowed = allowed;
    this.clock = clock;
    this.skewSeconds = skewSeconds;
    this.expectedIssuer = expectedIssuer;
    this.maxAgeSeconds = maxAge.getSeconds();
  }

  /** Returns when the proof is valid; rejects it otherwise. */
  void check(StatusReference reference, Function<String, VerificationKey> keys) {
    String token;
    try {
      token = source.token(reference.uri());
    } catch (StatusSourceException e) {
      throw reject(e.reason() == StatusSourceException.Reason.STATUS_LIST_UNTRUSTED ? RejectionReason.STATUS_LIST_UNTRUSTED
          : RejectionReason.STATUS_UNAVAILABLE, String.valueOf(e.getMessage()));
    }
    Decoded list = decoded(reference.uri(), token, keys);
    if (!list.sub().equals(reference.uri())) {
      throw invalid("it is the list " + Texts.quote(list.sub()) + ", not the proof's " + Texts.quote(reference.uri()));
    }
    long now = clock.instant().getEpochSecond();
    if (list.iat() > now + skewSeconds) {
      throw invalid("it is issued in the future, at " + Instant.ofEpochSecond(list.iat()));
    }
    if (list.exp() == null && now - skewSeconds >= list.iat() + maxAgeSeconds) {
      throw invalid("it has no exp and was issued at " + Instant.ofEpochSecond(list.iat()) + ", more than "
          + Duration.ofSeconds(maxAgeSeconds) + " ago; fetch a new one");
    }
    if (list.exp() != null && now - skewSeconds >= list.exp()) {
      throw invalid("it expired at " + Instant.ofEpochSecond(list.exp()));
    }
    if (list.staleAt() != null && now - skewSeconds >= list.staleAt()) {
      throw invalid("its time to live ended at " + Instant.ofEpochSecond(list.staleAt()) + "; fetch a new one");
    }
    if (reference.index() >= list.values().length) {
      throw invalid("it has " + list.values().length + " entries; the proof's index is " + reference.index());
    }
    int value = list.values()[(int) reference.index()];
    if (value == ProofStatus.INVALID.code()) {
      throw reject(RejectionReason.REVOKED, "the proof was revoked (status list " + reference.uri() + ", index " + reference.index() + ")");
    }
    if (value == ProofStatus.SUSPENDED.code()) {
      throw reject(RejectionReason.SUSPENDED, "the proof is suspended (status list " + reference.uri() + ", index " + reference.index() + ")");
    }
    if (value != ProofStatus.VALID.code()) {
      throw invalid("the proof's entry holds status " + value + ", which this verifier does not know");
    }
  }

  private Decoded decoded(String uri, String token, Function<String, VerificationKey> keys) {
    Decoded known;
    synchronized (kept) {
      known = kept.get(uri);
    }
    if (known != null && known.token().equals(token)) {
      return known;
    }
    Decoded fresh;
    try {
      fresh = decode(token, keys);
    } catch (ProofVerificationException e) {
      RejectionReason reason = e.reason() == RejectionReason.KEYS_UNAVAILABLE ? RejectionReason.STATUS_UNAVAILABLE : RejectionReason.STATUS_LIST_INVALID;
      throw reject(reason, "the status list token is refused: " + e.reasonCode() + ": " + e.getMessage());
    }
    synchronized (kept) {
      kept.put(fresh.sub(), fresh); // by its own list: a token of another list never hides this one's
    }
    return fresh;
  }

  private Decoded decode(String token, Function<String, VerificationKey> keys) {
    CompactJws jws = CompactJws.parse(token, MAX_TOKEN_LENGTH);
    HeaderRules.Checked header = HeaderRules.check(Json.readObject(jws.decodedHeader(), "JWS header"), allowed, StatusListTokenSigner.TYPE);
    VerificationKey key = keys.apply(header.keyId());
    if (key.algorithm() != header.algorithm()) {
      throw reject(RejectionReason.ALGORITHM_KEY_MISMATCH, "alg " + header.algorithm() + " does not match key " + Texts.quote(key.keyId()));
    }
    if (!jws.isSignedBy(key)) {
      throw reject(RejectionReason.BAD_SIGNATURE, "the signature does not verify with key " + Texts.quote(key.keyId()));
    }
    JsonNode claims = Json.readObject(jws.payload(), "claims set");
    JsonNode sub = claims.get("sub");
    if (sub == null || !sub.isTextual() || sub.textValue().isEmpty()) {
      throw reject(RejectionReason.INVALID_CLAIMS, "it has no sub");
    }
    JsonNode iss = claims.get("iss");
    if (iss == null || !iss.isTextual()) {
      throw reject(RejectionReason.WRONG_ISSUER, "it names no issuer (iss); expected " + Texts.quote(expectedIssuer));
    }
    if (!iss.textValue().equals(expectedIssuer)) {
      throw reject(RejectionReason.WRONG_ISSUER, "issuer " + Texts.quote(iss.textValue()) + " is not the expected " + Texts.quote(expectedIssuer));
    }
    long iat = java.util.Objects.requireNonNull(seconds(claims, "iat", true));
    Long exp = seconds(claims, "exp", false);
    Long ttl = seconds(claims, "ttl", false);
    JsonNode list = claims.get("status_list");
    if (list == null || !list.isObject() || !list.path("bits").canConvertToInt() || !list.path("lst").isTextual()) {
      throw reject(RejectionReason.INVALID_CLAIMS, "it has no status_list with bits and lst");
    }
    byte[] values;
    try {
      values = StatusListCodec.decode(list.get("lst").textValue(), list.get("bits").intValue(), StatusListCodec.DEFAULT_MAX_BYTES);
    } catch (IllegalArgumentException e) {
      throw reject(RejectionReason.INVALID_CLAIMS, "its status_list cannot be read: " + e.getMessage());
    }
    Long staleAt = ttl == null ? null : iat + ttl;
    return new Decoded(token, sub.textValue(), iat, exp, staleAt, values);
  }

  private static @Nullable Long seconds(JsonNode claims, String name, boolean required) {
    JsonNode claim = claims.get(name);
    if (claim == null) {
      if (required) {
        throw reject(RejectionReason.INVALID_CLAIMS, "it has no " + name);
      }
      return null;
    }
    if (!claim.isIntegralNumber() || !claim.canConvertToLong() || claim.longValue() < 0 || claim.longValue() > Long.MAX_VALUE / 4) {
      throw reject(RejectionReason.INVALID_CLAIMS, "its " + name + " is not a non-negative integer");
    }
    return claim.longValue();
  }

  private static ProofVerificationException invalid(String message) {
    return reject(RejectionReason.STATUS_LIST_INVALID, "the status list token is refused: " + message);
  }

  private static ProofVerificationException reject(RejectionReason reason, String message) {
    return new ProofVerificationException(reason, message);
  }
}
