package dev.openproof.jwt.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.openproof.core.testing.MutableClock;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.SigningKey;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteStatusListTest {
  private static final String LIST = "https://licensing.example.test/status/1";

  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicReference<String> body = new AtomicReference<>("");
  private final AtomicInteger status = new AtomicInteger(200);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final SigningKey key = SigningKey.generate(JwsAlgorithm.ES256);
  private HttpServer server;
  private URI uri;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/status/1", exchange -> {
      requests.incrementAndGet();
      byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/statuslist+jwt");
      exchange.sendResponseHeaders(status.get(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/status/1");
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private String list(Duration ttl, byte... statuses) {
    return StatusListTokenSigner.builder(key).issuer("https://licensing.example.test").clock(clock).ttl(ttl).build().sign(LIST, statuses);
  }

  @Test
  void keepsTheTokenForItsTimeToLiveThenFetchesAgain() {
    String first = list(Duration.ofMinutes(10), (byte) 0);
    body.set(first);
    RemoteStatusList source = RemoteStatusList.builder(uri).clock(clock).build();
    assertThat(source.token(LIST)).isEqualTo(first);
    String second = list(Duration.ofMinutes(10), (byte) 1);
    body.set(second);
    clock.advance(Duration.ofMinutes(9));
    assertThat(source.token(LIST)).isEqualTo(first);
    assertThat(requests).hasValue(1);
    clock.advance(Duration.ofMinutes(2));
    assertThat(source.token(LIST)).isEqualTo(second);
    assertThat(requests).hasValue(2);
  }

  @Test
  void keepsATokenWithoutTimeToLiveForTheDefaultCacheTime() {
    body.set("a.e30.c2ln");
    RemoteStatusList source = RemoteStatusList.builder(uri).clock(clock).defaultCacheTime(Duration.ofMinutes(1)).build();
    source.token(LIST);
    clock.advance(Duration.ofSeconds(59));
    source.token(LIST);
    assertThat(requests).hasValue(1);
    clock.advance(Duration.ofSeconds(2));
    source.token(LIST);
    assertThat(requests).hasValue(2);
  }

  @Test
  void anHttpErrorWithNothingFetchedBeforeIsUnavailable() {
    status.set(503);
    RemoteStatusList source = RemoteStatusList.builder(uri).clock(clock).build();
    assertThatThrownBy(() -> source.token(LIST))
        .isInstanceOfSatisfying(StatusSourceException.class, e -> assertThat(e.reasonCode()).isEqualTo("STATUS_UNAVAILABLE"))
        .hasMessageContaining("HTTP 503");
  }

  @Test
  void aResponseLargerThanTheLimitIsRefused() {
    body.set("x".repeat(5000));
    RemoteStatusList source = RemoteStatusList.builder(uri).clock(clock).maxBytes(4096).build();
    assertThatThrownBy(() -> source.token(LIST)).isInstanceOf(StatusSourceException.class).hasMessageContaining("larger than 4096");
  }

  @Test
  void plainHttpIsAllowedOnlyOnTheLoopbackInterface() {
    assertThatThrownBy(() -> RemoteStatusList.builder(URI.create("http://status.example.com/1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RemoteStatusList.builder(URI.create("https://status.example.com/1")).build()).isNotNull();
  }

  @Test
  void aFileOrBytesSourceGivesTheTokenWithoutItsLineBreak(@TempDir Path dir) throws IOException {
    String token = list(Duration.ofMinutes(10), (byte) 2);
    Path file = Files.writeString(dir.resolve("status.jwt"), token + "\n");
    assertThat(StatusSource.fromFile(file).token(LIST)).isEqualTo(token);
    assertThat(StatusSource.ofBytes(token.getBytes(StandardCharsets.UTF_8)).token("any")).isEqualTo(token);
    assertThatThrownBy(() -> StatusSource.fromFile(dir.resolve("missing.jwt")))
        .isInstanceOf(StatusSourceException.class).hasMessageContaining("no such file");
  }

  @Test
  void aFileSourceReadsNoMoreThanTheLimitFromADeviceThatNeverEnds() {
    assertThatThrownBy(() -> StatusSource.fromFile(Path.of("/dev/zero")))
        .isInstanceOf(StatusSourceException.class).hasMessageContaining("larger than " + StatusSource.MAX_TOKEN_BYTES);
  }
}
