package dev.openproof.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.model.OrderId;
import dev.openproof.core.exchange.OrderClaim;
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
  void theDatabaseIsToldFromItsMetadata(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabase.of(kind)) {
      Jdbc jdbc = new Jdbc(database.newPool(1), null);
      assertThat(jdbc.dialect().name()).isEqualTo(kind.name());
    }
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
