package dev.openproof.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.OrderClaim;
import dev.openproof.core.testing.SampleOrders;
import dev.openproof.core.testing.SampleProofs;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The schema: versioned resources a migration tool can apply, and {@code migrate()} for hosts without one. */
class MigrationTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  @Test
  void theSchemaLiesWhereFlywayLooksForIt() {
    for (Migrator.Migration migration : Migrator.MIGRATIONS) {
      assertThat(migration.resource()).matches("V[0-9]+__[a-z_]+\\.sql");
      assertThat(MigrationTest.class.getResource("/" + JdbcProofLedger.SCHEMA_LOCATION + "/" + migration.resource()))
          .isNotNull();
    }
    assertThat(Migrator.statements("V1__openproof_ledger.sql"))
        .hasSize(11)
        .allMatch(sql -> sql.startsWith("CREATE TABLE IF NOT EXISTS") || sql.startsWith("CREATE INDEX IF NOT EXISTS"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void migratingTwiceAppliesTheSchemaOnce(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase database = TestDatabase.of(kind)) {
      DataSource pool = database.newPool(2);
      JdbcProofLedger ledger = JdbcProofLedger.create(pool);
      assertThat(ledger.migrate()).isEqualTo(Migrator.MIGRATIONS.size());
      assertThat(ledger.migrate()).isZero();
      assertThat(versions(pool)).containsExactlyElementsOf(Migrator.MIGRATIONS.stream().map(Migrator.Migration::version).toList());
      assertThat(ledger.claimOrder(OrderId.of("PO-1"), "a", T0, Duration.ofMinutes(1))).isEqualTo(OrderClaim.ACQUIRED);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void instancesStartingAtOnceApplyTheSchemaOnce(TestDatabase.Kind kind) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try (TestDatabase database = TestDatabase.of(kind)) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> applied = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        JdbcProofLedger ledger = JdbcProofLedger.create(database.newPool(1));
        applied.add(threads.submit(() -> {
          start.await();
          return ledger.migrate();
        }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> future : applied) {
        total += future.get();
      }
      assertThat(total).isEqualTo(Migrator.MIGRATIONS.size());
      assertThat(versions(database.newPool(1))).containsExactlyElementsOf(Migrator.MIGRATIONS.stream().map(Migrator.Migration::version).toList());
    } finally {
      threads.shutdownNow();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aSchemaAppliedByTheHostsMigrationToolIsTakenAsItIs(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase database = TestDatabase.of(kind)) {
      DataSource pool = database.newPool(2);
      try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
        for (String sql : Migrator.statements("V1__openproof_ledger.sql")) {
          statement.execute(sql);
        }
      }
      JdbcProofLedger ledger = JdbcProofLedger.create(pool);
      assertThat(ledger.claimOrder(OrderId.of("PO-1"), "a", T0, Duration.ofMinutes(1))).isEqualTo(OrderClaim.ACQUIRED);
      assertThat(ledger.migrate()).as("the statements run again without harm, and the versions are recorded").isEqualTo(Migrator.MIGRATIONS.size());
      assertThat(ledger.findOrder(OrderId.of("PO-1"))).isPresent();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aVersion4LedgerUpgradesAndKeepsItsDeliveriesInOrder(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase database = TestDatabase.of(kind)) {
      DataSource pool = database.newPool(2);
      try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
        applyUpTo(statement, 4);
      }
      JdbcProofLedger ledger = JdbcProofLedger.create(pool);
      Order order = SampleOrders.numbered(1);
      LicenseProof proof = SampleProofs.proof(order, "p-1", T0);
      DeliveryRequest first = SampleProofs.firstDelivery(order, proof, "d-1");
      assertThat(ledger.claimOrder(order.orderId(), "a", T0, Duration.ofMinutes(1))).isEqualTo(OrderClaim.ACQUIRED);
      ledger.recordProof(proof, first.signedProof(), first, T0);
      assertThat(constraint(pool, "openproof_delivery_seq_key")).as("version 4 has the unique key").isTrue();

      assertThat(ledger.migrate()).as("only version 5 is missing").isEqualTo(1);
      assertThat(versions(pool)).containsExactlyElementsOf(Migrator.MIGRATIONS.stream().map(Migrator.Migration::version).toList());
      assertThat(constraint(pool, "openproof_delivery_seq_key")).as("version 5 drops it").isFalse();
      assertThat(ledger.migrate()).isZero();

      ledger.addDelivery(SampleProofs.resend(first, "d-2"), T0);
      ledger.addDelivery(SampleProofs.resend(first, "d-3"), T0);
      assertThat(seqOrder(pool)).as("the identity still numbers deliveries in the order they were recorded, each once")
          .containsExactly("d-1", "d-2", "d-3");
      assertThat(ledger.claimPendingDeliveries("b", T0.plusSeconds(3600), Duration.ofMinutes(1), 10))
          .extracting(d -> d.deliveryId().value()).containsExactly("d-1", "d-2", "d-3");
      assertThat(ledger.deliveries(proof.proofId())).extracting(d -> d.request().deliveryId().value())
          .containsExactly("d-1", "d-2", "d-3");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theDatabaseIsToldFromItsMetadata(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabase.of(kind)) {
      Jdbc jdbc = new Jdbc(database.newPool(1), null);
      assertThat(jdbc.dialect().name()).isEqualTo(kind.name());
    }
  }

  /**
   * Brings a database to schema {@code version} as the ledger of that version left it: each version's
   * statements up to it, each recorded as applied.
   */
  static void applyUpTo(Statement statement, int version) throws SQLException {
    statement.execute(Migrator.VERSION_TABLE);
    for (Migrator.Migration migration : Migrator.MIGRATIONS) {
      if (migration.version() <= version) {
        for (String sql : Migrator.statements(migration.resource())) {
          statement.execute(sql);
        }
        statement.execute("INSERT INTO openproof_schema_version VALUES (" + migration.version() + ", '"
            + migration.description() + "', CURRENT_TIMESTAMP)");
      }
    }
  }

  private static boolean constraint(DataSource pool, String name) throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM information_schema.table_constraints"
            + " WHERE LOWER(constraint_name) = '" + name + "'")) {
      row.next();
      return row.getInt(1) > 0;
    }
  }

  private static List<String> seqOrder(DataSource pool) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT delivery_id, COUNT(*) OVER (PARTITION BY seq) AS same"
            + " FROM openproof_delivery ORDER BY seq")) {
      while (row.next()) {
        assertThat(row.getInt("same")).isEqualTo(1);
        ids.add(row.getString("delivery_id"));
      }
    }
    return ids;
  }

  private static List<Integer> versions(DataSource pool) throws SQLException {
    List<Integer> versions = new ArrayList<>();
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT version FROM openproof_schema_version ORDER BY version")) {
      while (row.next()) {
        versions.add(row.getInt(1));
      }
    }
    return versions;
  }
}
