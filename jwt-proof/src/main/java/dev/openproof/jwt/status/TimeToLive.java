package dev.openproof.jwt.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;

/**
 * How long to keep a Status List Token before fetching it again: its {@code ttl} claim, read before
 * the signature is checked and only to time the next fetch, capped by a maximum; a default when it has
 * none.
 */
final class TimeToLive {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private final Duration defaultTime;
  private final Duration maxTime;

  TimeToLive(Duration defaultTime, Duration maxTime) {
    this.defaultTime = defaultTime;
    this.maxTime = maxTime;
  }

  Duration of(String token) {
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (second < 0) {
      return defaultTime;
    }
    try {
      JsonNode ttl = MAPPER.readTree(Base64.getUrlDecoder().decode(token.substring(first + 1, second))).get("ttl");
      if (ttl == null || !ttl.canConvertToLong() || ttl.longValue() < 0) {
        return defaultTime;
      }
      return Duration.ofSeconds(Math.min(ttl.longValue(), maxTime.getSeconds()));
    } catch (IOException | RuntimeException e) {
      return defaultTime;
    }
  }
}
