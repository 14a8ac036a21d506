package dev.openproof.jdbc;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Connections to an embedded H2 database in a file, straight from the driver (opening a session of
 * an open embedded database is cheap). One connection is held open while this source lives, so that
 * the database stays open between operations; closing the source lets it close.
 *
 * <p>{@code WRITE_DELAY=0} writes every commit to the file before the commit returns, so that a
 * killed process loses nothing it was told was recorded (H2 otherwise writes up to half a second
 * later).
 */
final class H2FileDataSource implements DataSource, AutoCloseable {
  /** The database's file name in its directory; H2 adds {@code .mv.db}. */
  static final String FILE_NAME = "openproof-ledger";

  private final String url;
  private final Connection keepOpen;
  private @Nullable PrintWriter logWriter;

  private H2FileDataSource(String url) throws SQLException {
    this.url = url;
    this.keepOpen = DriverManager.getConnection(url, "sa", "");
  }

  static H2FileDataSource open(Path directory) throws SQLException {
    try {
      Class.forName("org.h2.Driver");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("an H2 file ledger needs H2 on the class path (com.h2database:h2)", e);
    }
    String base = directory.toAbsolutePath().resolve(FILE_NAME).toString();
    if (base.contains(";")) {
      throw new IllegalArgumentException("an H2 database path must not contain ';': " + base);
    }
    return new H2FileDataSource("jdbc:h2:file:" + base + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000");
  }

  @Override
  public Connection getConnection() throws SQLException {
    return DriverManager.getConnection(url, "sa", "");
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return DriverManager.getConnection(url, username, password);
  }

  @Override
  public void close() throws SQLException {
    keepOpen.close();
  }

  @Override
  public @Nullable PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(@Nullable PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    DriverManager.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() {
    return DriverManager.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no parent logger");
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
