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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
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
  /** The most lists a source for a prefix keeps; the least recently used is dropped first. */
  static final int MAX_LISTS = 256;
  private static final Pattern UNDER_PREFIX =
      Pattern.compile("[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,63}(/[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,63}){0,7}");

  private final URI uri;
  private final @Nullable String prefix;
  private final Duration defaultCacheTime;
  private final Duration maxCacheTime;
  private final int maxBytes;
  private final Duration timeout;
  private final Duration minRefetchInterval;
  private final Clock clock;
  private final HttpClient client;
  private final Map<String, CachedFetch<String>> lists = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, CachedFetch<String>> eldest) {
      return size() > MAX_LISTS;
    }
  };

  private RemoteStatusList(Builder builder) {
    this.uri = builder.uri;
    this.prefix = builder.prefix ? builder.uri.toString() : null;
    this.defaultCacheTime = builder.defaultCacheTime;
    this.maxCacheTime = builder.maxCacheTime;
    this.maxBytes = builder.maxBytes;
    this.timeout = builder.timeout;
    this.minRefetchInterval = builder.minRefetchInterval;
    this.clock = builder.clock;
    this.client = builder.client != null ? builder.client : HttpFetch.defaultClient(builder.timeout);
  }

  /**
   * Starts a source for one list's URL: whichever list a proof names, this URL is fetched (and the
   * verifier refuses its token for a proof of another list).
   *
   * @param url the URL, {@code https} (plain {@code http} only on the loopback interface)
   * @return a builder with the defaults: cache 5 minutes without {@code ttl}, at most 1 day, 4 MiB,
   *     timeout 5 seconds for the whole fetch, at most one fetch every 30 seconds while the server fails
   * @throws IllegalArgumentException if the URL is neither {@code https} nor loopback {@code http}
   */
  public static Builder builder(URI url) {
    return new Builder(url, false);
  }

  /**
   * Starts a source for every list under a trusted URL prefix: the list a proof names is fetched
   * only if its URI is the prefix followed by plain path segments ({@code [A-Za-z0-9._~-]}, none
   * starting with a dot); any other is refused as {@link StatusSourceException.Reason#STATUS_LIST_UNTRUSTED}
   * and never fetched. Each list is cached for its own {@code ttl}.
   *
   * @param prefix the prefix, such as {@code https://licensing.example.com/status/} (a {@code /} is
   *     added at its end if missing); {@code https}, plain {@code http} only on the loopback
   *     interface, without user info, query or fragment
   * @return a builder with the defaults of {@link #builder(URI)}
   * @throws IllegalArgumentException if the prefix is not such a URL
   */
  public static Builder under(URI prefix) {
    Objects.requireNonNull(prefix, "prefix");
    if (prefix.getRawUserInfo() != null || prefix.getRawQuery() != null || prefix.getRawFragment() != null
        || prefix.getRawPath() == null || prefix.getRawPath().contains("%")) {
      throw new IllegalArgumentException("a trusted status list prefix has no user info, query, fragment or escapes: " + prefix);
    }
    String text = prefix.toString();
    return new Builder(URI.create(text.endsWith("/") ? text : text + "/"), true);
  }

  @Override
  public String token(String listUri) {
    String target = prefix == null ? uri.toString() : trusted(prefix, listUri);
    CachedFetch<String> list;
    synchronized (lists) {
      list = lists.computeIfAbsent(target, this::newList);
    }
    return list.get(false);
  }

  private static String trusted(String prefix, String listUri) {
    if (listUri.length() > 2048 || !listUri.startsWith(prefix) || !UNDER_PREFIX.matcher(listUri.substring(prefix.length())).matches()) {
      throw StatusSourceException.untrusted("the proof's status list " + Quote.of(listUri) + " is not under the trusted prefix "
          + prefix + "; it was not fetched");
    }
    return listUri;
  }

  private CachedFetch<String> newList(String target) {
    HttpFetch http = new HttpFetch(URI.create(target), "application/statuslist+jwt", maxBytes, timeout, client);
    TimeToLive ttl = new TimeToLive(defaultCacheTime, maxCacheTime);
    return new CachedFetch<>(now -> {
      String token = fetch(http);
      return new CachedFetch.Fresh<>(token, now.plus(ttl.of(token)));
    }, clock, minRefetchInterval, timeout, StatusSourceException::new);
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
    private final boolean prefix;
    private Duration defaultCacheTime = Duration.ofMinutes(5);
    private Duration maxCacheTime = Duration.ofDays(1);
    private int maxBytes = MAX_TOKEN_BYTES;
    private Duration timeout = Duration.ofSeconds(5);
    private Duration minRefetchInterval = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();
    private @Nullable HttpClient client;

    private Builder(URI uri, boolean prefix) {
      this.prefix = prefix;
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
