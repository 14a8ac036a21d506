package dev.openproof.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.exchange.OrderRecord;
import dev.openproof.core.fulfillment.FulfillmentOutcome;
import dev.openproof.core.fulfillment.FulfillmentResult;
import dev.openproof.core.fulfillment.LicenseFulfillment;
import dev.openproof.core.fulfillment.RandomIdGenerator;
import dev.openproof.core.model.Customer;
import dev.openproof.core.model.Order;
import dev.openproof.core.testing.FakeSigner;
import dev.openproof.core.testing.MutableClock;
import dev.openproof.core.testing.SampleOrders;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** fulfillAll on the JDBC ledger: what it returns is what the ledger holds, and overlapping batches do nothing twice. */
class BatchFulfillmentTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2023-06-01T10:00:00Z"));
  private final Inbox inbox = new Inbox();

  private LicenseFulfillment workflow(JdbcProofLedger ledger, int batchSize) {
    return LicenseFulfillment.builder().signer(new FakeSigner()).ledger(ledger).delivery(r -> inbox.accept(r, clock))
        .clock(clock).ids(RandomIdGenerator.secure()).batchSize(batchSize).claimWait(Duration.ofSeconds(20)).build();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theResultsAreWhatTheLedgerHoldsAndABadOrderFailsAloneWithNothingStored(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabase.of(kind)) {
      JdbcProofLedger ledger = database.newLedger();
      LicenseFulfillment workflow = workflow(ledger, 10);
      Order base = SampleOrders.numbered(1000);
      Customer c = base.customer();
      Order invalid = new Order(base.orderId(), base.program(), base.placedAt(), base.currency(), null, base.distributor(),
          base.reseller(), new Customer(c.id(), c.name(), c.country(), "not a mailbox", c.language()), base.lines());
      List<Order> orders = new ArrayList<>(IntStream.range(0, 25).mapToObj(SampleOrders::numbered).toList());
      orders.add(12, invalid);
      orders.add(SampleOrders.beforeCutover());

      List<FulfillmentOutcome> outcomes = workflow.fulfillAll(orders);

      assertThat(outcomes.get(12)).isInstanceOfSatisfying(FulfillmentOutcome.Failed.class,
          f -> assertThat(f.reasonCode()).isEqualTo("INVALID_ORDER"));
      assertThat(ledger.findOrder(invalid.orderId())).isEmpty();
      for (int i = 0; i < orders.size(); i++) {
        if (i == 12) {
          continue;
        }
        FulfillmentResult result = outcomes.get(i).fulfilled().orElseThrow();
        assertThat(result.replayed()).isFalse();
        FulfillmentResult found = workflow.find(orders.get(i).orderId()).orElseThrow();
        assertThat(found.invoices()).isEqualTo(result.invoices());
        assertThat(found.issuedProof()).isEqualTo(result.issuedProof());
        assertThat(found.firstDelivery()).isEqualTo(result.firstDelivery());
        assertThat(found.physicalShipment()).isEqualTo(result.physicalShipment());
        FulfillmentResult replayed = workflow.fulfill(orders.get(i));
        assertThat(replayed.replayed()).isTrue();
        assertThat(replayed.issuedProof()).isEqualTo(result.issuedProof());
        assertThat(replayed.invoices()).isEqualTo(result.invoices());
      }
      assertThat(outcomes.get(0).fulfilled().orElseThrow().deliveryStatus()).contains(DeliveryStatus.DELIVERED);
      assertThat(inbox.all()).hasSize(25);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void twoWorkflowsRunningOverlappingBatchesAtOnceGiveEachOrderOneProofOnePairOfInvoicesAndOneDelivery(TestDatabase.Kind kind)
      throws Exception {
    int count = 300;
    List<Order> orders = IntStream.range(0, count).mapToObj(SampleOrders::numbered).toList();
    List<Order> reversed = new ArrayList<>(orders);
    java.util.Collections.reverse(reversed);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (TestDatabase database = TestDatabase.of(kind)) {
      database.newLedger().close();
      LicenseFulfillment first = workflow(JdbcProofLedger.create(database.newPool(4)), 40);
      LicenseFulfillment second = workflow(JdbcProofLedger.create(database.newPool(4)), 30);
      Future<List<FulfillmentOutcome>> a = threads.submit(() -> first.fulfillAll(orders));
      Future<List<FulfillmentOutcome>> b = threads.submit(() -> second.fulfillAll(reversed));
      List<FulfillmentOutcome> all = new ArrayList<>(a.get(3, TimeUnit.MINUTES));
      all.addAll(b.get(3, TimeUnit.MINUTES));

      assertThat(all).allSatisfy(o -> assertThat(o.fulfilled()).as(o.toString()).isPresent());
      assertThat(all).filteredOn(o -> !o.fulfilled().orElseThrow().replayed()).hasSize(count);
      JdbcProofLedger ledger = database.newLedger();
      for (Order order : orders) {
        OrderRecord record = ledger.findOrder(order.orderId()).orElseThrow();
        assertThat(record.completed()).isTrue();
        assertThat(ledger.deliveries(record.issuedProofId().orElseThrow())).hasSize(1)
            .allMatch(d -> d.status() == DeliveryStatus.DELIVERED);
      }
      assertThat(inbox.all()).hasSize(count).allSatisfy((id, messages) -> assertThat(messages).hasSize(1));
      assertThat(count(database, "SELECT COUNT(*) FROM openproof_proof")).isEqualTo(count);
      assertThat(count(database, "SELECT COUNT(*) FROM openproof_invoice")).isEqualTo(2L * count);
      assertThat(count(database, "SELECT COUNT(*) FROM openproof_delivery")).isEqualTo(count);
    } finally {
      threads.shutdownNow();
    }
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
