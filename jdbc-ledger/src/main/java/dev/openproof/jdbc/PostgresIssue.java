package dev.openproof.jdbc;

import dev.openproof.core.exchange.ProofIssue;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.InvoiceLine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One order's new invoices with their lines, its proof with its entitlements and its first delivery,
 * in one PostgreSQL statement of data-modifying {@code WITH} queries, executed in auto-commit: one
 * round trip, atomic as a transaction is. Each invoice is inserted where its order has none of its
 * leg, and its lines with it; the proof where its key is free, and its entitlements and delivery
 * only then. The statement returns which legs and whether the proof were inserted.
 */
final class PostgresIssue {
  private static final int HEADER_PARAMETERS = 13;
  private static final int LINE_PARAMETERS = 11;
  private static final int PROOF_PARAMETERS = 28;
  private static final int ENTITLEMENT_PARAMETERS = 8;
  private static final int DELIVERY_PARAMETERS = 9;

  private PostgresIssue() {}

  /** What the statement inserted: the legs of the invoices, and whether the proof. */
  record Inserted(Set<InvoiceLeg> legs, boolean proof) {}

  /** Whether the issue's statement stays within the parameters PostgreSQL takes in one statement. */
  static boolean fits(ProofIssue issue) {
    int lines = issue.invoices().stream().mapToInt(i -> i.lines().size()).sum();
    return issue.invoices().size() * HEADER_PARAMETERS + lines * LINE_PARAMETERS + PROOF_PARAMETERS
        + issue.proof().entitlements().size() * ENTITLEMENT_PARAMETERS + DELIVERY_PARAMETERS + 2 <= Jdbc.MAX_PARAMETERS;
  }

  /** The statement for an issue of this shape. */
  static String sql(int invoices, int lines, int entitlements, boolean claimed) {
    StringBuilder sql = new StringBuilder("WITH ");
    if (invoices > 0) {
      sql.append("i AS (").append(head(InvoiceTable.INSERT)).append(" VALUES ").append(rows(InvoiceTable.INSERT, invoices))
          .append(" ON CONFLICT DO NOTHING RETURNING leg), ");
      if (lines > 0) {
        sql.append("l AS (").append(head(InvoiceTable.INSERT_LINE)).append(" SELECT v.* FROM (VALUES ")
            .append(rows(InvoiceTable.INSERT_LINE, lines)).append(") v ").append(columns(InvoiceTable.INSERT_LINE))
            .append(" WHERE v.leg IN (SELECT leg FROM i)), ");
      }
    }
    sql.append("p AS (").append(head(ProofTable.INSERT)).append(" VALUES ").append(rows(ProofTable.INSERT, 1))
        .append(" ON CONFLICT DO NOTHING RETURNING proof_id), ");
    if (entitlements > 0) {
      sql.append("e AS (").append(head(ProofTable.INSERT_ENTITLEMENT)).append(" SELECT v.* FROM (VALUES ")
          .append(rows(ProofTable.INSERT_ENTITLEMENT, entitlements)).append(") v ")
          .append(columns(ProofTable.INSERT_ENTITLEMENT)).append(" WHERE EXISTS (SELECT 1 FROM p)), ");
    }
    String delivery = claimed ? DeliveryTable.INSERT_CLAIMED : DeliveryTable.INSERT;
    String values = values(delivery);
    sql.append("d AS (").append(head(delivery)).append(" SELECT ").append(values, 1, values.length() - 1)
        .append(" WHERE EXISTS (SELECT 1 FROM p))");
    sql.append(" SELECT (SELECT COUNT(*) FROM p) AS proofs, ")
        .append(invoices > 0 ? "(SELECT string_agg(leg, ' ') FROM i)" : "CAST(NULL AS VARCHAR)").append(" AS legs");
    return sql.toString();
  }

  /** Records the issue on a connection in auto-commit mode. */
  static Inserted record(Connection c, ProofIssue issue, ProofRecord record, String key, @Nullable String owner,
      @Nullable Instant leaseUntil) throws SQLException {
    int lines = issue.invoices().stream().mapToInt(i -> i.lines().size()).sum();
    int entitlements = issue.proof().entitlements().size();
    try (PreparedStatement statement = c.prepareStatement(sql(issue.invoices().size(), lines, entitlements, owner != null))) {
      int next = 1;
      for (Invoice invoice : issue.invoices()) {
        InvoiceTable.bindHeader(statement, next, invoice);
        next += HEADER_PARAMETERS;
      }
      if (!issue.invoices().isEmpty()) {
        for (Invoice invoice : issue.invoices()) {
          int lineNo = 0;
          for (InvoiceLine line : invoice.lines()) {
            InvoiceTable.bindLine(statement, next, invoice, lineNo++, line);
            next += LINE_PARAMETERS;
          }
        }
      }
      ProofTable.bindProof(statement, next, record, issue.now());
      statement.setString(next + 26, issue.proof().replaces() == null ? null : issue.proof().replaces().value());
      statement.setString(next + 27, key);
      next += PROOF_PARAMETERS;
      int position = 0;
      for (Entitlement entitlement : issue.proof().entitlements()) {
        statement.setString(next, issue.proof().proofId().value());
        statement.setInt(next + 1, position++);
        Columns.setEntitlement(statement, next + 2, entitlement);
        next += ENTITLEMENT_PARAMETERS;
      }
      DeliveryTable.bindInsert(statement, next, issue.delivery(), issue.now());
      if (owner != null) {
        statement.setString(next + DELIVERY_PARAMETERS, owner);
        Columns.setInstant(statement, next + DELIVERY_PARAMETERS + 1, leaseUntil);
      }
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        Set<InvoiceLeg> legs = EnumSet.noneOf(InvoiceLeg.class);
        String inserted = row.getString("legs");
        if (inserted != null) {
          for (String leg : inserted.split(" ")) {
            legs.add(InvoiceLeg.valueOf(leg));
          }
        }
        return new Inserted(legs, row.getLong("proofs") == 1);
      }
    }
  }

  /** {@code INSERT INTO t (a, b)} of an insert's SQL. */
  private static String head(String insert) {
    return insert.substring(0, insert.indexOf(" VALUES "));
  }

  /** The parenthesized values of an insert's SQL. */
  private static String values(String insert) {
    return insert.substring(insert.indexOf(" VALUES ") + " VALUES ".length());
  }

  /** The parenthesized column names of an insert's SQL. */
  private static String columns(String insert) {
    return head(insert).substring(head(insert).indexOf('('));
  }

  /** {@code n} rows of an insert's values, separated by commas. */
  private static String rows(String insert, int n) {
    return String.join(", ", Collections.nCopies(n, values(insert)));
  }
}
