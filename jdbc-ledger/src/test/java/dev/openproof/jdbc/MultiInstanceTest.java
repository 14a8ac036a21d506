package dev.openproof.jdbc;

import dev.openproof.core.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.fulfillment.FulfillmentException;
import dev.openproof.core.fulfillment.FulfillmentOutcome;
import dev.openproof.core.fulfillment.LicenseFulfillment;
import dev.openproof.core.fulfillment.RandomIdGenerator;
import dev.openproof.core.fulfillment.RetryPolicy;
import dev.openproof.core.model.DeliveryId;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.Order;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.exchange.OrderRecord;
import dev.openproof.core.port.ProofDelivery;
import dev.openproof.core.port.ProofLedger;
import dev.openproof.core.testing.FakeSigner;
import dev.openproof.core.testing.SampleOrders;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Four instances of the workflow, each with its own connection pool, fulfill the same orders (one by
 * one, or with {@code fulfillAll} in batches of 25) at
 * once on one database while deliveries fail transiently at random; one instance is killed while it
 * holds a batch of claimed deliveries. Afterwards every order has exactly one proof, two invoices
 * and one delivery, delivered exactly once, the dead instance's claims taken over by the others.
 */
class MultiInstanceTest {
  private static final Instant START = Instant.parse("2024-05-01T10:00:00Z");
  private static final Duration LEASE = Duration.ofHours(1);
  private static final int INSTANCES = 4;
  private static final long SEED = 20240501L;

  private final MutableClock clock = new MutableClock(START);
  /** Open once the doomed instance has died (or ended): the others wait for it a quarter of the way in. */
  private final CountDownLatch doomedGone = new CountDownLatch(1);
  private final Inbox inbox = new Inbox();

  /** One instance of a service: its pool, ledger and workflow. */
  private final class Instance {
    final KillableLedger ledger;
    final LicenseFulfillment fulfillment;
    final List<Order> orders;
    volatile boolean dieOnNextDelivery;
    final boolean batch;
    final int step;

    Instance(DataSource pool, int number, List<Order> all, boolean batch) {
      this.batch = batch;
      this.step = batch ? 25 : 1;
      this.ledger = new KillableLedger(JdbcProofLedger.create(pool));
      ProofDelivery flaky = inbox.delivery(clock, SEED + number, 0.3);
      ProofDelivery delivery = request -> {
        if (dieOnNextDelivery) {
          ledger.kill();
          throw new InstanceKilled();
        }
        return flaky.deliver(request);
      };
      this.fulfillment = LicenseFulfillment.builder().signer(new FakeSigner()).ledger(ledger).delivery(delivery)
          .clock(clock).ids(RandomIdGenerator.secure()).lease(LEASE).claimWait(Duration.ZERO).batchSize(25)
          .retryPolicy(new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 1_000)).build();
      this.orders = new ArrayList<>(all);
      Collections.shuffle(orders, new Random(SEED * 31 + number));
    }

    /**
     * Fulfills every order once, redelivering now and then; the doomed one dies mid-batch. The others
     * stop a quarter of the way through until it has died, so that it still finds orders of its own
     * to deliver however the threads are scheduled.
     */
    Void work(boolean doomed) throws InterruptedException {
      try {
        return workThrough(doomed);
      } finally {
        if (doomed) {
          doomedGone.countDown();
        }
      }
    }

    private Void workThrough(boolean doomed) throws InterruptedException {
      int done = 0;
      for (int from = 0; from < orders.size(); from += step) {
        if (!doomed && from >= orders.size() / 4) {
          doomedGone.await(2, TimeUnit.MINUTES);
        }
        List<Order> some = orders.subList(from, Math.min(orders.size(), from + step));
        try {
          if (batch) {
            for (FulfillmentOutcome outcome : fulfillment.fulfillAll(some)) {
              if (outcome instanceof FulfillmentOutcome.Failed failed) {
                assertThat(failed.reasonCode()).as(failed.failure().toString())
                    .isEqualTo(FulfillmentException.Reason.ORDER_IN_PROGRESS.code());
              }
            }
          } else {
            fulfillment.fulfill(some.get(0));
          }
        } catch (FulfillmentException e) {
          assertThat(e.reasonCode()).isEqualTo(FulfillmentException.Reason.ORDER_IN_PROGRESS.code());
        } catch (InstanceKilled e) {
          return null;
        }
        done += some.size();
        if (done % 20 == 0 || batch) {
          clock.advance(Duration.ofSeconds(1));
        }
        if (done % 25 == 0) {
          dieOnNextDelivery = doomed && done >= 100;
          try {
            fulfillment.redeliverPending();
          } catch (InstanceKilled e) {
            return null;
          }
        }
      }
      return null;
    }
  }

  @ParameterizedTest(name = "{0}, batches: {1}")
  @CsvSource({"H2, false", "H2, true", "POSTGRESQL, false", "POSTGRESQL, true"})
  void fourInstancesFulfillTheSameOrdersExactlyOnceAndTakeOverADeadOnesClaims(TestDatabase.Kind kind, boolean batch)
      throws Exception {
    int count = kind == TestDatabase.Kind.POSTGRESQL ? 1_000 : 300;
    List<Order> orders = IntStream.range(0, count).mapToObj(SampleOrders::numbered).toList();
    ExecutorService threads = Executors.newFixedThreadPool(INSTANCES);
    try (TestDatabase database = TestDatabase.of(kind)) {
      database.newLedger().close();
      List<Instance> instances = new ArrayList<>();
      for (int i = 0; i < INSTANCES; i++) {
        instances.add(new Instance(database.newPool(3), i, orders, batch));
      }
      Instance doomed = instances.get(INSTANCES - 1);
      List<Instance> survivors = instances.subList(0, INSTANCES - 1);

      runAll(threads, instances.stream().map(in -> (Callable<Void>) () -> in.work(in == doomed)).toList());
      assertThat(doomed.ledger.killed()).as("the doomed instance died holding claimed deliveries").isTrue();
      assertThat(pendingLeasedBy(database)).isPositive();

      clock.advance(LEASE.plusSeconds(1));
      runAll(threads, survivors.stream().map(in -> (Callable<Void>) () -> in.work(false)).toList());
      for (int round = 0; round < 200 && pending(database) > 0; round++) {
        clock.advance(Duration.ofSeconds(2));
        runAll(threads, survivors.stream().map(in -> (Callable<Void>) () -> {
          in.fulfillment.redeliverPending();
          return null;
        }).toList());
      }

      assertThat(pending(database)).isZero();
      ProofLedger ledger = database.newLedger();
      Set<DeliveryId> deliveries = new HashSet<>();
      for (Order order : orders) {
        OrderRecord record = ledger.findOrder(order.orderId()).orElseThrow();
        assertThat(record.completed()).as("order %s completed", order.orderId()).isTrue();
        assertThat(record.invoices()).extracting(i -> i.leg()).containsExactly(InvoiceLeg.values());
        List<DeliveryRecord> ofProof = ledger.deliveries(record.issuedProofId().orElseThrow());
        assertThat(ofProof).hasSize(1);
        DeliveryRecord delivery = ofProof.get(0);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(inbox.of(delivery.request().deliveryId())).as("messages of %s", order.orderId()).hasSize(1);
        deliveries.add(delivery.request().deliveryId());
      }
      assertThat(inbox.all().keySet()).isEqualTo(deliveries);
      assertThat(count(database, "SELECT COUNT(*) FROM openproof_proof")).isEqualTo(count);
      assertThat(count(database, "SELECT COUNT(*) FROM openproof_invoice")).isEqualTo(2L * count);
      assertThat(count(database, "SELECT COUNT(*) FROM openproof_delivery")).isEqualTo(count);
    } finally {
      threads.shutdownNow();
    }
  }

  private static void runAll(ExecutorService threads, List<Callable<Void>> tasks) throws Exception {
    List<Future<Void>> futures = new ArrayList<>();
    for (Callable<Void> task : tasks) {
      futures.add(threads.submit(task));
    }
    for (Future<Void> future : futures) {
      future.get(3, TimeUnit.MINUTES);
    }
  }

  private static long pending(TestDatabase database) throws SQLException {
    return count(database, "SELECT COUNT(*) FROM openproof_delivery WHERE status = 'PENDING'");
  }

  private static long pendingLeasedBy(TestDatabase database) throws SQLException {
    return count(database, "SELECT COUNT(*) FROM openproof_delivery WHERE status = 'PENDING' AND lease_owner IS NOT NULL");
  }

  private static long count(TestDatabase database, String sql) throws SQLException {
    DataSource pool = database.newPool(1);
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    } finally {
      database.dispose(pool);
    }
  }
}
