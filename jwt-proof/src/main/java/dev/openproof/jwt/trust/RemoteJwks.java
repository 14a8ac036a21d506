package dev.openproof.jwt.trust;

import com.nimbusds.jose.jwk.JWKSet;
import dev.openproof.jwt.internal.CachedFetch;
import dev.openproof.jwt.internal.HttpFetch;
import dev.openproof.jwt.key.Jwks;
import dev.openproof.jwt.key.JwksException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A JWK Set fetched over HTTP(S) and cached. The set is fetched on first use and again when it is
 * older than the cache time; a token naming an unknown key triggers a fetch too, but never more often
 * than the minimum refresh interval (the rate limit). A response larger than the size limit, an HTTP
 * status other than 200, a fetch that does not finish within its timeout (connecting, headers and
 * body together: a server that stalls or drips is cut off), or a body that is not a JWK Set of
 * usable public keys is a failure; after a failure the last good set stays in use, and nothing is
 * fetched again before the minimum refresh interval has passed. Redirects are not followed.
 *
 * <p>Thread-safe. No lock is held while fetching: one thread fetches, the others are served the set
 * held; with no set held yet they wait for that one fetch, never longer than its timeout.
 *
 * @since 0.1.0
 */
public final class RemoteJwks implements TrustedKeys {
  private final URI uri;
  private final CachedFetch<JWKSet> cache;

  private RemoteJwks(Builder builder) {
    this.uri = builder.uri;
    HttpFetch http = new HttpFetch(uri, "application/jwk-set+json, application/json", builder.maxBytes, builder.timeout, builder.client);
    Duration cacheTime = builder.cacheTime;
    this.cache = new CachedFetch<>(now -> new CachedFetch.Fresh<>(fetch(http), now.plus(cacheTime)), builder.clock,
        builder.minRefreshInterval, builder.timeout, KeySourceException::new);
  }

  /**
   * Starts a source for a URL.
   *
   * @param jwksUri the URL, {@code https} (plain {@code http} only on the loopback interface)
   * @return a builder with the defaults: cache 10 minutes, refresh at most every 30 seconds, 64 KiB,
   *     timeout 5 seconds for the whole fetch
   * @throws IllegalArgumentException if the URL is neither {@code https} nor loopback {@code http}
   */
  public static Builder builder(URI jwksUri) {
    return new Builder(jwksUri);
  }

  @Override
  public JWKSet current() {
    return cache.get(false);
  }

  @Override
  public JWKSet afterUnknownKey(String keyId) {
    return cache.get(true);
  }

  private JWKSet fetch(HttpFetch http) {
    byte[] bytes;
    try {
      bytes = http.get();
    } catch (HttpFetch.Failure e) {
      throw new KeySourceException("cannot fetch the JWK Set at " + uri + ": it " + e.getMessage());
    }
    try {
      return Jwks.parse(bytes);
    } catch (JwksException e) {
      throw new KeySourceException("the document at " + uri + " is not a usable JWK Set: " + e.reasonCode() + ": " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "RemoteJwks[" + uri + "]";
  }

  /** Configures a {@link RemoteJwks}; not thread-safe. */
  public static final class Builder {
    private final URI uri;
    private Duration cacheTime = Duration.ofMinutes(10);
    private Duration minRefreshInterval = Duration.ofSeconds(30);
    private int maxBytes = 64 * 1024;
    private Duration timeout = Duration.ofSeconds(5);
    private Clock clock = Clock.systemUTC();
    private @Nullable HttpClient client;

    private Builder(URI uri) {
      this.uri = Objects.requireNonNull(uri, "uri");
      String scheme = uri.getScheme();
      if (uri.getHost() == null || scheme == null) {
        throw new IllegalArgumentException("not an absolute http(s) URL: " + uri);
      }
      if (!"https".equalsIgnoreCase(scheme) && !("http".equalsIgnoreCase(scheme) && isLoopback(uri.getHost()))) {
        throw new IllegalArgumentException("a JWK Set URL must use https (http only on the loopback interface): " + uri);
      }
    }

    /**
     * How long a fetched set is used before it is fetched again.
     *
     * @param cacheTime positive duration; default 10 minutes
     * @return this builder
     */
    public Builder cacheTime(Duration cacheTime) {
      this.cacheTime = positive(cacheTime, "cacheTime");
      return this;
    }

    /**
     * The least time between two fetches, whatever tokens arrive: the rate limit.
     *
     * @param minRefreshInterval positive duration; default 30 seconds
     * @return this builder
     */
    public Builder minRefreshInterval(Duration minRefreshInterval) {
      this.minRefreshInterval = positive(minRefreshInterval, "minRefreshInterval");
      return this;
    }

    /**
     * The largest response accepted.
     *
     * @param maxBytes at least 1; default 65536
     * @return this builder
     */
    public Builder maxBytes(int maxBytes) {
      if (maxBytes < 1 || maxBytes > Jwks.MAX_BYTES) {
        throw new IllegalArgumentException("maxBytes must be 1 to " + Jwks.MAX_BYTES + ": " + maxBytes);
      }
      this.maxBytes = maxBytes;
      return this;
    }

    /**
     * The total time one fetch may take: connecting, the headers and the whole body.
     *
     * @param timeout positive, at most one minute; default 5 seconds
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      positive(timeout, "timeout");
      if (timeout.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException("timeout must be at most one minute: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * The clock that ages the cache.
     *
     * @param clock the clock; default the system UTC clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The HTTP client to use instead of one of the source's own (which follows no redirects).
     *
     * @param client the client
     * @return this builder
     */
    public Builder httpClient(HttpClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Builds the source; nothing is fetched until a verifier asks.
     *
     * @return the source
     */
    public RemoteJwks build() {
      return new RemoteJwks(this);
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + duration);
      }
      return duration;
    }

    private static boolean isLoopback(String host) {
      if ("localhost".equalsIgnoreCase(host)) {
        return true;
      }
      String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
      if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
        return false;
      }
      try {
        return InetAddress.getByName(literal).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
  }
}
