package dev.openproof.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.testing.SampleOrders;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.orderjson.OrderJson;
import dev.openproof.spring.SigningKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two service instances on one PostgreSQL share the work: 1,000 orders posted across both at once,
 * while the SMTP server refuses some recipients once and drops one connection mid-message. Then
 * every order has one proof, every customer one mail, and both instances' metrics add up to the
 * ledger's counts.
 */
class TwoInstancesOnOnePostgresTest {
  private static final int ORDERS = 1000;
  private static final String KEY = "opk_two-instances-test-key";

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void shareTheWorkAndCountItOnce() throws Exception {
    TestPostgres db = TestPostgres.newSchema();
    Path keys = ServiceApiContract.newDir().resolve("keys");
    SigningKeys.open(keys, JwsAlgorithm.ES256, true);
    try (FlakySmtpServer smtp = new FlakySmtpServer(ORDERS / 3);
        ConfigurableApplicationContext a = start(db, smtp, keys);
        ConfigurableApplicationContext b = start(db, smtp, keys)) {
      List<Http> instances = List.of(new Http(port(a), KEY), new Http(port(b), KEY));
      OrderJson json = OrderJson.create();
      long start = System.nanoTime();
      ExecutorService clients = Executors.newFixedThreadPool(8);
      List<Future<Integer>> posted = new ArrayList<>();
      for (int i = 0; i < ORDERS; i++) {
        String order = json.write(SampleOrders.numbered(900_000 + i));
        Http instance = instances.get(i % 2);
        posted.add(clients.submit(() -> postUntilDone(instance, order)));
      }
      for (Future<Integer> f : posted) {
        assertThat(f.get(5, TimeUnit.MINUTES)).isIn(200, 201);
      }
      clients.shutdown();
      long postedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (db.count("SELECT COUNT(*) FROM openproof_delivery WHERE status = 'DELIVERED'") < ORDERS
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }

      assertThat(db.count("SELECT COUNT(*) FROM openproof_order WHERE completed")).isEqualTo(ORDERS);
      assertThat(db.count("SELECT COUNT(*) FROM openproof_proof")).isEqualTo(ORDERS);
      assertThat(db.count("SELECT COUNT(DISTINCT order_id) FROM openproof_proof")).isEqualTo(ORDERS);
      long delivered = db.count("SELECT COUNT(*) FROM openproof_delivery WHERE status = 'DELIVERED'");
      assertThat(delivered).isEqualTo(ORDERS);
      System.out.printf("%d orders posted across two instances in %d ms, all delivered after %d ms;"
          + " %d recipients refused once, one connection dropped mid-message%n", ORDERS, postedMillis,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), smtp.refused.get());
      assertThat(smtp.droppedOne()).isTrue();
      assertThat(smtp.refused.get()).isPositive();
      assertThat(smtp.accepted()).hasSize(ORDERS).allSatisfy((to, ids) -> assertThat(ids).as(to).hasSize(1));

      List<MeterRegistry> registries = List.of(a.getBean(MeterRegistry.class), b.getBean(MeterRegistry.class));
      assertThat(sum(registries, "openproof.orders", "outcome", "new")).isEqualTo(ORDERS);
      assertThat(sum(registries, "openproof.proofs.issued", null, null)).isEqualTo(ORDERS);
      assertThat(sum(registries, "openproof.deliveries", "outcome", "delivered")).isEqualTo(delivered);
      long failedAttempts = db.count("SELECT SUM(attempts) FROM openproof_delivery") - delivered;
      assertThat(failedAttempts).isPositive();
      assertThat(sum(registries, "openproof.deliveries", "outcome", "retrying")
          + sum(registries, "openproof.deliveries", "outcome", "failed")).isEqualTo(failedAttempts);
      // The gauge reads the shared ledger through a reading kept for 5 s: ask until that has passed.
      double pending = -1;
      for (int i = 0; i < 40 && pending != 0.0; i++) {
        pending = registries.get(0).get("openproof.deliveries.pending").gauge().value();
        if (pending != 0.0) {
          Thread.sleep(250);
        }
      }
      assertThat(pending).isEqualTo(0.0);
    }
  }

  private static int postUntilDone(Http instance, String order) throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> response = instance.post("/v1/orders", order);
      if (response.statusCode() != 503 || attempt == 5) {
        return response.statusCode();
      }
      Thread.sleep(100);
    }
  }

  private static long sum(List<MeterRegistry> registries, String name, String tag, String value) {
    double total = 0;
    for (MeterRegistry registry : registries) {
      var search = registry.find(name);
      if (tag != null) {
        search = search.tag(tag, value);
      }
      for (Counter c : search.counters()) {
        total += c.count();
      }
    }
    return Math.round(total);
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  private static ConfigurableApplicationContext start(TestPostgres db, FlakySmtpServer smtp, Path keys) {
    return new SpringApplicationBuilder(OpenProofServiceApplication.class).run(
        "--server.port=0",
        "--openproof.dir=" + ServiceApiContract.newDir(),
        "--openproof.keys.dir=" + keys,
        "--openproof.service.api-key-hashes=" + HexFormat.of().formatHex(ApiKeys.sha256(KEY)),
        "--spring.datasource.url=" + db.url,
        "--spring.datasource.username=" + db.user,
        "--spring.datasource.password=" + db.password,
        "--spring.datasource.hikari.maximum-pool-size=6",
        "--openproof.smtp.host=127.0.0.1",
        "--openproof.smtp.port=" + smtp.port(),
        "--openproof.smtp.tls=NONE",
        "--openproof.smtp.read-timeout=5s",
        "--openproof.delivery.retry-first-delay=100ms",
        "--openproof.delivery.retry-max-delay=1s",
        "--openproof.delivery.max-attempts=30",
        "--openproof.delivery.redeliver-interval=250ms",
        "--openproof.delivery.lease=20s",
        "--openproof.delivery.claim-wait=60s",
        "--springdoc.api-docs.enabled=false");
  }
}
