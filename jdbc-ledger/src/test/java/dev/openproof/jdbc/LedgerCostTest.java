package dev.openproof.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.fulfillment.LicenseFulfillment;
import dev.openproof.core.model.DeliveryReceipt;
import dev.openproof.core.model.Order;
import dev.openproof.core.port.ProofDelivery;
import dev.openproof.core.testing.FakeSigner;
import dev.openproof.core.testing.SampleOrders;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What an order costs the database: the round trips and commits of one new digital order, fulfilled
 * by {@code fulfill} and by {@code fulfillAll}, counted at the JDBC interface.
 */
class LedgerCostTest {
  private static final int ORDERS = 40;
  private final Clock clock = Clock.fixed(Instant.parse("2023-06-01T10:00:00Z"), ZoneOffset.UTC);
  private final ProofDelivery sink = request -> new DeliveryReceipt(request.deliveryId(), request.proof().proofId(),
      request.recipient().email(), "<" + request.deliveryId().value() + "@openproof.test>", clock.instant());

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aSingleFulfillCostsFewRoundTripsAndCommits(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabase.of(kind)) {
      CountingDataSource counting = new CountingDataSource(database.newPool(4));
      JdbcProofLedger ledger = JdbcProofLedger.create(counting.dataSource());
      ledger.migrate();
      LicenseFulfillment fulfillment = LicenseFulfillment.builder().signer(new FakeSigner()).ledger(ledger).delivery(sink)
          .clock(clock).build();
      fulfillment.fulfill(SampleOrders.numbered(0));
      counting.reset();
      IntStream.rangeClosed(1, ORDERS).forEach(n -> fulfillment.fulfill(SampleOrders.numbered(n)));
      double roundTrips = (double) counting.roundTrips() / ORDERS;
      double commits = (double) counting.commits() / ORDERS;
      double executions = (double) counting.executions() / ORDERS;
      System.out.println(String.format(Locale.ROOT, "%s fulfill: %.1f round trips, %.1f statements executed, %.1f commits per order",
          kind, roundTrips, executions, commits));
      // PostgreSQL: the claim, the proof with its invoices and first delivery, and the delivery with the
      // order's completion, one statement each, each committed by itself.
      assertThat(roundTrips).isLessThanOrEqualTo(kind == TestDatabase.Kind.H2 ? 11 : 3);
      assertThat(executions).isLessThanOrEqualTo(kind == TestDatabase.Kind.H2 ? 13 : 3);
      assertThat(commits).isLessThanOrEqualTo(3);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aBatchOfAHundredCostsAFewRoundTripsAndCommitsInAll(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabase.of(kind)) {
      CountingDataSource counting = new CountingDataSource(database.newPool(4));
      JdbcProofLedger ledger = JdbcProofLedger.create(counting.dataSource());
      ledger.migrate();
      LicenseFulfillment fulfillment = LicenseFulfillment.builder().signer(new FakeSigner()).ledger(ledger).delivery(sink)
          .clock(clock).build();
      fulfillment.fulfill(SampleOrders.numbered(0));
      List<Order> orders = IntStream.rangeClosed(1, 100).mapToObj(SampleOrders::numbered).toList();
      counting.reset();
      assertThat(fulfillment.fulfillAll(orders)).allMatch(o -> o.fulfilled().isPresent());
      System.out.println(String.format(Locale.ROOT, "%s fulfillAll of 100: %d round trips, %d statements executed, %d commits",
          kind, counting.roundTrips(), counting.executions(), counting.commits()));
      assertThat(counting.roundTrips()).isLessThanOrEqualTo(kind == TestDatabase.Kind.H2 ? 410 : 11);
      // PostgreSQL: each insert and update of the batch one statement of many rows.
      assertThat(counting.executions()).isLessThanOrEqualTo(kind == TestDatabase.Kind.H2 ? 1301 : 8);
      assertThat(counting.commits()).isLessThanOrEqualTo(3);
    }
  }
}
