package dev.openproof.jdbc;

import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.Route;
import dev.openproof.core.exchange.OrderClaim;
import dev.openproof.core.exchange.OrderRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Orders and their claims. A claim is one atomic statement: an insert of a new order (its primary
 * key admits one), or a conditional update that takes a free, own or expired lease; whoever's
 * statement changed the row holds the order.
 */
final class OrderTable {
  private static final String INSERT =
      "INSERT INTO openproof_order (order_id, completed, lease_owner, lease_until, created_at) VALUES (?, FALSE, ?, ?, ?)";
  private static final String TAKE =
      "UPDATE openproof_order SET lease_owner = ?, lease_until = ? WHERE order_id = ? AND completed = FALSE"
          + " AND (lease_owner IS NULL OR lease_owner = ? OR lease_until IS NULL OR lease_until <= ?)";
  private static final String STATE = "SELECT completed, lease_owner, lease_until FROM openproof_order WHERE order_id = ?";
  private static final String SET_DIGEST =
      "UPDATE openproof_order SET order_digest = ? WHERE order_id = ? AND order_digest IS NULL";
  private static final String DIGEST = "SELECT order_digest FROM openproof_order WHERE order_id = ?";
  private static final String SET_PROOF_ID =
      "UPDATE openproof_order SET planned_proof_id = ? WHERE order_id = ? AND planned_proof_id IS NULL";
  private static final String PROOF_ID = "SELECT planned_proof_id FROM openproof_order WHERE order_id = ?";
  private static final String RELEASE_ALL_ORDERS =
      "UPDATE openproof_order SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL";
  private static final String RELEASE_ALL_DELIVERIES =
      "UPDATE openproof_delivery SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL";
  private static final String RELEASE =
      "UPDATE openproof_order SET lease_owner = NULL, lease_until = NULL WHERE order_id = ? AND lease_owner = ?";
  private static final String COMPLETE = "UPDATE openproof_order SET completed = TRUE, route = ?,"
      + " lease_owner = NULL, lease_until = NULL WHERE order_id = ?";
  /** An order with its proof's id and its invoices' lines, one row per line (or one row without any). */
  private static final String FIND = "SELECT o.completed, o.route, p.proof_id,"
      + " (SELECT COUNT(*) FROM openproof_shipment s WHERE s.order_id = o.order_id) AS shipments, "
      + InvoiceTable.COLUMNS
      + " FROM openproof_order o LEFT JOIN openproof_proof p ON p.order_id = o.order_id AND p.replaces IS NULL"
      + " LEFT JOIN openproof_invoice i ON i.order_id = o.order_id"
      + " LEFT JOIN openproof_invoice_line l ON l.order_id = i.order_id AND l.leg = i.leg"
      + " WHERE o.order_id = ? ORDER BY i.leg, l.line_no";

  private final Jdbc jdbc;
  private final ShipmentTable shipments;

  OrderTable(Jdbc jdbc, ShipmentTable shipments) {
    this.jdbc = jdbc;
    this.shipments = shipments;
  }

  OrderClaim claim(OrderId orderId, String owner, Instant now, Duration lease) {
    Instant until = now.plus(lease);
    String insert = jdbc.dialect().insertIfAbsent(INSERT, "order_id");
    return jdbc.autoCommit("claim order " + orderId, c -> {
      try (PreparedStatement statement = c.prepareStatement(insert)) {
        statement.setString(1, orderId.value());
        statement.setString(2, owner);
        Columns.setInstant(statement, 3, until);
        Columns.setInstant(statement, 4, now);
        if (jdbc.dialect().executeInsertIfAbsent(statement) == 1) {
          return OrderClaim.ACQUIRED;
        }
      }
      // The order exists: take its lease if it is free, ours, or expired. Should the holder release
      // it between the update and the look that follows, try again.
      for (int round = 0; round < 3; round++) {
        if (take(c, orderId, owner, now, until)) {
          return OrderClaim.ACQUIRED;
        }
        try (PreparedStatement statement = c.prepareStatement(STATE)) {
          statement.setString(1, orderId.value());
          try (ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
              throw new IllegalStateException("order " + orderId + " disappeared from the ledger");
            }
            if (row.getBoolean("completed")) {
              return OrderClaim.COMPLETED;
            }
            Instant leaseUntil = Columns.instant(row, "lease_until");
            if (row.getString("lease_owner") != null && leaseUntil != null && leaseUntil.isAfter(now)) {
              return OrderClaim.HELD_BY_ANOTHER;
            }
          }
        }
      }
      return OrderClaim.HELD_BY_ANOTHER;
    });
  }

  private static boolean take(Connection c, OrderId orderId, String owner, Instant now, Instant until) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(TAKE)) {
      statement.setString(1, owner);
      Columns.setInstant(statement, 2, until);
      statement.setString(3, orderId.value());
      statement.setString(4, owner);
      Columns.setInstant(statement, 5, now);
      return statement.executeUpdate() == 1;
    }
  }

  /** Sets the order's digest unless it has one; returns the one in effect. */
  String recordDigest(OrderId orderId, String digest) {
    return setOnce(orderId, "the digest", SET_DIGEST, DIGEST, digest);
  }

  /** Reserves the order's proof id unless it has one; returns the one in effect. */
  ProofId reserveProofId(OrderId orderId, ProofId candidate) {
    return ProofId.of(setOnce(orderId, "the proof id", SET_PROOF_ID, PROOF_ID, candidate.value()));
  }

  /** Clears every lease on orders and deliveries: for a ledger only this process can open. */
  int releaseAllLeases() {
    return jdbc.autoCommit("release the leases of a dead process", c -> {
      try (Statement statement = c.createStatement()) {
        return statement.executeUpdate(RELEASE_ALL_ORDERS) + statement.executeUpdate(RELEASE_ALL_DELIVERIES);
      }
    });
  }

  private String setOnce(OrderId orderId, String what, String set, String read, String value) {
    return jdbc.autoCommit("record " + what + " of order " + orderId, c -> {
      try (PreparedStatement statement = c.prepareStatement(set)) {
        statement.setString(1, value);
        statement.setString(2, orderId.value());
        statement.executeUpdate();
      }
      try (PreparedStatement statement = c.prepareStatement(read)) {
        statement.setString(1, orderId.value());
        try (ResultSet row = statement.executeQuery()) {
          if (!row.next() || row.getString(1) == null) {
            throw new IllegalStateException("order " + orderId + " was never claimed");
          }
          return row.getString(1);
        }
      }
    });
  }

  void release(OrderId orderId, String owner) {
    jdbc.autoCommit("release order " + orderId, c -> {
      try (PreparedStatement statement = c.prepareStatement(RELEASE)) {
        statement.setString(1, orderId.value());
        statement.setString(2, owner);
        return statement.executeUpdate();
      }
    });
  }

  void complete(OrderId orderId, Route route) {
    int updated = jdbc.autoCommit("complete order " + orderId, c -> {
      try (PreparedStatement statement = c.prepareStatement(COMPLETE)) {
        statement.setString(1, route.name());
        statement.setString(2, orderId.value());
        return statement.executeUpdate();
      }
    });
    if (updated == 0) {
      throw new IllegalStateException("order " + orderId + " was never claimed");
    }
  }

  Optional<OrderRecord> find(OrderId orderId) {
    return jdbc.autoCommit("read order " + orderId, c -> {
      boolean completed;
      String route;
      String proofId;
      boolean shipped;
      InvoiceTable.Lines lines = new InvoiceTable.Lines();
      try (PreparedStatement statement = c.prepareStatement(FIND)) {
        statement.setString(1, orderId.value());
        try (ResultSet row = statement.executeQuery()) {
          if (!row.next()) {
            return Optional.empty();
          }
          completed = row.getBoolean("completed");
          route = row.getString("route");
          proofId = row.getString("proof_id");
          shipped = row.getLong("shipments") > 0;
          do {
            lines.add(row);
          } while (row.next());
        }
      }
      return Optional.of(new OrderRecord(orderId, completed, route == null ? null : Route.valueOf(route),
          lines.invoices(orderId), shipped ? shipments.find(c, orderId).orElse(null) : null,
          proofId == null ? null : ProofId.of(proofId)));
    });
  }
}
