package dev.openproof.jdbc;

import dev.openproof.core.model.DeliveryId;
import dev.openproof.core.model.DeliveryReceipt;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.Route;
import dev.openproof.core.model.Recipient;
import dev.openproof.core.exchange.DeliveryFailure;
import dev.openproof.core.exchange.DeliveryKind;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.exchange.FailureKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outbox of deliveries. A delivery is claimed by a conditional update that only a pending, due,
 * unleased (or expired) row passes; a batch of them is first picked with {@code FOR UPDATE SKIP
 * LOCKED}, so that instances claiming at once take different rows instead of waiting on each other.
 */
final class DeliveryTable {
  /** The longest failure message kept; the rest is cut. */
  static final int MAX_MESSAGE = 4000;
  /** The most deliveries {@link #recordDeliveredAll} records in one statement on PostgreSQL. */
  private static final int MAX_IN_ONE_STATEMENT = 1000;

  private static final String COLUMNS = "delivery_id, proof_id, kind, resend_of, recipient_name, recipient_email,"
      + " recipient_language, status, attempts, next_attempt_at, receipt_proof_id, receipt_recipient,"
      + " receipt_message_id, receipt_delivered_at, failure_kind, failure_code, failure_message, failure_at";
  static final String INSERT = "INSERT INTO openproof_delivery (delivery_id, proof_id, kind, resend_of,"
      + " recipient_name, recipient_email, recipient_language, status, attempts, next_attempt_at, created_at)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)";
  static final String INSERT_CLAIMED = "INSERT INTO openproof_delivery (delivery_id, proof_id, kind, resend_of,"
      + " recipient_name, recipient_email, recipient_language, status, attempts, next_attempt_at, created_at, lease_owner,"
      + " lease_until) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)";
  private static final String CLAIMABLE = "status = 'PENDING' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
      + " AND (lease_until IS NULL OR lease_until <= ?)";
  private static final String CLAIM =
      "UPDATE openproof_delivery SET lease_owner = ?, lease_until = ? WHERE delivery_id = ? AND " + CLAIMABLE;
  private static final String PICK = "SELECT " + COLUMNS + " FROM openproof_delivery WHERE " + CLAIMABLE
      + " ORDER BY seq FETCH FIRST ? ROWS ONLY";
  private static final String DELIVERED = "UPDATE openproof_delivery SET status = 'DELIVERED', attempts = attempts + 1,"
      + " next_attempt_at = NULL, receipt_proof_id = ?, receipt_recipient = ?, receipt_message_id = ?,"
      + " receipt_delivered_at = ?, lease_owner = NULL, lease_until = NULL WHERE delivery_id = ? AND status <> 'DELIVERED'";
  private static final String FAILED = "UPDATE openproof_delivery SET status = ?, attempts = attempts + 1,"
      + " next_attempt_at = ?, failure_kind = ?, failure_code = ?, failure_message = ?, failure_at = ?,"
      + " lease_owner = NULL, lease_until = NULL WHERE delivery_id = ? AND status = 'PENDING'";
  private static final String RELEASE =
      "UPDATE openproof_delivery SET lease_owner = NULL, lease_until = NULL WHERE delivery_id = ?";
  /**
   * On PostgreSQL, {@link #DELIVERED} and the order's completion in one statement: the order is
   * completed only where the delivery exists, the delivery updated only where the order does, and the
   * one row returned says how many orders were completed, with the delivery's new row where it changed.
   */
  private static final String DELIVERED_AND_COMPLETE = "WITH o AS (UPDATE openproof_order SET completed = TRUE, route = ?,"
      + " lease_owner = NULL, lease_until = NULL WHERE order_id = ?"
      + " AND EXISTS (SELECT 1 FROM openproof_delivery WHERE delivery_id = ?) RETURNING 1),"
      + " d AS (" + DELIVERED + " AND EXISTS (SELECT 1 FROM openproof_order WHERE order_id = ?) RETURNING " + COLUMNS + ")"
      + " SELECT (SELECT COUNT(*) FROM o) AS completed_orders, d.* FROM (SELECT 1 AS one) x LEFT JOIN d ON TRUE";
  private static final String BY_ID = "SELECT " + COLUMNS + " FROM openproof_delivery WHERE delivery_id = ?";
  private static final String BY_PROOF = "SELECT " + COLUMNS + " FROM openproof_delivery WHERE proof_id = ? ORDER BY seq";

  private final Jdbc jdbc;
  private final ProofTable proofs;

  DeliveryTable(Jdbc jdbc, ProofTable proofs) {
    this.jdbc = jdbc;
    this.proofs = proofs;
  }

  /** Inserts a new pending delivery, due at {@code now}; claimed by {@code owner} until {@code leaseUntil} where an owner is given. */
  static void insertPending(Connection c, DeliveryRequest request, Instant now, @Nullable String owner,
      @Nullable Instant leaseUntil) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(owner == null ? INSERT : INSERT_CLAIMED)) {
      bindInsert(statement, request, now);
      if (owner != null) {
        statement.setString(10, owner);
        Columns.setInstant(statement, 11, leaseUntil);
      }
      statement.executeUpdate();
    }
  }

  /** Inserts the first deliveries of a batch's proofs, pending, each due when its proof was recorded; claimed where an owner is given. */
  static void insertPendingAll(Jdbc jdbc, Connection c, List<dev.openproof.core.exchange.ProofIssue> issues,
      @Nullable String owner, @Nullable Instant leaseUntil) throws SQLException {
    jdbc.insertAll(c, owner == null ? INSERT : INSERT_CLAIMED, issues, (statement, base, issue) -> {
      bindInsert(statement, base, issue.delivery(), issue.now());
      if (owner != null) {
        statement.setString(base + 9, owner);
        Columns.setInstant(statement, base + 10, leaseUntil);
      }
    });
  }

  /** Claims deliveries in one batch; returns, for each, whether the caller now holds it. */
  List<Boolean> claimAll(List<DeliveryId> deliveryIds, String owner, Instant now, Duration lease) {
    if (deliveryIds.isEmpty()) {
      return List.of();
    }
    int[] claimed = jdbc.transaction("claim " + deliveryIds.size() + " deliveries", c ->
        Jdbc.executeAll(c, CLAIM, deliveryIds, (statement, id) -> bindClaim(statement, id, owner, now, lease)));
    List<Boolean> result = new ArrayList<>(claimed.length);
    for (int count : claimed) {
      result.add(count == 1);
    }
    return result;
  }

  /** Records deliveries as delivered in one batch and one transaction; returns their records. */
  List<DeliveryRecord> recordDeliveredAll(List<DeliveryReceipt> receipts) {
    if (receipts.isEmpty()) {
      return List.of();
    }
    List<String> ids = receipts.stream().map(r -> r.deliveryId().value()).toList();
    boolean oneStatement = jdbc.dialect() == Dialect.POSTGRESQL && receipts.size() <= MAX_IN_ONE_STATEMENT
        && new java.util.HashSet<>(ids).size() == ids.size();
    return jdbc.transaction("record " + receipts.size() + " deliveries", c -> {
      String sql;
      if (oneStatement) {
        sql = deliveredAll(receipts.size());
      } else {
        Jdbc.executeAll(c, DELIVERED, receipts, (statement, receipt) -> bindDelivered(statement, 1, receipt));
        sql = "SELECT " + COLUMNS + " FROM openproof_delivery WHERE delivery_id" + jdbc.oneOf(receipts.size());
      }
      java.util.Map<DeliveryId, Row> rows = new java.util.HashMap<>();
      try (PreparedStatement statement = c.prepareStatement(sql)) {
        int next = 1;
        if (oneStatement) {
          for (DeliveryReceipt receipt : receipts) {
            bindDelivered(statement, next, receipt);
            next += 5;
          }
        }
        jdbc.bindOneOf(statement, next, ids);
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            Row read = Row.of(row);
            rows.put(read.deliveryId(), read);
          }
        }
      }
      List<DeliveryRecord> records = new ArrayList<>(receipts.size());
      for (DeliveryReceipt receipt : receipts) {
        Row row = rows.get(receipt.deliveryId());
        if (row == null) {
          throw new IllegalStateException("unknown delivery " + receipt.deliveryId());
        }
        records.add(toRecord(c, row));
      }
      return records;
    });
  }

  /**
   * On PostgreSQL, {@link #DELIVERED} of {@code n} distinct deliveries in one statement, which returns
   * the rows it changed and the others as they are.
   */
  private static String deliveredAll(int n) {
    String values = String.join(", ", java.util.Collections.nCopies(n, "(?, ?, ?, ?, ?)"));
    return "WITH u AS (UPDATE openproof_delivery d SET status = 'DELIVERED', attempts = d.attempts + 1,"
        + " next_attempt_at = NULL, receipt_proof_id = v.proof_id, receipt_recipient = v.recipient,"
        + " receipt_message_id = v.message_id, receipt_delivered_at = v.delivered_at, lease_owner = NULL, lease_until = NULL"
        + " FROM (VALUES " + values + ") v (proof_id, recipient, message_id, delivered_at, delivery_id)"
        + " WHERE d.delivery_id = v.delivery_id AND d.status <> 'DELIVERED' RETURNING d." + COLUMNS.replace(", ", ", d.") + ")"
        + " SELECT " + COLUMNS + " FROM u UNION ALL SELECT " + COLUMNS + " FROM openproof_delivery"
        + " WHERE delivery_id = ANY (?) AND delivery_id NOT IN (SELECT delivery_id FROM u)";
  }

  /** The first delivery of a proof, read on a connection in use. */
  Optional<DeliveryRecord> first(Connection c, ProofId proofId) throws SQLException {
    Row first = null;
    try (PreparedStatement statement = c.prepareStatement(BY_PROOF)) {
      statement.setString(1, proofId.value());
      try (ResultSet row = statement.executeQuery()) {
        if (row.next()) {
          first = Row.of(row);
        }
      }
    }
    return first == null ? Optional.empty() : Optional.of(toRecord(c, first));
  }

  private static void bindInsert(PreparedStatement statement, DeliveryRequest request, Instant now) throws SQLException {
    bindInsert(statement, 1, request, now);
  }

  /** Binds a new delivery to the first nine parameters of {@link #INSERT}, from {@code base} on. */
  static void bindInsert(PreparedStatement statement, int base, DeliveryRequest request, Instant now) throws SQLException {
    statement.setString(base, request.deliveryId().value());
    statement.setString(base + 1, request.proof().proofId().value());
    statement.setString(base + 2, request.kind().name());
    statement.setString(base + 3, request.resendOf() == null ? null : request.resendOf().value());
    Columns.setRecipient(statement, base + 4, request.recipient());
    Columns.setInstant(statement, base + 7, now);
    Columns.setInstant(statement, base + 8, now);
  }

  DeliveryRecord add(DeliveryRequest request, Instant now) {
    String insert = jdbc.dialect().insertIfAbsent(INSERT, "delivery_id");
    return jdbc.transaction("add delivery " + request.deliveryId(), c -> {
      try (PreparedStatement statement = c.prepareStatement(insert)) {
        bindInsert(statement, request, now);
        if (jdbc.dialect().executeInsertIfAbsent(statement) == 1) {
          return DeliveryRecord.pending(request, Columns.stored(now));
        }
      } catch (SQLException e) {
        if (Jdbc.isMissingParent(e)) {
          throw new IllegalStateException("unknown proof " + request.proof().proofId(), e);
        }
        throw e;
      }
      return find(c, request.deliveryId()).orElseThrow();
    });
  }

  boolean claim(DeliveryId deliveryId, String owner, Instant now, Duration lease) {
    return jdbc.autoCommit("claim delivery " + deliveryId, c -> {
      try (PreparedStatement statement = c.prepareStatement(CLAIM)) {
        bindClaim(statement, deliveryId, owner, now, lease);
        return statement.executeUpdate() == 1;
      }
    });
  }

  private static void bindClaim(PreparedStatement statement, DeliveryId deliveryId, String owner, Instant now, Duration lease)
      throws SQLException {
    statement.setString(1, owner);
    Columns.setInstant(statement, 2, now.plus(lease));
    statement.setString(3, deliveryId.value());
    Columns.setInstant(statement, 4, now);
    Columns.setInstant(statement, 5, now);
  }

  List<DeliveryRequest> claimPending(String owner, Instant now, Duration lease, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1: " + max);
    }
    String pick = PICK + jdbc.dialect().forUpdateSkipLocked();
    return jdbc.transaction("claim pending deliveries", c -> {
      List<Row> picked = new ArrayList<>();
      try (PreparedStatement statement = c.prepareStatement(pick)) {
        Columns.setInstant(statement, 1, now);
        Columns.setInstant(statement, 2, now);
        statement.setInt(3, max);
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            picked.add(Row.of(row));
          }
        }
      }
      if (picked.isEmpty()) {
        return List.of();
      }
      int[] updated;
      try (PreparedStatement statement = c.prepareStatement(CLAIM)) {
        for (Row row : picked) {
          bindClaim(statement, row.deliveryId(), owner, now, lease);
          statement.addBatch();
        }
        updated = statement.executeBatch();
      }
      List<DeliveryRequest> claimed = new ArrayList<>();
      for (int i = 0; i < picked.size(); i++) {
        if (updated[i] == 1) {
          claimed.add(toRecord(c, picked.get(i)).request());
        }
      }
      return claimed;
    });
  }

  DeliveryRecord recordDelivered(DeliveryReceipt receipt) {
    return jdbc.autoCommit("record delivery " + receipt.deliveryId(), c -> recordDelivered(c, receipt));
  }

  /**
   * Records a delivery as delivered, and its order completed by the digital route, atomically: on
   * PostgreSQL in one statement, committed by itself (one round trip), each update done only where
   * the other's row exists; on H2 in one transaction. The delivery's row is returned by the update
   * itself rather than read again.
   */
  DeliveryRecord recordDeliveredAndComplete(DeliveryReceipt receipt, OrderId orderId) {
    String what = "record delivery " + receipt.deliveryId() + " and complete order " + orderId;
    if (jdbc.dialect() == Dialect.POSTGRESQL) {
      return jdbc.autoCommit(what, c -> {
        try (PreparedStatement statement = c.prepareStatement(DELIVERED_AND_COMPLETE)) {
          statement.setString(1, Route.DIGITAL.name());
          statement.setString(2, orderId.value());
          statement.setString(3, receipt.deliveryId().value());
          bindDelivered(statement, 4, receipt);
          statement.setString(9, orderId.value());
          try (ResultSet row = statement.executeQuery()) {
            row.next();
            if (row.getInt("completed_orders") == 0) {
              throw unknown(c, receipt.deliveryId(), orderId);
            }
            if (row.getString("delivery_id") != null) {
              return toRecord(c, Row.of(row));
            }
          }
        }
        return find(c, receipt.deliveryId()).orElseThrow();
      });
    }
    return jdbc.transaction(what, c -> {
      DeliveryRecord record = recordDelivered(c, receipt);
      OrderTable.complete(c, orderId, Route.DIGITAL);
      return record;
    });
  }

  /** Why {@link #DELIVERED_AND_COMPLETE} changed nothing: the order or the delivery is unknown. */
  private IllegalStateException unknown(Connection c, DeliveryId deliveryId, OrderId orderId) throws SQLException {
    return find(c, deliveryId).isEmpty() ? new IllegalStateException("unknown delivery " + deliveryId)
        : new IllegalStateException("order " + orderId + " was never claimed");
  }

  private static void bindDelivered(PreparedStatement statement, int index, DeliveryReceipt receipt) throws SQLException {
    statement.setString(index, receipt.proofId().value());
    statement.setString(index + 1, receipt.recipient());
    statement.setString(index + 2, receipt.messageId());
    Columns.setInstant(statement, index + 3, receipt.deliveredAt());
    statement.setString(index + 4, receipt.deliveryId().value());
  }

  private DeliveryRecord recordDelivered(Connection c, DeliveryReceipt receipt) throws SQLException {
    DeliveryId deliveryId = receipt.deliveryId();
    if (jdbc.dialect() == Dialect.H2) {
      // The update returns the row it changed: no second look.
      try (PreparedStatement statement = c.prepareStatement("SELECT " + COLUMNS + " FROM FINAL TABLE (" + DELIVERED + ")")) {
        bindDelivered(statement, 1, receipt);
        try (ResultSet row = statement.executeQuery()) {
          if (row.next()) {
            return toRecord(c, Row.of(row));
          }
        }
      }
    } else {
      try (PreparedStatement statement = c.prepareStatement(DELIVERED)) {
        bindDelivered(statement, 1, receipt);
        statement.executeUpdate();
      }
    }
    return find(c, deliveryId).orElseThrow(() -> new IllegalStateException("unknown delivery " + deliveryId));
  }

  DeliveryRecord recordFailure(DeliveryId deliveryId, DeliveryFailure failure, @Nullable Instant retryAt) {
    return jdbc.autoCommit("record a failed attempt of delivery " + deliveryId, c -> {
      int updated;
      try (PreparedStatement statement = c.prepareStatement(FAILED)) {
        statement.setString(1, (retryAt == null ? DeliveryStatus.FAILED : DeliveryStatus.PENDING).name());
        Columns.setInstant(statement, 2, retryAt);
        statement.setString(3, failure.kind().name());
        statement.setInt(4, failure.replyCode());
        String message = failure.message();
        statement.setString(5, message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message);
        Columns.setInstant(statement, 6, failure.failedAt());
        statement.setString(7, deliveryId.value());
        updated = statement.executeUpdate();
      }
      if (updated == 0) {
        try (PreparedStatement statement = c.prepareStatement(RELEASE)) {
          statement.setString(1, deliveryId.value());
          statement.executeUpdate();
        }
      }
      return find(c, deliveryId).orElseThrow(() -> new IllegalStateException("unknown delivery " + deliveryId));
    });
  }

  Optional<DeliveryRecord> find(DeliveryId deliveryId) {
    return jdbc.autoCommit("read delivery " + deliveryId, c -> find(c, deliveryId));
  }

  List<DeliveryRecord> ofProof(ProofId proofId) {
    return jdbc.autoCommit("read the deliveries of proof " + proofId, c -> {
      List<Row> rows = new ArrayList<>();
      try (PreparedStatement statement = c.prepareStatement(BY_PROOF)) {
        statement.setString(1, proofId.value());
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            rows.add(Row.of(row));
          }
        }
      }
      List<DeliveryRecord> records = new ArrayList<>();
      for (Row row : rows) {
        records.add(toRecord(c, row));
      }
      return records;
    });
  }

  private Optional<DeliveryRecord> find(Connection c, DeliveryId deliveryId) throws SQLException {
    Row found;
    try (PreparedStatement statement = c.prepareStatement(BY_ID)) {
      statement.setString(1, deliveryId.value());
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        found = Row.of(row);
      }
    }
    return Optional.of(toRecord(c, found));
  }

  private DeliveryRecord toRecord(Connection c, Row row) throws SQLException {
    ProofTable.Issued issued = proofs.issued(c, row.proofId())
        .orElseThrow(() -> new IllegalStateException("delivery " + row.deliveryId() + " names no recorded proof"));
    DeliveryRequest request = new DeliveryRequest(row.deliveryId(), row.kind(), row.resendOf(), row.recipient(),
        issued.proof(), issued.signedProof());
    return new DeliveryRecord(request, row.status(), row.attempts(), row.nextAttemptAt(), row.receipt(), row.failure());
  }

  /** A delivery's row, read before its proof is. */
  private record Row(
      DeliveryId deliveryId,
      ProofId proofId,
      DeliveryKind kind,
      @Nullable DeliveryId resendOf,
      Recipient recipient,
      DeliveryStatus status,
      int attempts,
      @Nullable Instant nextAttemptAt,
      @Nullable DeliveryReceipt receipt,
      @Nullable DeliveryFailure failure) {

    static Row of(ResultSet row) throws SQLException {
      DeliveryId deliveryId = DeliveryId.of(row.getString("delivery_id"));
      String resendOf = row.getString("resend_of");
      String messageId = row.getString("receipt_message_id");
      DeliveryReceipt receipt = messageId == null ? null : new DeliveryReceipt(deliveryId,
          ProofId.of(row.getString("receipt_proof_id")), row.getString("receipt_recipient"), messageId,
          Columns.requiredInstant(row, "receipt_delivered_at"));
      String failureKind = row.getString("failure_kind");
      DeliveryFailure failure = failureKind == null ? null : new DeliveryFailure(FailureKind.valueOf(failureKind),
          row.getInt("failure_code"), row.getString("failure_message"), Columns.requiredInstant(row, "failure_at"));
      return new Row(deliveryId, ProofId.of(row.getString("proof_id")), DeliveryKind.valueOf(row.getString("kind")),
          resendOf == null ? null : DeliveryId.of(resendOf), Columns.recipient(row),
          DeliveryStatus.valueOf(row.getString("status")), row.getInt("attempts"), Columns.instant(row, "next_attempt_at"),
          receipt, failure);
    }
  }
}
