package dev.openproof.jdbc;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A small pool of connections to an embedded H2 database in a file; the only class that names H2's
 * own types, so that H2 is needed on the class path only by {@link JdbcProofLedger#h2File}. While
 * the pool holds a connection the database stays open; disposing of the pool closes it.
 *
 * <p>{@code WRITE_DELAY=0} writes every commit to the file before the commit returns, so that a
 * killed process loses nothing it was told was recorded (H2 otherwise writes up to half a second
 * later). That costs about a millisecond a commit.
 */
final class H2FileDataSource implements DataSource, AutoCloseable {
  /** The database's file name in its directory; H2 adds {@code .mv.db}. */
  static final String FILE_NAME = "openproof-ledger";

  private final JdbcConnectionPool pool;

  private H2FileDataSource(JdbcConnectionPool pool) {
    this.pool = pool;
  }

  static H2FileDataSource open(Path directory) {
    String base = directory.toAbsolutePath().resolve(FILE_NAME).toString();
    if (base.contains(";")) {
      throw new IllegalArgumentException("an H2 database path must not contain ';': " + base);
    }
    JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + base + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000", "sa", "");
    pool.setMaxConnections(16);
    return new H2FileDataSource(pool);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return pool.getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLException("the ledger's H2 database has one user");
  }

  @Override
  public void close() {
    pool.dispose();
  }

  @Override
  public PrintWriter getLogWriter() {
    return pool.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    pool.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) {
    pool.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() {
    return pool.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() {
    return pool.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
