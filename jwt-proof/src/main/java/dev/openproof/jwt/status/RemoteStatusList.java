package dev.openproof.jwt.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A Status List Token fetched over HTTP(S) and cached as long as its {@code ttl} claim allows (at most
 * the maximum cache time; the default cache time when the token has no {@code ttl}). A response other
 * than HTTP 200, or larger than the size limit, is a failure; after a failure the last token fetched
 * stays in use, and the verifier refuses it once it has expired. Redirects are not followed. The
 * {@code ttl} is read from the token before its signature is checked, only to time the next fetch.
 *
 * <p>Thread-safe; at most one fetch runs at a time.
 *
 * @since 0.1.0
 */
public final class RemoteStatusList implements StatusSource {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private final URI uri;
  private final Duration defaultCacheTime;
  private final Duration maxCacheTime;
  private final int maxBytes;
  private final Duration timeout;
  private final Clock clock;
  private final HttpClient client;
  private @Nullable String token;
  private @Nullable Instant freshUntil;

  private RemoteStatusList(Builder builder) {
    this.uri = builder.uri;
    this.defaultCacheTime = builder.defaultCacheTime;
    this.maxCacheTime = builder.maxCacheTime;
    this.maxBytes = builder.maxBytes;
    this.timeout = builder.timeout;
    this.clock = builder.clock;
    this.client = builder.client != null ? builder.client
        : HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /**
   * Starts a source for a URL.
   *
   * @param url the URL, {@code https} (plain {@code http} only on the loopback interface)
   * @return a builder with the defaults: cache 5 minutes without {@code ttl}, at most 1 day, 4 MiB,
   *     timeout 5 seconds
   * @throws IllegalArgumentException if the URL is neither {@code https} nor loopback {@code http}
   */
  public static Builder builder(URI url) {
    return new Builder(url);
  }

  @Override
  public synchronized String token(String listUri) {
    Instant now = clock.instant();
    String held = token;
    if (held != null && freshUntil != null && now.isBefore(freshUntil)) {
      return held;
    }
    try {
      String fetched = fetch();
      token = fetched;
      freshUntil = now.plus(cacheTimeOf(fetched));
      return fetched;
    } catch (StatusSourceException e) {
      if (held != null) {
        return held;
      }
      throw e;
    }
  }

  private Duration cacheTimeOf(String fetched) {
    int first = fetched.indexOf('.');
    int second = first < 0 ? -1 : fetched.indexOf('.', first + 1);
    if (second < 0) {
      return defaultCacheTime;
    }
    try {
      JsonNode ttl = MAPPER.readTree(Base64.getUrlDecoder().decode(fetched.substring(first + 1, second))).get("ttl");
      if (ttl == null || !ttl.canConvertToLong() || ttl.longValue() < 0) {
        return defaultCacheTime;
      }
      Duration given = Duration.ofSeconds(Math.min(ttl.longValue(), maxCacheTime.getSeconds()));
      return given.compareTo(maxCacheTime) < 0 ? given : maxCacheTime;
    } catch (IOException | RuntimeException e) {
      return defaultCacheTime;
    }
  }

  private String fetch() {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Accept", "application/statuslist+jwt")
        .GET()
        .build();
    try {
      HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new StatusSourceException("the status list at " + uri + " answered HTTP " + response.statusCode());
        }
        OptionalLong declared = response.headers().firstValueAsLong("Content-Length");
        byte[] bytes = declared.isPresent() && declared.getAsLong() > maxBytes ? new byte[maxBytes + 1] : body.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
          throw new StatusSourceException("the status list at " + uri + " is larger than " + maxBytes + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8).strip();
      }
    } catch (IOException e) {
      throw new StatusSourceException("cannot fetch the status list at " + uri + " ("
          + (e instanceof java.net.http.HttpTimeoutException ? "timed out" : e instanceof java.net.ConnectException ? "connection failed" : "I/O error") + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StatusSourceException("interrupted while fetching the status list at " + uri);
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
     * The connect and request timeout.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = notNegative(timeout, "timeout");
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
