package dev.openproof.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * An empty database for one test: a new in-memory H2 database, or a new schema in the PostgreSQL
 * database that {@code scripts/with-postgres.sh} hands over in {@code OPENPROOF_TEST_PG_URL},
 * {@code _USER} and {@code _PASSWORD}. Without it, a PostgreSQL test fails when {@code CI=true} and
 * is skipped, saying why, elsewhere. Each {@link #newPool} is a separate small connection pool, as
 * a separate instance of a service would have.
 */
final class TestDatabase implements AutoCloseable {
  static final String URL = "OPENPROOF_TEST_PG_URL";
  static final String USER = "OPENPROOF_TEST_PG_USER";
  static final String PASSWORD = "OPENPROOF_TEST_PG_PASSWORD";
  private static final AtomicInteger NAMES = new AtomicInteger();

  /** The databases a test may run on. */
  enum Kind {
    H2,
    POSTGRESQL
  }

  private final Kind kind;
  private final Supplier<ConnectionPoolDataSource> connections;
  private final Runnable drop;
  private final List<JdbcConnectionPool> pools = new ArrayList<>();

  private TestDatabase(Kind kind, Supplier<ConnectionPoolDataSource> connections, Runnable drop) {
    this.kind = kind;
    this.connections = connections;
    this.drop = drop;
  }

  static TestDatabase of(Kind kind) {
    return kind == Kind.H2 ? h2() : postgres();
  }

  static TestDatabase h2() {
    String url = "jdbc:h2:mem:ledger-" + NAMES.incrementAndGet() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
    Supplier<ConnectionPoolDataSource> connections = () -> {
      JdbcDataSource source = new JdbcDataSource();
      source.setURL(url);
      source.setUser("sa");
      return source;
    };
    return new TestDatabase(Kind.H2, connections, () -> execute(url, "sa", "", "SHUTDOWN"));
  }

  static TestDatabase postgres() {
    String url = System.getenv(URL);
    if (url == null || url.isBlank()) {
      unavailable(URL + " is not set: run the PostgreSQL tests under scripts/with-postgres.sh, for example"
          + " scripts/with-postgres.sh mvn -B -Dquick -pl jdbc-ledger verify");
    }
    String user = System.getenv().getOrDefault(USER, "openproof");
    String password = System.getenv().getOrDefault(PASSWORD, "");
    String schema = "test_" + ProcessHandle.current().pid() + "_" + NAMES.incrementAndGet();
    try {
      execute(url, user, password, "CREATE SCHEMA " + schema);
    } catch (IllegalStateException e) {
      unavailable("PostgreSQL at " + url + " is not reachable: " + e.getCause().getMessage());
    }
    Supplier<ConnectionPoolDataSource> connections = () -> {
      PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
      source.setURL(url);
      source.setUser(user);
      source.setPassword(password);
      source.setCurrentSchema(schema);
      return source;
    };
    return new TestDatabase(Kind.POSTGRESQL, connections,
        () -> execute(url, user, password, "DROP SCHEMA " + schema + " CASCADE"));
  }

  private static void unavailable(String reason) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError("CI=true, so the PostgreSQL tests must run, but " + reason);
    }
    Assumptions.abort(reason);
  }

  private static void execute(String url, String user, String password, String sql) {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }

  Kind kind() {
    return kind;
  }

  /** A new connection pool of at most {@code max} connections; closed with this database. */
  synchronized DataSource newPool(int max) {
    JdbcConnectionPool pool = JdbcConnectionPool.create(connections.get());
    pool.setMaxConnections(max);
    pools.add(pool);
    return pool;
  }

  /** A ledger on a new pool of ten connections, its schema migrated. */
  JdbcProofLedger newLedger() {
    JdbcProofLedger ledger = JdbcProofLedger.create(newPool(10));
    ledger.migrate();
    return ledger;
  }

  /** Closes a pool's connections, as a crashed instance's connections close. */
  synchronized void dispose(DataSource pool) {
    ((JdbcConnectionPool) pool).dispose();
    pools.remove(pool);
  }

  @Override
  public synchronized void close() {
    pools.forEach(JdbcConnectionPool::dispose);
    pools.clear();
    drop.run();
  }
}
