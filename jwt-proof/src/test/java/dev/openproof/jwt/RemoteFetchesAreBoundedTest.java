package dev.openproof.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import dev.openproof.core.memory.InMemoryStatusLists;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.testing.MutableClock;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.Jwks;
import dev.openproof.jwt.key.KeyRing;
import dev.openproof.jwt.key.SigningKey;
import dev.openproof.jwt.status.RemoteStatusList;
import dev.openproof.jwt.status.StatusListTokenSigner;
import dev.openproof.jwt.status.StatusSourceException;
import dev.openproof.jwt.trust.KeySourceException;
import dev.openproof.jwt.trust.RemoteJwks;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Remote JWK Sets and status lists against servers that stall, drip or fail: each fetch ends by its
 * deadline, a failing server is not asked again before the minimum interval, and no verifying thread
 * waits behind another's fetch while a value is held. No duration is asserted, only that it finished.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RemoteFetchesAreBoundedTest {
  private static final Duration DEADLINE = Duration.ofSeconds(1);

  private final SigningKey key = SigningKey.generate(JwsAlgorithm.ES256);
  private final MutableClock clock = new MutableClock(Proofs.AN_HOUR_LATER.instant());
  private final InMemoryStatusLists lists = InMemoryStatusLists.create(Proofs.ISSUER + "/status", 64, new Random(3));
  private final LicenseProof proof = Proofs.perpetual().withStatus(lists.allocate(Proofs.perpetual().proofId()));
  private final String token = JwsProofSigner.of(key, Proofs.ISSUER).sign(proof).token();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private String statusList() {
    return StatusListTokenSigner.builder(key).issuer(Proofs.ISSUER).clock(clock).ttl(Duration.ofMinutes(5)).build()
        .sign(proof.status().uri(), lists.statuses(proof.status().uri()));
  }

  @ParameterizedTest
  @EnumSource(SlowServer.Mode.class)
  void aStatusListServerThatStallsOrDripsIsCutOffAtTheDeadline(SlowServer.Mode mode) throws IOException {
    try (SlowServer slow = new SlowServer(mode)) {
      RemoteStatusList source = RemoteStatusList.builder(slow.uri("/status/1")).timeout(DEADLINE).build();
      ProofVerifier verifier = ProofVerifier.builder().trustedKeys(KeyRing.of(key)).expectedIssuer(Proofs.ISSUER)
          .clock(clock).statusSource(source).build();

      Rejections.assertRejected(verifier, token, RejectionReason.STATUS_UNAVAILABLE)
          .hasMessageContaining(slow.uri("/status/1").toString()).hasMessageContaining("took longer than 1 s");
    }
  }

  @ParameterizedTest
  @EnumSource(SlowServer.Mode.class)
  void aJwksServerThatStallsOrDripsIsCutOffAtTheDeadline(SlowServer.Mode mode) throws IOException {
    try (SlowServer slow = new SlowServer(mode)) {
      RemoteJwks keys = RemoteJwks.builder(slow.uri("/jwks.json")).timeout(DEADLINE).clock(clock).build();
      ProofVerifier verifier = ProofVerifier.builder().trustedKeys(keys).expectedIssuer(Proofs.ISSUER).clock(clock).build();

      Rejections.assertRejected(verifier, token, RejectionReason.KEYS_UNAVAILABLE).hasMessageContaining("took longer than 1 s");
    }
  }

  @Test
  void aServerThatIsDownIsAskedNoMoreOftenThanTheMinimumInterval() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    URI uri = serve("/status/1", requests, new AtomicReference<>(""), 503, null);
    RemoteStatusList source = RemoteStatusList.builder(uri).clock(clock).minRefetchInterval(Duration.ofSeconds(30)).build();

    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> source.token(proof.status().uri())).isInstanceOf(StatusSourceException.class).hasMessageContaining("HTTP 503");
    }
    assertThat(requests).hasValue(1);
    clock.advance(Duration.ofSeconds(31));
    assertThatThrownBy(() -> source.token(proof.status().uri())).isInstanceOf(StatusSourceException.class);
    assertThat(requests).hasValue(2);

    URI jwksUri = serve("/jwks.json", requests, new AtomicReference<>(""), 503, null);
    RemoteJwks keys = RemoteJwks.builder(jwksUri).clock(clock).build();
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(keys::current).isInstanceOf(KeySourceException.class);
      assertThatThrownBy(() -> keys.afterUnknownKey("k")).isInstanceOf(KeySourceException.class);
    }
    assertThat(requests).hasValue(3);
  }

  @Test
  void aVerifierIsServedTheHeldListWhileAnotherThreadFetches() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    AtomicReference<String> body = new AtomicReference<>(statusList());
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    URI uri = serve("/status/1", requests, body, 200, () -> {
      if (requests.get() > 1) {
        arrived.countDown();
        await(release);
      }
    });
    RemoteStatusList source = RemoteStatusList.builder(uri).clock(clock).timeout(Duration.ofSeconds(30)).build();
    String first = source.token(proof.status().uri());
    clock.advance(Duration.ofMinutes(6));

    CompletableFuture<String> fetching = CompletableFuture.supplyAsync(() -> source.token(proof.status().uri()));
    assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
    String served = source.token(proof.status().uri());
    boolean stillFetching = !fetching.isDone();
    release.countDown();

    assertThat(served).isSameAs(first);
    assertThat(stillFetching).isTrue();
    assertThat(fetching.get(30, TimeUnit.SECONDS)).isEqualTo(first);
    assertThat(requests).hasValue(2);
  }

  @Test
  void aVerifierIsServedTheHeldKeysWhileAnotherThreadFetches() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    AtomicReference<String> body = new AtomicReference<>(Jwks.toJson(new JWKSet(key.publicJwk())));
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    URI uri = serve("/jwks.json", requests, body, 200, () -> {
      if (requests.get() > 1) {
        arrived.countDown();
        await(release);
      }
    });
    RemoteJwks keys = RemoteJwks.builder(uri).clock(clock).timeout(Duration.ofSeconds(30)).build();
    JWKSet first = keys.current();
    clock.advance(Duration.ofMinutes(11));

    CompletableFuture<JWKSet> fetching = CompletableFuture.supplyAsync(keys::current);
    assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
    JWKSet served = keys.current();
    boolean stillFetching = !fetching.isDone();
    release.countDown();

    assertThat(served).isSameAs(first);
    assertThat(stillFetching).isTrue();
    assertThat(fetching.get(30, TimeUnit.SECONDS).getKeys()).hasSize(1);
  }

  @Test
  void aRedirectIsNotFollowedAndAChunkedBodyIsCutAtTheLimit() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    AtomicInteger elsewhere = new AtomicInteger();
    URI target = serve("/elsewhere", elsewhere, new AtomicReference<>(statusList()), 200, null);
    server.createContext("/moved", exchange -> {
      requests.incrementAndGet();
      exchange.getResponseHeaders().add("Location", target.toString());
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    });
    server.createContext("/chunked", exchange -> {
      requests.incrementAndGet();
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        for (int i = 0; i < 64; i++) { // 64 KiB, without a Content-Length
          out.write(new byte[1024]);
        }
      } catch (IOException hungUp) {
        // the client stopped reading at its limit
      }
    });
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

    assertThatThrownBy(() -> RemoteStatusList.builder(base.resolve("/moved")).build().token("x"))
        .isInstanceOf(StatusSourceException.class).hasMessageContaining("HTTP 302");
    assertThat(elsewhere).hasValue(0);
    assertThatThrownBy(() -> RemoteStatusList.builder(base.resolve("/chunked")).maxBytes(4096).build().token("x"))
        .isInstanceOf(StatusSourceException.class).hasMessageContaining("larger than 4096");
    assertThatThrownBy(() -> RemoteJwks.builder(base.resolve("/chunked")).maxBytes(4096).build().current())
        .isInstanceOf(KeySourceException.class).hasMessageContaining("larger than 4096");
  }

  private URI serve(String path, AtomicInteger requests, AtomicReference<String> body, int status, Runnable before) throws IOException {
    if (server == null) {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
      server.start();
    }
    server.createContext(path, exchange -> {
      requests.incrementAndGet();
      if (before != null) {
        before.run();
      }
      byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
