package dev.openproof.jdbc;

import dev.openproof.core.exchange.DeliveryKind;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.FulfilledOrder;
import dev.openproof.core.exchange.IssuedProof;
import dev.openproof.core.exchange.OrderRecord;
import dev.openproof.core.exchange.ProofIssue;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.Route;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A batch of digital orders recorded in one transaction: the invoices in one batch and their lines
 * in another, the proofs, their entitlements and first deliveries in a batch each, the completions
 * in one, and the orders read back in one query; on PostgreSQL each batch is one statement of many
 * rows. Rows are written in the order of the order ids, so that batches that overlap lock them in
 * the same order. One order alone is recorded on PostgreSQL in one statement ({@link PostgresIssue}).
 */
final class BatchRecorder {
  private final Jdbc jdbc;
  private final OrderTable orders;
  private final InvoiceTable invoices;
  private final ProofTable proofs;
  private final DeliveryTable deliveries;

  BatchRecorder(Jdbc jdbc, OrderTable orders, InvoiceTable invoices, ProofTable proofs, DeliveryTable deliveries) {
    this.jdbc = jdbc;
    this.orders = orders;
    this.invoices = invoices;
    this.proofs = proofs;
    this.deliveries = deliveries;
  }

  List<FulfilledOrder> record(List<ProofIssue> issues) {
    return record(issues, null, null);
  }

  /** {@link #record(List)}, with the first deliveries it inserts claimed by {@code owner}; says for each whether it is claimed. */
  List<IssuedProof> recordClaimed(List<ProofIssue> issues, @Nullable String owner, Duration lease) {
    List<FulfilledOrder> recorded = record(issues, owner, issues.isEmpty() ? null : issues.get(0).now().plus(lease));
    List<IssuedProof> result = new ArrayList<>(issues.size());
    for (int k = 0; k < issues.size(); k++) {
      FulfilledOrder order = recorded.get(k);
      ProofRecord proof = Objects.requireNonNull(order.proof());
      result.add(new IssuedProof(issues.get(k).invoices().stream().map(i -> order.order().invoice(i.leg()).orElseThrow()).toList(),
          proof, Objects.requireNonNull(order.delivery()),
          owner != null && proof.proof().proofId().equals(issues.get(k).proof().proofId())));
    }
    return result;
  }

  private List<FulfilledOrder> record(List<ProofIssue> issues, @Nullable String owner, @Nullable Instant leaseUntil) {
    if (issues.isEmpty()) {
      return List.of();
    }
    List<ProofIssue> sorted = issues.stream().sorted(Comparator.comparing(i -> i.orderId().value())).toList();
    if (sorted.stream().map(ProofIssue::orderId).distinct().count() != sorted.size()) {
      throw new IllegalArgumentException("a batch names an order more than once");
    }
    Written written = jdbc.transaction("record a batch of " + issues.size() + " orders", c -> write(c, sorted, owner, leaseUntil));
    List<FulfilledOrder> result = new ArrayList<>(issues.size());
    for (ProofIssue issue : issues) {
      OrderRecord order = written.orders().get(issue.orderId());
      if (order == null) {
        throw new IllegalStateException("order " + issue.orderId() + " was never claimed");
      }
      if (written.inserted().contains(issue.orderId())) {
        // Committed: the cache keeps what a read would return.
        ProofRecord proof = proofs.remember(issue);
        DeliveryRequest first = new DeliveryRequest(issue.delivery().deliveryId(), DeliveryKind.ORIGINAL, null,
            proof.recipient(), proof.proof(), proof.signedProof());
        result.add(new FulfilledOrder(order, proof, DeliveryRecord.pending(first, Columns.stored(issue.now()))));
      } else {
        result.add(Optional.ofNullable(written.others().get(issue.orderId())).orElseThrow(() ->
            new IllegalStateException("order " + issue.orderId() + " has a proof the ledger cannot read")));
      }
    }
    return result;
  }

  /**
   * One order's new invoices, its proof, entitlements and first delivery (claimed by {@code owner}
   * where one is given) in one transaction; the order is not completed.
   */
  IssuedProof recordOne(ProofIssue issue, @Nullable String owner, Duration lease) {
    Instant leaseUntil = owner == null ? null : issue.now().plus(lease);
    String what = "record proof " + issue.proof().proofId() + " of order " + issue.orderId();
    IssuedProof recorded = jdbc.dialect() == Dialect.POSTGRESQL && PostgresIssue.fits(issue)
        ? jdbc.autoCommit(what, c -> recordOnePostgres(c, issue, owner, leaseUntil))
        : jdbc.transaction(what, c -> recordOneInTransaction(c, issue, owner, leaseUntil));
    if (recorded.proof().proof().proofId().equals(issue.proof().proofId())) {
      proofs.rememberInserted(issue.proof(), issue.signedProof(), issue.delivery());
    }
    return recorded;
  }

  /** {@link #recordOne} in a transaction, statement by statement. */
  private IssuedProof recordOneInTransaction(Connection c, ProofIssue issue, @Nullable String owner, @Nullable Instant leaseUntil)
      throws SQLException {
    List<Invoice> kept = issue.invoices().isEmpty() ? List.of() : invoices.keepAll(c, issue.invoices());
    ProofTable.Recorded proof = proofs.insert(c, issue.proof(), issue.signedProof(), issue.delivery(), issue.now(),
        "order:" + issue.orderId().value(), owner, leaseUntil);
    ProofRecord record = proof.record();
    if (!proof.inserted()) {
      DeliveryRecord first = deliveries.first(c, record.proof().proofId()).orElseThrow(() ->
          new IllegalStateException("proof " + record.proof().proofId() + " has no first delivery"));
      return new IssuedProof(kept, record, first, false);
    }
    DeliveryRequest first = new DeliveryRequest(issue.delivery().deliveryId(), DeliveryKind.ORIGINAL, null,
        record.recipient(), record.proof(), record.signedProof());
    return new IssuedProof(kept, record, DeliveryRecord.pending(first, Columns.stored(issue.now())), owner != null);
  }

  /** {@link #recordOne} on PostgreSQL: one statement, committed by itself; reads only what another call recorded first. */
  private IssuedProof recordOnePostgres(Connection c, ProofIssue issue, @Nullable String owner, @Nullable Instant leaseUntil)
      throws SQLException {
    ProofRecord record = new ProofRecord(issue.proof(), issue.signedProof(), issue.delivery().recipient(), null);
    String key = "order:" + issue.orderId().value();
    PostgresIssue.Inserted inserted;
    try {
      inserted = PostgresIssue.record(c, issue, record, key, owner, leaseUntil);
    } catch (SQLException e) {
      if (Jdbc.isMissingParent(e)) {
        throw new IllegalStateException("order " + issue.orderId() + " was never claimed", e);
      }
      throw e;
    }
    List<Invoice> kept = new ArrayList<>(issue.invoices().size());
    for (Invoice invoice : issue.invoices()) {
      kept.add(inserted.legs().contains(invoice.leg()) ? InvoiceTable.stored(invoice)
          : invoices.find(c, invoice.orderId(), invoice.leg()).orElseThrow(() -> new IllegalStateException(
              "invoice of order " + invoice.orderId() + ", leg " + invoice.leg() + " is not readable")));
    }
    if (!inserted.proof()) {
      ProofId keptId = ProofTable.proofOfKey(c, key).orElseThrow(() ->
          new IllegalStateException("proof id " + issue.proof().proofId() + " is recorded for another order"));
      ProofRecord first = proofs.find(c, keptId).orElseThrow();
      return new IssuedProof(kept, first, deliveries.first(c, keptId).orElseThrow(() ->
          new IllegalStateException("proof " + keptId + " has no first delivery")), false);
    }
    DeliveryRequest first = new DeliveryRequest(issue.delivery().deliveryId(), DeliveryKind.ORIGINAL, null,
        record.recipient(), record.proof(), record.signedProof());
    return new IssuedProof(kept, new ProofRecord(Columns.stored(issue.proof()), issue.signedProof(),
        Columns.stored(record.recipient()), null), DeliveryRecord.pending(first, Columns.stored(issue.now())), owner != null);
  }

  private Written write(Connection c, List<ProofIssue> sorted, @Nullable String owner, @Nullable Instant leaseUntil)
      throws SQLException {
    List<Invoice> all = sorted.stream().flatMap(i -> i.invoices().stream()).toList();
    int[] invoiced = invoices.insertAll(c, all);
    boolean[] inserted = proofs.insertAll(c, sorted, owner, leaseUntil);
    List<OrderId> ids = sorted.stream().map(ProofIssue::orderId).toList();
    int[] completed = completeAll(c, ids);
    // An order whose proof and both invoices this call inserted is known without a read; the others are read.
    Map<OrderId, OrderRecord> read = new java.util.HashMap<>();
    List<OrderId> unknown = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < sorted.size(); i++) {
      ProofIssue issue = sorted.get(i);
      boolean allInvoiced = issue.invoices().size() == InvoiceLeg.values().length;
      for (int k = 0; k < issue.invoices().size(); k++) {
        allInvoiced &= invoiced[next++] == 1;
      }
      if (inserted[i] && allInvoiced && completed[i] == 1) {
        read.put(issue.orderId(), new OrderRecord(issue.orderId(), true, Route.DIGITAL, issue.invoices().stream()
            .map(InvoiceTable::stored).sorted(Comparator.comparing(Invoice::leg)).toList(), null, issue.proof().proofId()));
      } else {
        unknown.add(issue.orderId());
      }
    }
    read.putAll(orders.findAll(c, unknown));
    List<OrderId> mine = new ArrayList<>();
    Map<OrderId, FulfilledOrder> others = new java.util.HashMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      OrderId id = sorted.get(i).orderId();
      OrderRecord order = read.get(id);
      if (inserted[i]) {
        mine.add(id);
      } else if (order != null && order.proofId() != null) {
        // Another call recorded this order's proof first: that proof stands.
        ProofId kept = order.proofId();
        Optional<ProofRecord> proof = proofs.find(c, kept);
        Optional<DeliveryRecord> first = deliveries.first(c, kept);
        if (proof.isPresent() && first.isPresent()) {
          others.put(id, new FulfilledOrder(order, proof.get(), first.get()));
        }
      }
    }
    return new Written(read, java.util.Set.copyOf(mine), others);
  }

  /**
   * Completes the orders by the digital route; returns the rows changed for each: on PostgreSQL in one
   * statement that returns the ids it changed, elsewhere in a batch.
   */
  private int[] completeAll(Connection c, List<OrderId> ids) throws SQLException {
    String complete = "UPDATE openproof_order SET completed = TRUE, route = ?, lease_owner = NULL, lease_until = NULL"
        + " WHERE order_id";
    if (jdbc.dialect() != Dialect.POSTGRESQL) {
      return Jdbc.executeAll(c, complete + " = ?", ids, (statement, id) -> {
        statement.setString(1, Route.DIGITAL.name());
        statement.setString(2, id.value());
      });
    }
    java.util.Set<String> changed = new java.util.HashSet<>();
    try (java.sql.PreparedStatement statement = c.prepareStatement(complete + jdbc.oneOf(ids.size()) + " RETURNING order_id")) {
      statement.setString(1, Route.DIGITAL.name());
      jdbc.bindOneOf(statement, 2, ids.stream().map(OrderId::value).toList());
      try (java.sql.ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          changed.add(row.getString(1));
        }
      }
    }
    int[] counts = new int[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      counts[i] = changed.contains(ids.get(i).value()) ? 1 : 0;
    }
    return counts;
  }

  /** What one batch's transaction wrote and read. */
  private record Written(Map<OrderId, OrderRecord> orders, java.util.Set<OrderId> inserted, Map<OrderId, FulfilledOrder> others) {}
}
