package dev.openproof.jwt.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import dev.openproof.core.testing.MutableClock;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.Jwks;
import dev.openproof.jwt.key.SigningKey;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RemoteJwksTest {
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicReference<String> body = new AtomicReference<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private HttpServer server;
  private URI uri;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/jwks.json", exchange -> {
      requests.incrementAndGet();
      byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
      exchange.sendResponseHeaders(status.get(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private void publish(JWK... keys) {
    body.set(Jwks.toJson(new JWKSet(java.util.List.of(keys))));
  }

  private RemoteJwks.Builder source() {
    return RemoteJwks.builder(uri).clock(clock).cacheTime(Duration.ofMinutes(10)).minRefreshInterval(Duration.ofSeconds(30));
  }

  @Test
  void fetchesOnceWhileTheCacheIsFresh() {
    SigningKey key = SigningKey.generate(JwsAlgorithm.ES256);
    publish(key.publicJwk());
    RemoteJwks jwks = source().build();

    JWKSet first = jwks.current();
    clock.advance(Duration.ofMinutes(9));
    JWKSet second = jwks.current();

    assertThat(first.getKeyByKeyId(key.keyId())).isNotNull();
    assertThat(second).isSameAs(first);
    assertThat(requests).hasValue(1);
  }

  @Test
  void fetchesAgainWhenTheCacheIsStale() {
    SigningKey old = SigningKey.generate(JwsAlgorithm.ES256);
    SigningKey next = SigningKey.generate(JwsAlgorithm.ES256);
    publish(old.publicJwk());
    RemoteJwks jwks = source().build();
    jwks.current();

    publish(next.publicJwk(), old.publicJwk());
    clock.advance(Duration.ofMinutes(11));

    assertThat(jwks.current().getKeyByKeyId(next.keyId())).isNotNull();
    assertThat(requests).hasValue(2);
  }

  @Test
  void anUnknownKeyFetchesAgainButNotMoreOftenThanTheRateLimit() {
    SigningKey old = SigningKey.generate(JwsAlgorithm.EDDSA);
    SigningKey next = SigningKey.generate(JwsAlgorithm.EDDSA);
    publish(old.publicJwk());
    RemoteJwks jwks = source().build();
    jwks.current();
    publish(next.publicJwk(), old.publicJwk());

    for (int i = 0; i < 100; i++) {
      jwks.afterUnknownKey("no-such-key");
    }
    assertThat(requests).hasValue(1);

    clock.advance(Duration.ofSeconds(31));
    assertThat(jwks.afterUnknownKey(next.keyId()).getKeyByKeyId(next.keyId())).isNotNull();
    assertThat(jwks.afterUnknownKey("no-such-key").getKeyByKeyId(next.keyId())).isNotNull();
    assertThat(requests).hasValue(2);
  }

  @Test
  void refusesAResponseOverTheSizeLimit() {
    publish(SigningKey.generate(JwsAlgorithm.RS256).publicJwk());
    RemoteJwks jwks = source().maxBytes(200).build();

    assertThatThrownBy(jwks::current).isInstanceOf(KeySourceException.class).hasMessageContaining("larger than 200 bytes");
  }

  @Test
  void refusesAnErrorStatus() {
    publish(SigningKey.generate(JwsAlgorithm.ES256).publicJwk());
    status.set(503);

    assertThatThrownBy(source().build()::current).isInstanceOf(KeySourceException.class).hasMessageContaining("503");
  }

  @Test
  void refusesASetWithAPrivateKey() {
    body.set("{\"keys\":[" + SigningKey.generate(JwsAlgorithm.ES256).publicJwk().toJSONString().replace("}", ",\"d\":\"AAAA\"}") + "]}");

    assertThatThrownBy(source().build()::current).isInstanceOf(KeySourceException.class);
  }

  @Test
  void keepsTheLastGoodSetWhenAFetchFails() {
    SigningKey key = SigningKey.generate(JwsAlgorithm.ES256);
    publish(key.publicJwk());
    RemoteJwks jwks = source().build();
    JWKSet good = jwks.current();

    status.set(500);
    clock.advance(Duration.ofMinutes(11));

    assertThat(jwks.current()).isSameAs(good);
    assertThat(requests).hasValue(2);
  }

  @Test
  void refusesPlainHttpBeyondTheLoopbackInterface() {
    assertThatThrownBy(() -> RemoteJwks.builder(URI.create("http://keys.example.test/jwks.json")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RemoteJwks.builder(URI.create("https://keys.example.test/jwks.json")).build()).isNotNull();
  }
}
