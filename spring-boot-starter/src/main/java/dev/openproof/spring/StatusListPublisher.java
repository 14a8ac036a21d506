package dev.openproof.spring;

import dev.openproof.core.port.StatusLists;
import dev.openproof.jwt.key.SigningKey;
import dev.openproof.jwt.status.StatusListTokenSigner;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signed Status List Tokens of the issuer's lists, as served at {@code /status/{n}}. A list is
 * signed again when its statuses changed, when the active key changed, or when half its ttl has
 * passed, so that a verifier never holds a token past its ttl. Lists changed by this instance are
 * signed again at once ({@link #refresh(String)}); those changed by other instances on the same
 * database at the next {@link #refresh()}. Thread-safe.
 *
 * @since 0.1.0
 */
public final class StatusListPublisher {
  private final StatusLists lists;
  private final SigningKeys keys;
  private final String issuer;
  private final Duration ttl;
  private final Duration validity;
  private final Clock clock;
  private final Map<String, Published> published = new ConcurrentHashMap<>();

  private record Published(String token, byte[] digest, String keyId, Instant signedAt) {}

  /**
   * A signed list as published.
   *
   * @param token the compact JWS
   * @param signedAt its {@code iat}
   * @param ttl its {@code ttl}
   */
  public record Token(String token, Instant signedAt, Duration ttl) {
    /**
     * How long a cache may keep it from now on: what is left of its ttl.
     *
     * @param now the current time
     * @return the remaining ttl, not negative
     */
    public Duration remaining(Instant now) {
      Duration left = Duration.between(now, signedAt.plus(ttl));
      return left.isNegative() ? Duration.ZERO : left;
    }
  }

  /**
   * Creates a publisher.
   *
   * @param lists the status lists
   * @param keys the keys that sign the tokens
   * @param issuer the tokens' {@code iss}
   * @param ttl the tokens' {@code ttl}
   * @param validity how long after {@code iat} a token expires
   * @param clock the clock of {@code iat}
   */
  public StatusListPublisher(StatusLists lists, SigningKeys keys, String issuer, Duration ttl, Duration validity, Clock clock) {
    this.lists = Objects.requireNonNull(lists, "lists");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.validity = Objects.requireNonNull(validity, "validity");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The current token of a list, signed now where none was yet.
   *
   * @param listUri the list's URI
   * @return the token, or empty if no such list was started
   */
  public Optional<Token> token(String listUri) {
    Published p = published.get(listUri);
    if (p == null) {
      if (!lists.lists().contains(listUri)) {
        return Optional.empty();
      }
      p = refresh(listUri);
    }
    return Optional.of(new Token(p.token(), p.signedAt(), ttl));
  }

  /**
   * The URIs of every list started, oldest first.
   *
   * @return the URIs
   */
  public List<String> lists() {
    return lists.lists();
  }

  /**
   * The ttl of the tokens.
   *
   * @return the ttl
   */
  public Duration ttl() {
    return ttl;
  }

  /**
   * Reads every list and signs again those that changed or are due.
   *
   * @return how many tokens were signed
   */
  public int refresh() {
    int signed = 0;
    for (String uri : lists.lists()) {
      Published before = published.get(uri);
      if (refresh(uri) != before) {
        signed++;
      }
    }
    return signed;
  }

  /**
   * Reads one list and signs it again where it changed or is due.
   *
   * @param listUri the list's URI
   */
  void refreshList(String listUri) {
    refresh(listUri);
  }

  private synchronized Published refresh(String uri) {
    byte[] statuses = lists.statuses(uri);
    byte[] digest = sha256(statuses);
    SigningKey key = keys.active();
    Instant now = clock.instant();
    Published before = published.get(uri);
    if (before != null && MessageDigest.isEqual(before.digest(), digest) && before.keyId().equals(key.keyId())
        && now.isBefore(before.signedAt().plus(ttl.dividedBy(2)))) {
      return before;
    }
    String token = StatusListTokenSigner.builder(key).issuer(issuer).ttl(ttl).validity(validity).clock(clock).build()
        .sign(uri, statuses);
    Published after = new Published(token, digest, key.keyId(), now);
    published.put(uri, after);
    return after;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  @Override
  public String toString() {
    return "StatusListPublisher[" + lists + ", ttl=" + ttl + "]";
  }
}
