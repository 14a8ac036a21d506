package dev.openproof.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * A data source that counts what the ledger asks of the database: round trips (each statement
 * executed, each batch executed, each commit and rollback), statements the database executes (each
 * statement, each row of a batch) and commits (each explicit commit, and
 * each write executed in auto-commit mode, a query whose SQL changes rows included).
 */
final class CountingDataSource {
  private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
      "executeLargeUpdate", "executeLargeBatch");
  private static final Set<String> WRITES = Set.of("executeUpdate", "executeBatch", "executeLargeUpdate", "executeLargeBatch");
  /** SQL that changes rows, though it may be executed as a query (a {@code WITH} of updates, {@code RETURNING}). */
  private static final java.util.regex.Pattern CHANGES =
      java.util.regex.Pattern.compile("\\b(INSERT INTO|UPDATE openproof_\\w+ SET|DELETE FROM)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

  private final AtomicLong roundTrips = new AtomicLong();
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong executions = new AtomicLong();
  private final DataSource counted;

  CountingDataSource(DataSource target) {
    this.counted = proxy(DataSource.class, target, (method, args, result) -> method.getName().equals("getConnection") && result != null
        ? proxy(Connection.class, result, this::onConnection) : result);
  }

  DataSource dataSource() {
    return counted;
  }

  long roundTrips() {
    return roundTrips.get();
  }

  long commits() {
    return commits.get();
  }

  /** Statements the database executed: one a statement, one a row of a batch. */
  long executions() {
    return executions.get();
  }

  void reset() {
    roundTrips.set(0);
    commits.set(0);
    executions.set(0);
  }

  private @org.jspecify.annotations.Nullable Object onConnection(Method method, @org.jspecify.annotations.Nullable Object[] args,
      @org.jspecify.annotations.Nullable Object result) {
    String name = method.getName();
    if (name.equals("commit") || name.equals("rollback")) {
      roundTrips.incrementAndGet();
      if (name.equals("commit")) {
        commits.incrementAndGet();
      }
    }
    if (result instanceof Statement statement) {
      Connection connection;
      try {
        connection = statement.getConnection();
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
      boolean prepared = method.getName().equals("prepareStatement");
      Class<?> type = prepared ? java.sql.PreparedStatement.class : Statement.class;
      boolean changes = prepared && args != null && args[0] instanceof String sql && CHANGES.matcher(sql).find();
      AtomicLong batched = new AtomicLong();
      return proxy(type, statement, (m, a, r) -> {
        if (m.getName().equals("addBatch")) {
          batched.incrementAndGet();
        }
        if (EXECUTES.contains(m.getName())) {
          roundTrips.incrementAndGet();
          executions.addAndGet(m.getName().contains("Batch") ? batched.getAndSet(0) : 1);
          try {
            if ((WRITES.contains(m.getName()) || changes) && connection.getAutoCommit()) {
              commits.incrementAndGet();
            }
          } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
          }
        }
        return r;
      });
    }
    return result;
  }

  /** What to do with the result of a call on the proxied object. */
  private interface After {
    @org.jspecify.annotations.Nullable Object apply(Method method, @org.jspecify.annotations.Nullable Object[] args,
        @org.jspecify.annotations.Nullable Object result);
  }

  private static <T> T proxy(Class<T> type, Object target, After after) {
    InvocationHandler handler = (p, method, args) -> {
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        // Counted too: a failed execution went to the database and back.
        if (EXECUTES.contains(method.getName())) {
          after.apply(method, args, null);
        }
        throw e.getCause();
      }
      return after.apply(method, args, result);
    };
    return type.cast(Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
