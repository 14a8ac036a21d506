package dev.openproof.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.OpenProofException;
import dev.openproof.core.model.OrderId;
import java.lang.reflect.Proxy;
import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** A failing database surfaces as a {@link LedgerException} with a stable reason and no secrets. */
class LedgerFailureTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  @Test
  void anUnreachableDatabaseIsUnavailableAndItsPasswordIsNotTold() {
    PGSimpleDataSource nowhere = new PGSimpleDataSource();
    nowhere.setServerNames(new String[] {"127.0.0.1"});
    nowhere.setPortNumbers(new int[] {1});
    nowhere.setDatabaseName("openproof");
    nowhere.setUser("openproof");
    nowhere.setPassword("s3cret-Passw0rd");
    nowhere.setConnectTimeout(2);
    JdbcProofLedger ledger = JdbcProofLedger.create(nowhere, JdbcProofLedger.Database.POSTGRESQL);

    assertThatThrownBy(() -> ledger.claimOrder(OrderId.of("PO-1"), "a", T0, Duration.ofMinutes(1)))
        .isInstanceOf(LedgerException.class)
        .isInstanceOf(OpenProofException.class)
        .hasMessageContaining("claim order PO-1")
        .hasMessageNotContaining("s3cret")
        .hasMessageNotContaining("127.0.0.1")
        .extracting(e -> ((LedgerException) e).reasonCode())
        .isEqualTo(LedgerException.Reason.LEDGER_UNAVAILABLE.code());
  }

  @Test
  void aDatabaseWithoutTheSchemaIsAFailureThatNamesTheOperation() {
    try (TestDatabase database = TestDatabase.h2()) {
      JdbcProofLedger ledger = JdbcProofLedger.create(database.newPool(1));
      assertThatThrownBy(() -> ledger.findOrder(OrderId.of("PO-1")))
          .isInstanceOf(LedgerException.class)
          .hasMessageStartingWith("the ledger could not read order PO-1 (SQLState 42S0")
          .extracting(e -> ((LedgerException) e).reasonCode())
          .isEqualTo(LedgerException.Reason.LEDGER_FAILURE.code());
    }
  }

  @Test
  void h2InACompatibilityModeIsStillH2() {
    org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
    h2.setURL("jdbc:h2:mem:mysql-mode;MODE=MySQL");
    assertThat(JdbcProofLedger.create(h2).migrate()).isEqualTo(Migrator.MIGRATIONS.size());
  }

  @Test
  void aDatabaseOtherThanH2OrPostgresqlIsRefused() {
    DatabaseMetaData mysql = (DatabaseMetaData) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {DatabaseMetaData.class}, (proxy, method, args) -> "MySQL");
    assertThatThrownBy(() -> Dialect.of(mysql))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the JDBC ledger runs on H2 or PostgreSQL, not on MySQL");
  }
}
