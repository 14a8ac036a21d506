package dev.openproof.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;

/**
 * What differs between the databases the ledger runs on. Everything else is the same SQL; both
 * support {@code FOR UPDATE SKIP LOCKED} and {@code CREATE TABLE IF NOT EXISTS}.
 */
enum Dialect {
  /** H2 2.x: no {@code ON CONFLICT}, so a duplicate insert fails and is caught; DDL commits at once. */
  H2 {
    @Override
    String insertIfAbsent(String insert, String conflictColumns) {
      return insert;
    }

    @Override
    int executeInsertIfAbsent(PreparedStatement insert) throws SQLException {
      try {
        return insert.executeUpdate();
      } catch (SQLException e) {
        if (Jdbc.isUniqueViolation(e)) {
          return 0; // on H2 the failed statement leaves the transaction as it was
        }
        throw e;
      }
    }

    @Override
    void lockForMigration(Connection connection) {
      // H2 is embedded: the migrator serializes its callers in the JVM, and every statement of the
      // schema may run twice.
    }
  },

  /** PostgreSQL 10 and later. */
  POSTGRESQL {
    @Override
    String insertIfAbsent(String insert, String conflictColumns) {
      // Any unique key, as on H2: with a conflict target, two racing inserts can still clash on another
      // unique key of the same table (a status list's uri) and fail instead of doing nothing.
      return insert + " ON CONFLICT DO NOTHING";
    }

    @Override
    void lockForMigration(Connection connection) throws SQLException {
      try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        lock.setLong(1, MIGRATION_LOCK);
        lock.execute();
      }
    }
  };

  /** The advisory lock key of schema migrations: "OPENPROF" in ASCII. */
  private static final long MIGRATION_LOCK = 0x4f50454e50524f46L;

  /**
   * An insert that does nothing where a row with the same key exists. Where the database cannot say
   * so in SQL, the insert fails with a unique violation, which {@link #executeInsertIfAbsent} counts
   * as no row.
   */
  abstract String insertIfAbsent(String insert, String conflictColumns);

  /** Executes an insert made by {@link #insertIfAbsent}: the rows inserted, {@code 0} where the key exists. */
  int executeInsertIfAbsent(PreparedStatement insert) throws SQLException {
    return insert.executeUpdate();
  }

  /** Takes a lock, held until the transaction ends, that serializes schema migrations. */
  abstract void lockForMigration(Connection connection) throws SQLException;

  /** The suffix of a query that locks the rows it returns and skips rows locked by others. */
  String forUpdateSkipLocked() {
    return " FOR UPDATE SKIP LOCKED";
  }

  /** The dialect of a database, from its product name. */
  static Dialect of(DatabaseMetaData metaData) throws SQLException {
    String product = metaData.getDatabaseProductName();
    String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (name.equals("h2")) {
      return H2;
    }
    if (name.contains("postgresql")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException("the JDBC ledger runs on H2 or PostgreSQL, not on " + product);
  }
}
