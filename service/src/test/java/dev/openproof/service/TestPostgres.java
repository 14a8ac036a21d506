package dev.openproof.service;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * A new schema in the PostgreSQL database that {@code scripts/with-postgres.sh} hands over in
 * {@code OPENPROOF_TEST_PG_URL}, {@code _USER} and {@code _PASSWORD}. Without it, a PostgreSQL
 * test fails when {@code CI=true} and is skipped, saying why, elsewhere.
 */
final class TestPostgres {
  private static final AtomicInteger NAMES = new AtomicInteger();

  final String url;
  final String user;
  final String password;

  private TestPostgres(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** A new, empty schema; its URL selects it. */
  static TestPostgres newSchema() {
    String base = System.getenv("OPENPROOF_TEST_PG_URL");
    if (base == null || base.isBlank()) {
      unavailable("OPENPROOF_TEST_PG_URL is not set: run the PostgreSQL tests under scripts/with-postgres.sh, for"
          + " example scripts/with-postgres.sh mvn -B -Dquick -pl service -am verify");
    }
    String user = System.getenv().getOrDefault("OPENPROOF_TEST_PG_USER", "openproof");
    String password = System.getenv().getOrDefault("OPENPROOF_TEST_PG_PASSWORD", "");
    String schema = "service_" + ProcessHandle.current().pid() + "_" + NAMES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      unavailable("PostgreSQL at " + base + " is not reachable: " + e.getMessage());
    }
    return new TestPostgres(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password);
  }

  private static void unavailable(String reason) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError("CI=true, so the PostgreSQL tests must run, but " + reason);
    }
    Assumptions.abort(reason);
  }

  long count(String sql) {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }
}
