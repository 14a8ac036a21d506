package dev.openproof.jdbc;

import dev.openproof.core.model.OrderId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Borrows connections from the host's data source for one short unit of work each, in a transaction
 * or in auto-commit, and turns {@link SQLException}s into {@link LedgerException}s. No transaction is
 * ever held open across a call to another port.
 */
final class Jdbc {
  private static final int ATTEMPTS = 3;

  /** Work done on a borrowed connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Binds one row of a batch to a statement. */
  @FunctionalInterface
  interface Binder<T> {
    void bind(PreparedStatement statement, T row) throws SQLException;
  }

  /** Binds one row to a statement's parameters from {@code base} on, so that one statement may insert several rows. */
  @FunctionalInterface
  interface Rows<T> {
    void bind(PreparedStatement statement, int base, T row) throws SQLException;
  }

  /** The columns an insert returns to name a row, and how a row to insert names itself in their values. */
  record Key<T>(String columns, java.util.function.Function<T, String> of) {}

  /** The most parameters PostgreSQL takes in one statement. */
  static final int MAX_PARAMETERS = 32767;
  /** The most rows in one multi-row insert. */
  private static final int MAX_ROWS = 500;

  private final DataSource dataSource;
  private volatile @Nullable Dialect dialect;

  Jdbc(DataSource dataSource, @Nullable Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /** The database's dialect, detected from its metadata on first use unless it was given. */
  Dialect dialect() {
    Dialect known = dialect;
    if (known == null) {
      known = autoCommit("detect the database", c -> Dialect.of(c.getMetaData()));
      dialect = known;
    }
    return known;
  }

  /**
   * Runs {@code work} in one transaction, committed when it returns and rolled back when it throws.
   * A deadlock, serialization failure or lock timeout is retried, the whole unit again.
   */
  <T> T transaction(String what, Work<T> work) {
    return run(what, true, work);
  }

  /** Runs {@code work} with each statement committed by itself. */
  <T> T autoCommit(String what, Work<T> work) {
    return run(what, false, work);
  }

  private <T> T run(String what, boolean transaction, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      Connection connection = borrow(what);
      try {
        return transaction ? inTransaction(connection, work) : work.run(connection);
      } catch (SQLException e) {
        if (attempt < ATTEMPTS && retryable(e)) {
          continue;
        }
        throw failure(what, e);
      } finally {
        giveBack(connection);
      }
    }
  }

  private static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
    connection.setAutoCommit(false);
    boolean committed = false;
    try {
      T result = work.run(connection);
      connection.commit();
      committed = true;
      return result;
    } finally {
      if (!committed) {
        rollbackQuietly(connection);
      }
      connection.setAutoCommit(true);
    }
  }

  private Connection borrow(String what) {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw new LedgerException(LedgerException.Reason.LEDGER_UNAVAILABLE,
          "the ledger could not " + what + ": no database connection (" + describe(e) + ")", e);
    }
  }

  private static void giveBack(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // The pool discards a connection it cannot take back; the work is done either way.
    }
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // The connection is broken; the database rolls the transaction back when it notices.
    }
  }

  /**
   * Inserts rows, each where no row with its key exists, and returns for each whether it was
   * inserted: on PostgreSQL in multi-row inserts ({@code VALUES (…), (…)}, one execution for many
   * rows) that return the keys they inserted; on H2 row by row. Of two rows with the same key, only
   * the first counts as inserted.
   */
  <T> boolean[] insertAllIfAbsent(Connection c, String insert, List<T> rows, Rows<T> binder, Key<T> key) throws SQLException {
    boolean[] inserted = new boolean[rows.size()];
    if (rows.isEmpty()) {
      return inserted;
    }
    if (dialect() != Dialect.POSTGRESQL) {
      try (PreparedStatement statement = c.prepareStatement(insert)) {
        for (int i = 0; i < rows.size(); i++) {
          binder.bind(statement, 1, rows.get(i));
          inserted[i] = Dialect.H2.executeInsertIfAbsent(statement) == 1;
        }
      }
      return inserted;
    }
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (List<T> chunk : chunks(insert, rows)) {
      try (PreparedStatement statement = c.prepareStatement(multiRow(insert, chunk.size())
          + " ON CONFLICT DO NOTHING RETURNING " + key.columns())) {
        bindRows(statement, insert, chunk, binder);
        try (java.sql.ResultSet row = statement.executeQuery()) {
          int columns = row.getMetaData().getColumnCount();
          while (row.next()) {
            StringBuilder value = new StringBuilder(row.getString(1));
            for (int k = 2; k <= columns; k++) {
              value.append('\u0000').append(row.getString(k));
            }
            keys.add(value.toString());
          }
        }
      }
    }
    for (int i = 0; i < rows.size(); i++) {
      inserted[i] = keys.remove(key.of().apply(rows.get(i)));
    }
    return inserted;
  }

  /** Inserts rows that have no key in common with any row: on PostgreSQL in multi-row inserts, on H2 in one batch. */
  <T> void insertAll(Connection c, String insert, List<T> rows, Rows<T> binder) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    if (dialect() != Dialect.POSTGRESQL) {
      executeAll(c, insert, rows, (statement, row) -> binder.bind(statement, 1, row));
      return;
    }
    for (List<T> chunk : chunks(insert, rows)) {
      try (PreparedStatement statement = c.prepareStatement(multiRow(insert, chunk.size()))) {
        bindRows(statement, insert, chunk, binder);
        int count = statement.executeUpdate();
        if (count != chunk.size()) {
          throw new SQLException("a multi-row insert of " + chunk.size() + " rows inserted " + count, "XX000");
        }
      }
    }
  }

  /** The key of a row as {@link #insertAllIfAbsent} compares it: its columns' values joined. */
  static String key(String... values) {
    return String.join("\u0000", values);
  }

  private static <T> void bindRows(PreparedStatement statement, String insert, List<T> rows, Rows<T> binder) throws SQLException {
    int parameters = parameters(insert);
    int base = 1;
    for (T row : rows) {
      binder.bind(statement, base, row);
      base += parameters;
    }
  }

  private static <T> List<List<T>> chunks(String insert, List<T> rows) {
    int size = Math.max(1, Math.min(MAX_ROWS, MAX_PARAMETERS / parameters(insert)));
    List<List<T>> chunks = new java.util.ArrayList<>();
    for (int from = 0; from < rows.size(); from += size) {
      chunks.add(rows.subList(from, Math.min(rows.size(), from + size)));
    }
    return chunks;
  }

  /** An insert of one row ({@code INSERT INTO t (…) VALUES (…)}) made an insert of {@code n} rows. */
  private static String multiRow(String insert, int n) {
    int at = insert.lastIndexOf(" VALUES ");
    String values = insert.substring(at + " VALUES ".length());
    return insert.substring(0, at) + " VALUES " + String.join(", ", java.util.Collections.nCopies(n, values));
  }

  private static int parameters(String insert) {
    return (int) insert.chars().filter(ch -> ch == '?').count();
  }

  /**
   * Executes an insert of {@link Dialect#insertIfAbsent} of a row that belongs to an order: the rows
   * inserted, {@code 0} where the key exists; a missing order is reported as never claimed.
   */
  int insertOfOrder(PreparedStatement insert, OrderId orderId) throws SQLException {
    try {
      return dialect().executeInsertIfAbsent(insert);
    } catch (SQLException e) {
      if (isMissingParent(e)) {
        throw new IllegalStateException("order " + orderId + " was never claimed", e);
      }
      throw e;
    }
  }

  /** Runs one statement for each row, in one batch; returns the rows each changed. */
  static <T> int[] executeAll(Connection c, String sql, List<T> rows, Binder<T> binder) throws SQLException {
    if (rows.isEmpty()) {
      return new int[0];
    }
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      return executeBatch(statement, rows, binder);
    }
  }

  private static <T> int[] executeBatch(PreparedStatement statement, List<T> rows, Binder<T> binder) throws SQLException {
    if (rows.isEmpty()) {
      return new int[0];
    }
    for (T row : rows) {
      binder.bind(statement, row);
      statement.addBatch();
    }
    int[] counts = statement.executeBatch();
    for (int count : counts) {
      if (count < 0) {
        throw new SQLException("the database did not say how many rows a batched statement changed", "XX000");
      }
    }
    return counts;
  }

  /**
   * A condition that a column is one of {@code n} values, {@code n} at least 1, to follow the
   * column's name: on PostgreSQL {@code = ANY (?)} with one array parameter, elsewhere {@code IN (?,
   * ?, …)}. PostgreSQL plans a statement it has prepared once for all later values: planned for an
   * {@code IN} list while a table was small, that plan scans the whole table ever after; for an
   * array of unknown length it looks the keys up in the index.
   */
  String oneOf(int n) {
    return dialect() == Dialect.POSTGRESQL ? " = ANY (?)" : " IN (" + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
  }

  /** Binds the values of a {@link #oneOf} condition from parameter {@code index} on; returns the next parameter's index. */
  int bindOneOf(PreparedStatement statement, int index, List<String> values) throws SQLException {
    if (dialect() == Dialect.POSTGRESQL) {
      statement.setArray(index, statement.getConnection().createArrayOf("varchar", values.toArray()));
      return index + 1;
    }
    for (int i = 0; i < values.size(); i++) {
      statement.setString(index + i, values.get(i));
    }
    return index + values.size();
  }

  static boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState());
  }

  /** A foreign key names a row that does not exist: PostgreSQL says 23503, H2 23506. */
  static boolean isMissingParent(SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      if ("23503".equals(next.getSQLState()) || "23506".equals(next.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** A deadlock, a serialization failure, or H2's lock timeout: the unit of work may simply run again. */
  private static boolean retryable(SQLException e) {
    String state = e.getSQLState();
    return "40001".equals(state) || "40P01".equals(state) || "HYT00".equals(state);
  }

  static LedgerException failure(String what, SQLException e) {
    String state = e.getSQLState();
    boolean unavailable = e instanceof SQLTransientConnectionException
        || e instanceof SQLNonTransientConnectionException
        || (state != null && (state.startsWith("08") || state.startsWith("57P")));
    return new LedgerException(unavailable ? LedgerException.Reason.LEDGER_UNAVAILABLE : LedgerException.Reason.LEDGER_FAILURE,
        "the ledger could not " + what + " (" + describe(e) + ")", e);
  }

  private static String describe(SQLException e) {
    return "SQLState " + e.getSQLState() + ", vendor code " + e.getErrorCode();
  }
}
