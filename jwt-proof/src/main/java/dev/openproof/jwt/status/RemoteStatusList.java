package dev.openproof.jwt.status;

import dev.openproof.jwt.internal.CachedFetch;
import dev.openproof.jwt.internal.HttpFetch;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Status List Token fetched over HTTP(S) and cached as long as its {@code ttl} claim allows (at most
 * the maximum cache time; the default cache time when the token has no {@code ttl}). A response other
 * than HTTP 200, larger than the size limit, or a fetch that does not finish within its timeout
 * (connecting, headers and body together: a server that stalls or drips is cut off) is a failure;
 * after a failure the last token fetched stays in use, and the verifier refuses it once it has
 * expired; nothing is fetched again before the minimum refetch interval has passed. Redirects are not
 * followed. The {@code ttl} is read from the token before its signature is checked, only to time the
 * next fetch.
 *
 * <p>Thread-safe. No lock is held while fetching: one thread fetches, the others are served the token
 * held; with no token held yet they wait for that one fetch, never longer than its timeout.
 *
 * @since 0.1.0
 */
public final class RemoteStatusList implements StatusSource {
  private final URI uri;
  private final CachedFetch<String> cache;

  private RemoteStatusList(Builder builder) {
    this.uri = builder.uri;
    HttpFetch http = new HttpFetch(uri, "application/statuslist+jwt", builder.maxBytes, builder.timeout, builder.client);
    TimeToLive ttl = new TimeToLive(builder.defaultCacheTime, builder.maxCacheTime);
    this.cache = new CachedFetch<>(now -> {
      String token = fetch(http);
      return new CachedFetch.Fresh<>(token, now.plus(ttl.of(token)));
    }, builder.clock, builder.minRefetchInterval, builder.timeout, StatusSourceException::new);
  }

  /**
   * Starts a source for a URL.
   *
   * @param url the URL, {@code https} (plain {@code http} only on the loopback interface)
   * @return a builder with the defaults: cache 5 minutes without {@code ttl}, at most 1 day, 4 MiB,
   *     timeout 5 seconds for the whole fetch, at most one fetch every 30 seconds while the server fails
   * @throws IllegalArgumentException if the URL is neither {@code https} nor loopback {@code http}
   */
  public static Builder builder(URI url) {
    return new Builder(url);
  }

  @Override
  public String token(String listUri) {
    return cache.get(false);
  }

  static String fetch(HttpFetch http) {
    try {
      return new String(http.get(), StandardCharsets.UTF_8).strip();
    } catch (HttpFetch.Failure e) {
      throw new StatusSourceException("cannot fetch the status list at " + http.uri() + ": it " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "RemoteStatusList[" + uri + "]";
  }

  /** Configures a {@link RemoteStatusList}; not thread-safe. */
  public static final class Builder {
    private final URI uri;
    private Duration defaultCacheTime = Duration.ofMinutes(5);
    private Duration maxCacheTime = Duration.ofDays(1);
    private int maxBytes = MAX_TOKEN_BYTES;
    private Duration timeout = Duration.ofSeconds(5);
    private Duration minRefetchInterval = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();
    private @Nullable HttpClient client;

    private Builder(URI uri) {
      Objects.requireNonNull(uri, "uri");
      String scheme = uri.getScheme();
      if (uri.getHost() == null || scheme == null
          || !("https".equalsIgnoreCase(scheme) || ("http".equalsIgnoreCase(scheme) && isLoopback(uri.getHost())))) {
        throw new IllegalArgumentException("a status list URL must use https (http only on the loopback interface): " + uri);
      }
      this.uri = uri;
    }

    /**
     * How long a token without {@code ttl} is kept.
     *
     * @param cacheTime not negative
     * @return this builder
     */
    public Builder defaultCacheTime(Duration cacheTime) {
      this.defaultCacheTime = notNegative(cacheTime, "cacheTime");
      return this;
    }

    /**
     * The longest a token is kept, whatever its {@code ttl}.
     *
     * @param cacheTime not negative
     * @return this builder
     */
    public Builder maxCacheTime(Duration cacheTime) {
      this.maxCacheTime = notNegative(cacheTime, "cacheTime");
      return this;
    }

    /**
     * The size limit of a response.
     *
     * @param maxBytes 1 KiB to {@link StatusSource#MAX_TOKEN_BYTES}
     * @return this builder
     */
    public Builder maxBytes(int maxBytes) {
      if (maxBytes < 1024 || maxBytes > MAX_TOKEN_BYTES) {
        throw new IllegalArgumentException("the size limit must be 1 KiB to " + MAX_TOKEN_BYTES + " bytes: " + maxBytes);
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
      notNegative(timeout, "timeout");
      if (timeout.isZero() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException("timeout must be positive and at most one minute: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * The least time between two fetches while the server fails.
     *
     * @param interval not negative; default 30 seconds
     * @return this builder
     */
    public Builder minRefetchInterval(Duration interval) {
      this.minRefetchInterval = notNegative(interval, "interval");
      return this;
    }

    /**
     * The clock that times the cache.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The HTTP client; by default one that follows no redirect.
     *
     * @param client the client
     * @return this builder
     */
    public Builder httpClient(HttpClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Builds the source.
     *
     * @return the source
     */
    public RemoteStatusList build() {
      return new RemoteStatusList(this);
    }

    private static Duration notNegative(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative: " + duration);
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
