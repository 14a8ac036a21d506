package dev.openproof.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies the schema's versioned SQL resources that a database lacks, and records each version in
 * {@code openproof_schema_version}. Callers on several instances at once are serialized: by an
 * advisory lock on PostgreSQL (whose DDL is transactional, so a version is applied whole or not at
 * all), by a lock in the JVM on H2; every statement of every version may run again besides.
 */
final class Migrator {
  /** One versioned resource, named as Flyway expects. */
  record Migration(int version, String description) {
    String resource() {
      return "V" + version + "__" + description + ".sql";
    }
  }

  /**
   * Every version of the schema, oldest first. A version number may be missing (a version that a
   * branch of the project never had): each is applied where it is not recorded, whatever the others.
   */
  static final List<Migration> MIGRATIONS = List.of(
      new Migration(1, "openproof_ledger"), new Migration(2, "openproof_status_list"),
      new Migration(3, "openproof_order_digest"), new Migration(4, "openproof_after_sale"),
      new Migration(5, "openproof_delivery_seq"));

  /** The table of applied versions, created where missing. */
  static final String VERSION_TABLE = "CREATE TABLE IF NOT EXISTS openproof_schema_version ("
      + " version INTEGER NOT NULL, description VARCHAR(200) NOT NULL,"
      + " applied_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,"
      + " CONSTRAINT openproof_schema_version_pk PRIMARY KEY (version))";
  private static final String INSERT_VERSION =
      "INSERT INTO openproof_schema_version (version, description, applied_at) VALUES (?, ?, CURRENT_TIMESTAMP)";
  private static final Object H2_LOCK = new Object();

  private final Jdbc jdbc;

  Migrator(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Applies what is missing; returns how many versions were applied now. */
  int migrate() {
    Dialect dialect = jdbc.dialect();
    if (dialect == Dialect.H2) {
      synchronized (H2_LOCK) {
        return jdbc.transaction("migrate the ledger's schema", c -> apply(c, dialect));
      }
    }
    return jdbc.transaction("migrate the ledger's schema", c -> apply(c, dialect));
  }

  private static int apply(Connection c, Dialect dialect) throws SQLException {
    dialect.lockForMigration(c);
    try (Statement statement = c.createStatement()) {
      statement.execute(VERSION_TABLE);
    }
    Set<Integer> applied = applied(c);
    int count = 0;
    String insert = dialect.insertIfAbsent(INSERT_VERSION, "version");
    for (Migration migration : MIGRATIONS) {
      if (applied.contains(migration.version())) {
        continue;
      }
      try (Statement statement = c.createStatement()) {
        for (String sql : statements(migration.resource())) {
          statement.execute(sql);
        }
      }
      try (PreparedStatement statement = c.prepareStatement(insert)) {
        statement.setInt(1, migration.version());
        statement.setString(2, migration.description());
        count += dialect.executeInsertIfAbsent(statement);
      }
    }
    return count;
  }

  private static Set<Integer> applied(Connection c) throws SQLException {
    Set<Integer> versions = new HashSet<>();
    try (Statement statement = c.createStatement();
        ResultSet row = statement.executeQuery("SELECT version FROM openproof_schema_version")) {
      while (row.next()) {
        versions.add(row.getInt(1));
      }
    }
    return versions;
  }

  /** The statements of a resource: comment lines dropped, split at semicolons that end a line. */
  static List<String> statements(String resource) {
    String text;
    try (InputStream in = Migrator.class.getResourceAsStream("migration/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("schema resource " + resource + " is missing from the class path");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("schema resource " + resource + " cannot be read", e);
    }
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append('\n');
      if (trimmed.endsWith(";")) {
        statements.add(current.toString().strip());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }
}
