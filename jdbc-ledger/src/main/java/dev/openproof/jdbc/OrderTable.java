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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Orders and their claims. A claim is one atomic statement: an insert of a new order (its primary
 * key admits one), or a conditional update that takes a free, own or expired lease; whoever's
 * statement changed the row holds the order.
 */
final class OrderTable {
  private static final String INSERT =
      "INSERT INTO openproof_order (order_id, completed, lease_owner, lease_until, created_at) VALUES (?, FALSE, ?, ?, ?)";
  /** A new order claimed with its digest and its planned proof id: the first steps of fulfilling it in one statement. */
  private static final String INSERT_STARTED = "INSERT INTO openproof_order (order_id, completed, lease_owner, lease_until,"
      + " created_at, order_digest, planned_proof_id) VALUES (?, FALSE, ?, ?, ?, ?, ?)";
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

  /**
   * {@link #FIND} of {@code n} orders. The ids are named again for each joined table: PostgreSQL
   * does not carry a list of values across a join, and without it may join every invoice line and
   * proof there is, which costs more the more orders the ledger holds.
   */
  private String findAll(int n) {
    String in = jdbc.oneOf(n);
    return "SELECT o.order_id, o.completed, o.route, p.proof_id,"
        + " (SELECT COUNT(*) FROM openproof_shipment s WHERE s.order_id = o.order_id) AS shipments, "
        + InvoiceTable.COLUMNS
        + " FROM openproof_order o LEFT JOIN openproof_proof p ON p.order_id = o.order_id AND p.replaces IS NULL AND p.order_id" + in
        + " LEFT JOIN openproof_invoice i ON i.order_id = o.order_id AND i.order_id" + in
        + " LEFT JOIN openproof_invoice_line l ON l.order_id = i.order_id AND l.leg = i.leg AND l.order_id" + in
        + " WHERE o.order_id" + in + " ORDER BY o.order_id, i.leg, l.line_no";
  }

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

  /**
   * Inserts the order claimed for {@code owner}, with its digest and planned proof id, where it is
   * new; returns whether it was. An order that exists is left as it is.
   */
  boolean startNew(OrderId orderId, String digest, @Nullable ProofId candidate, String owner, Instant now, Duration lease) {
    String insert = jdbc.dialect().insertIfAbsent(INSERT_STARTED, "order_id");
    Instant until = now.plus(lease);
    return jdbc.autoCommit("claim order " + orderId, c -> {
      try (PreparedStatement statement = c.prepareStatement(insert)) {
        bindStarted(statement, new Started(orderId, digest, candidate), owner, now, until);
        return jdbc.dialect().executeInsertIfAbsent(statement) == 1;
      }
    });
  }

  /** {@link #startNew} of many orders in one transaction and one batch; returns, for each, whether it was new. */
  boolean[] startAllNew(List<Started> started, String owner, Instant now, Duration lease) {
    Instant until = now.plus(lease);
    List<Started> sorted = started.stream().sorted(Comparator.comparing(o -> o.orderId().value())).toList();
    boolean[] inserted = jdbc.transaction("claim " + started.size() + " orders", c ->
        jdbc.insertAllIfAbsent(c, INSERT_STARTED, sorted, (statement, base, order) -> bindStarted(statement, base, order, owner,
            now, until), new Jdbc.Key<>("order_id", order -> order.orderId().value())));
    Map<OrderId, Boolean> byId = new HashMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      byId.put(sorted.get(i).orderId(), inserted[i]);
    }
    boolean[] result = new boolean[started.size()];
    for (int i = 0; i < started.size(); i++) {
      result[i] = Boolean.TRUE.equals(byId.get(started.get(i).orderId()));
    }
    return result;
  }

  /** An order to start: its id, digest and the proof id to plan for it, if any. */
  record Started(OrderId orderId, String digest, @Nullable ProofId candidate) {}

  /** The record of an order just inserted: nothing recorded for it yet, as {@link #find} would read it. */
  static OrderRecord fresh(OrderId orderId) {
    return new OrderRecord(orderId, false, null, List.of(), null, null);
  }

  private static void bindStarted(PreparedStatement statement, Started order, String owner, Instant now, Instant until)
      throws SQLException {
    bindStarted(statement, 1, order, owner, now, until);
  }

  private static void bindStarted(PreparedStatement statement, int base, Started order, String owner, Instant now,
      Instant until) throws SQLException {
    statement.setString(base, order.orderId().value());
    statement.setString(base + 1, owner);
    Columns.setInstant(statement, base + 2, until);
    Columns.setInstant(statement, base + 3, now);
    statement.setString(base + 4, order.digest());
    statement.setString(base + 5, order.candidate() == null ? null : order.candidate().value());
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
        if (statement.executeUpdate() == 1) {
          return value; // set now: no other value can be in effect
        }
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

  /** {@link #claim} of many orders in one transaction: one batch of inserts, one of takes, one read. */
  List<OrderClaim> claimAll(List<OrderId> orderIds, String owner, Instant now, Duration lease) {
    if (orderIds.isEmpty()) {
      return List.of();
    }
    Instant until = now.plus(lease);
    List<OrderId> sorted = orderIds.stream().sorted(Comparator.comparing(OrderId::value)).toList();
    Map<OrderId, OrderClaim> claims = jdbc.transaction("claim " + orderIds.size() + " orders", c -> {
      Map<OrderId, OrderClaim> found = new HashMap<>();
      boolean[] inserted = jdbc.insertAllIfAbsent(c, INSERT, sorted, (statement, base, orderId) -> {
        statement.setString(base, orderId.value());
        statement.setString(base + 1, owner);
        Columns.setInstant(statement, base + 2, until);
        Columns.setInstant(statement, base + 3, now);
      }, new Jdbc.Key<>("order_id", OrderId::value));
      List<OrderId> existing = new ArrayList<>();
      for (int i = 0; i < sorted.size(); i++) {
        if (inserted[i]) {
          found.put(sorted.get(i), OrderClaim.ACQUIRED);
        } else {
          existing.add(sorted.get(i));
        }
      }
      int[] taken = Jdbc.executeAll(c, TAKE, existing, (statement, orderId) -> {
        statement.setString(1, owner);
        Columns.setInstant(statement, 2, until);
        statement.setString(3, orderId.value());
        statement.setString(4, owner);
        Columns.setInstant(statement, 5, now);
      });
      List<OrderId> refused = new ArrayList<>();
      for (int i = 0; i < existing.size(); i++) {
        if (taken[i] == 1) {
          found.put(existing.get(i), OrderClaim.ACQUIRED);
        } else {
          refused.add(existing.get(i));
        }
      }
      if (!refused.isEmpty()) {
        try (PreparedStatement statement = c.prepareStatement(
            "SELECT order_id, completed FROM openproof_order WHERE order_id" + jdbc.oneOf(refused.size()))) {
          jdbc.bindOneOf(statement, 1, values(refused));
          try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
              found.put(OrderId.of(row.getString(1)), row.getBoolean(2) ? OrderClaim.COMPLETED : OrderClaim.HELD_BY_ANOTHER);
            }
          }
        }
      }
      return found;
    });
    return orderIds.stream().map(id -> claims.getOrDefault(id, OrderClaim.HELD_BY_ANOTHER)).toList();
  }

  /** Sets the digests of many orders where they have none; returns the ones in effect. */
  Map<OrderId, String> recordDigests(Map<OrderId, String> digests) {
    return setOnceAll("the digests", "order_digest", digests);
  }

  /** Reserves the proof ids of many orders where they have none; returns the ones in effect. */
  Map<OrderId, ProofId> reserveProofIds(Map<OrderId, ProofId> candidates) {
    Map<OrderId, String> values = new LinkedHashMap<>();
    candidates.forEach((id, candidate) -> values.put(id, candidate.value()));
    Map<OrderId, ProofId> reserved = new LinkedHashMap<>();
    setOnceAll("the proof ids", "planned_proof_id", values).forEach((id, value) -> reserved.put(id, ProofId.of(value)));
    return reserved;
  }

  private Map<OrderId, String> setOnceAll(String what, String column, Map<OrderId, String> values) {
    if (values.isEmpty()) {
      return Map.of();
    }
    List<Map.Entry<OrderId, String>> sorted = values.entrySet().stream()
        .sorted(Comparator.comparing(e -> e.getKey().value())).toList();
    Map<OrderId, String> inEffect = jdbc.transaction("record " + what + " of " + values.size() + " orders", c -> {
      int[] set = Jdbc.executeAll(c, "UPDATE openproof_order SET " + column + " = ? WHERE order_id = ? AND " + column + " IS NULL",
          sorted, (statement, entry) -> {
            statement.setString(1, entry.getValue());
            statement.setString(2, entry.getKey().value());
          });
      Map<OrderId, String> found = new HashMap<>();
      List<OrderId> unset = new ArrayList<>();
      for (int i = 0; i < sorted.size(); i++) {
        if (set[i] == 1) {
          found.put(sorted.get(i).getKey(), sorted.get(i).getValue());
        } else {
          unset.add(sorted.get(i).getKey());
        }
      }
      if (!unset.isEmpty()) {
        try (PreparedStatement statement = c.prepareStatement(
            "SELECT order_id, " + column + " FROM openproof_order WHERE order_id" + jdbc.oneOf(unset.size()))) {
          jdbc.bindOneOf(statement, 1, values(unset));
          try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
              if (row.getString(2) != null) {
                found.put(OrderId.of(row.getString(1)), row.getString(2));
              }
            }
          }
        }
      }
      return found;
    });
    Map<OrderId, String> result = new LinkedHashMap<>();
    for (OrderId orderId : values.keySet()) {
      String value = inEffect.get(orderId);
      if (value == null) {
        throw new IllegalStateException("order " + orderId + " was never claimed");
      }
      result.put(orderId, value);
    }
    return result;
  }

  /** The records of many orders, read on a connection in use, in one query; unknown orders are left out. */
  Map<OrderId, OrderRecord> findAll(Connection c, Collection<OrderId> orderIds) throws SQLException {
    Map<OrderId, OrderRecord> records = new LinkedHashMap<>();
    if (orderIds.isEmpty()) {
      return records;
    }
    List<OrderId> ids = List.copyOf(orderIds);
    Map<String, Head> heads = new HashMap<>();
    Map<String, InvoiceTable.Lines> lines = new HashMap<>();
    try (PreparedStatement statement = c.prepareStatement(findAll(ids.size()))) {
      int next = 1;
      for (int copy = 0; copy < 4; copy++) {
        next = jdbc.bindOneOf(statement, next, values(ids));
      }
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          String id = row.getString("order_id");
          if (!heads.containsKey(id)) {
            heads.put(id, new Head(row.getBoolean("completed"), row.getString("route"), row.getString("proof_id"),
                row.getLong("shipments") > 0));
          }
          lines.computeIfAbsent(id, k -> new InvoiceTable.Lines()).add(row);
        }
      }
    }
    for (OrderId orderId : ids) {
      Head head = heads.get(orderId.value());
      InvoiceTable.Lines invoices = lines.get(orderId.value());
      if (head == null || invoices == null) {
        continue;
      }
      String route = head.route();
      String proofId = head.proofId();
      records.put(orderId, new OrderRecord(orderId, head.completed(), route == null ? null : Route.valueOf(route),
          invoices.invoices(orderId), head.shipped() ? shipments.find(c, orderId).orElse(null) : null,
          proofId == null ? null : ProofId.of(proofId)));
    }
    return records;
  }

  private static List<String> values(List<OrderId> ids) {
    return ids.stream().map(OrderId::value).toList();
  }

  /** The columns of an order's row that {@link #findAll} reads once per order. */
  private record Head(boolean completed, @Nullable String route, @Nullable String proofId, boolean shipped) {}

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
    jdbc.autoCommit("complete order " + orderId, c -> complete(c, orderId, route));
  }

  /** Completes an order on a connection in use. */
  static int complete(Connection c, OrderId orderId, Route route) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(COMPLETE)) {
      statement.setString(1, route.name());
      statement.setString(2, orderId.value());
      int updated = statement.executeUpdate();
      if (updated == 0) {
        throw new IllegalStateException("order " + orderId + " was never claimed");
      }
      return updated;
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
