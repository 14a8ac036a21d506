package dev.openproof.jdbc;

import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.Program;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.Recipient;
import dev.openproof.core.model.Revocation;
import dev.openproof.core.model.SignedProof;
import dev.openproof.core.model.StatusReference;
import dev.openproof.core.exchange.DeliveryKind;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.ProofIssue;
import dev.openproof.core.exchange.ProofRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Issued proofs, their entitlements and revocations. The unique order id keeps one proof per order;
 * the proof and its first delivery are inserted in one transaction (the outbox). A proof row never
 * changes once written, so what was read of one is kept in a small cache.
 */
final class ProofTable {
  static final String INSERT = "INSERT INTO openproof_proof (proof_id, order_id, license_number,"
      + " authorization_number, program, ordered_at, customer_id, customer_name, customer_country, reseller_id,"
      + " reseller_name, reseller_country, distributor_id, distributor_name, distributor_country, issued_at,"
      + " expires_at, status_index, status_uri, token, algorithm, key_id, recipient_name, recipient_email,"
      + " recipient_language, recorded_at, replaces, proof_key)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static final String INSERT_ENTITLEMENT = "INSERT INTO openproof_proof_entitlement (proof_id, position,"
      + " sku, product, quantity, license_type, starts, ends) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT = "SELECT * FROM openproof_proof WHERE proof_id = ?";
  private static final String SELECT_ENTITLEMENTS =
      "SELECT * FROM openproof_proof_entitlement WHERE proof_id = ? ORDER BY position";
  private static final String PROOF_OF_KEY = "SELECT proof_id FROM openproof_proof WHERE proof_key = ?";
  private static final String EXISTS = "SELECT 1 FROM openproof_proof WHERE proof_id = ?";
  private static final String INSERT_REVOCATION =
      "INSERT INTO openproof_revocation (proof_id, reason, revoked_at) VALUES (?, ?, ?)";
  private static final String SELECT_REVOCATION = "SELECT reason, revoked_at FROM openproof_revocation WHERE proof_id = ?";

  /** A proof as issued: the parts that never change. */
  record Issued(LicenseProof proof, SignedProof signedProof, Recipient recipient) {}

  private final Jdbc jdbc;
  private final Cache<ProofId, Issued> issued = new Cache<>(4096);

  ProofTable(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  ProofRecord record(LicenseProof proof, SignedProof signedProof, DeliveryRequest firstDelivery, Instant now) {
    return insert(proof, signedProof, firstDelivery, now, "order:" + proof.orderId().value());
  }

  /** Records a proof that replaces another; keeps the first replacement of a proof. */
  ProofRecord recordReplacement(LicenseProof proof, SignedProof signedProof, DeliveryRequest firstDelivery, Instant now) {
    ProofId replaced = proof.replacesProof().orElseThrow(() ->
        new IllegalArgumentException("proof " + proof.proofId() + " names no proof it replaces"));
    boolean known = jdbc.autoCommit("find proof " + replaced, c -> {
      try (PreparedStatement statement = c.prepareStatement(EXISTS)) {
        statement.setString(1, replaced.value());
        try (ResultSet row = statement.executeQuery()) {
          return row.next();
        }
      }
    });
    if (!known) {
      throw new IllegalStateException("unknown proof " + replaced);
    }
    return insert(proof, signedProof, firstDelivery, now, replacementKey(replaced));
  }

  static String replacementKey(ProofId replaced) {
    return "replaces:" + replaced.value();
  }

  /** The proof recorded under a key: an order's first proof, or a proof's replacement. */
  static Optional<ProofId> proofOfKey(Connection c, String key) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(PROOF_OF_KEY)) {
      statement.setString(1, key);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? Optional.of(ProofId.of(row.getString(1))) : Optional.empty();
      }
    }
  }

  private ProofRecord insert(LicenseProof proof, SignedProof signedProof, DeliveryRequest firstDelivery, Instant now,
      String key) {
    if (firstDelivery.kind() != DeliveryKind.ORIGINAL || !firstDelivery.proof().proofId().equals(proof.proofId())) {
      throw new IllegalArgumentException("the first delivery must be the original delivery of this proof");
    }
    Recorded recorded = jdbc.transaction("record proof " + proof.proofId() + " of order " + proof.orderId(), c ->
        insert(c, proof, signedProof, firstDelivery, now, key, null, null));
    if (recorded.inserted()) {
      rememberInserted(proof, signedProof, firstDelivery);
    }
    return recorded.record();
  }

  /**
   * Inserts a proof under its key, with its entitlements and its first delivery, pending and, where
   * an owner is given, claimed by it until {@code leaseUntil}; on a connection in a transaction. A
   * proof recorded before under the key stands, and is returned instead.
   */
  Recorded insert(Connection c, LicenseProof proof, SignedProof signedProof, DeliveryRequest firstDelivery, Instant now,
      String key, @Nullable String owner, @Nullable Instant leaseUntil) throws SQLException {
    ProofRecord record = new ProofRecord(proof, signedProof, firstDelivery.recipient(), null);
    OrderId orderId = proof.orderId();
    int inserted;
    try (PreparedStatement statement = c.prepareStatement(jdbc.dialect().insertIfAbsent(INSERT, "proof_key"))) {
      bindProof(statement, record, now);
      statement.setString(27, proof.replaces() == null ? null : proof.replaces().value());
      statement.setString(28, key);
      inserted = jdbc.insertOfOrder(statement, orderId);
    }
    if (inserted == 0) {
      ProofId kept = proofOfKey(c, key).orElseThrow(() ->
          new IllegalStateException("proof id " + proof.proofId() + " is recorded for another order"));
      return new Recorded(find(c, kept).orElseThrow(), false);
    }
    try (PreparedStatement statement = c.prepareStatement(INSERT_ENTITLEMENT)) {
      int position = 0;
      for (Entitlement entitlement : proof.entitlements()) {
        statement.setString(1, proof.proofId().value());
        statement.setInt(2, position++);
        Columns.setEntitlement(statement, 3, entitlement);
        statement.addBatch();
      }
      statement.executeBatch();
    }
    DeliveryTable.insertPending(c, firstDelivery, now, owner, leaseUntil);
    return new Recorded(new ProofRecord(Columns.stored(proof), signedProof, Columns.stored(record.recipient()), null), true);
  }

  /** Keeps a proof inserted by {@link #insert} in the cache, once committed, so that the first delivery's reads need not ask. */
  void rememberInserted(LicenseProof proof, SignedProof signedProof, DeliveryRequest firstDelivery) {
    issued.put(proof.proofId(), new Issued(Columns.stored(proof), signedProof, Columns.stored(firstDelivery.recipient())));
  }

  /**
   * Inserts the proofs of a batch of orders with their entitlements and first deliveries, pending;
   * an order that has a proof keeps it; the deliveries claimed by {@code owner} where one is given.
   * Returns, for each, whether its proof was inserted.
   */
  boolean[] insertAll(Connection c, List<ProofIssue> issues, @Nullable String owner, @Nullable Instant leaseUntil)
      throws SQLException {
    boolean[] inserted;
    try {
      inserted = jdbc.insertAllIfAbsent(c, INSERT, issues, (statement, base, issue) -> {
        bindProof(statement, base, new ProofRecord(issue.proof(), issue.signedProof(), issue.delivery().recipient(), null),
            issue.now());
        statement.setString(base + 26, null);
        statement.setString(base + 27, "order:" + issue.orderId().value());
      }, new Jdbc.Key<>("proof_id", issue -> issue.proof().proofId().value()));
    } catch (SQLException e) {
      if (Jdbc.isMissingParent(e)) {
        throw new IllegalStateException("an order of the batch was never claimed", e);
      }
      throw e;
    }
    List<Object[]> entitlements = new ArrayList<>();
    List<ProofIssue> firsts = new ArrayList<>();
    boolean[] done = new boolean[issues.size()];
    for (int i = 0; i < issues.size(); i++) {
      done[i] = inserted[i];
      if (done[i]) {
        ProofIssue issue = issues.get(i);
        int position = 0;
        for (Entitlement entitlement : issue.proof().entitlements()) {
          entitlements.add(new Object[] {issue.proof().proofId(), position++, entitlement});
        }
        firsts.add(issue);
      }
    }
    jdbc.insertAll(c, INSERT_ENTITLEMENT, entitlements, (statement, base, row) -> {
      statement.setString(base, ((ProofId) row[0]).value());
      statement.setInt(base + 1, (Integer) row[1]);
      Columns.setEntitlement(statement, base + 2, (Entitlement) row[2]);
    });
    DeliveryTable.insertPendingAll(jdbc, c, firsts, owner, leaseUntil);
    return done;
  }

  /** The record of a proof this ledger inserted, as a read returns it; kept in the cache once committed. */
  ProofRecord remember(ProofIssue issue) {
    Issued stored = new Issued(Columns.stored(issue.proof()), issue.signedProof(), Columns.stored(issue.delivery().recipient()));
    issued.put(issue.proof().proofId(), stored);
    return new ProofRecord(stored.proof(), stored.signedProof(), stored.recipient(), null);
  }

  /** What {@link #insert} did: the proof recorded under the key, and whether it was this one. */
  record Recorded(ProofRecord record, boolean inserted) {}

  private static void bindProof(PreparedStatement statement, ProofRecord record, Instant now) throws SQLException {
    bindProof(statement, 1, record, now);
  }

  /** Binds a proof to the first twenty-six parameters of {@link #INSERT}, from {@code base} on. */
  static void bindProof(PreparedStatement statement, int base, ProofRecord record, Instant now) throws SQLException {
    LicenseProof proof = record.proof();
    SignedProof signed = record.signedProof();
    StatusReference status = proof.status();
    statement.setString(base, proof.proofId().value());
    statement.setString(base + 1, proof.orderId().value());
    statement.setString(base + 2, proof.licenseNumber().value());
    statement.setString(base + 3, proof.authorizationNumber().value());
    statement.setString(base + 4, proof.program().name());
    Columns.setInstant(statement, base + 5, proof.orderedAt());
    Columns.setParty(statement, base + 6, proof.customer());
    Columns.setParty(statement, base + 9, proof.reseller());
    Columns.setParty(statement, base + 12, proof.distributor());
    Columns.setInstant(statement, base + 15, proof.issuedAt());
    Columns.setInstant(statement, base + 16, proof.expiresAt());
    Columns.setNullableLong(statement, base + 17, status == null ? null : status.index());
    statement.setString(base + 18, status == null ? null : status.uri());
    statement.setString(base + 19, signed.token());
    statement.setString(base + 20, signed.algorithm());
    statement.setString(base + 21, signed.keyId());
    Columns.setRecipient(statement, base + 22, record.recipient());
    Columns.setInstant(statement, base + 25, now);
  }

  Optional<ProofRecord> find(ProofId proofId) {
    return jdbc.autoCommit("read proof " + proofId, c -> find(c, proofId));
  }

  Optional<ProofRecord> find(Connection c, ProofId proofId) throws SQLException {
    Optional<Issued> found = issued(c, proofId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Issued proof = found.get();
    return Optional.of(new ProofRecord(proof.proof(), proof.signedProof(), proof.recipient(),
        revocation(c, proofId).orElse(null)));
  }

  /** The proof as issued, from the cache or the database. */
  Optional<Issued> issued(Connection c, ProofId proofId) throws SQLException {
    Issued cached = issued.get(proofId);
    if (cached != null) {
      return Optional.of(cached);
    }
    Issued read = read(c, proofId);
    if (read != null) {
      issued.put(proofId, read);
    }
    return Optional.ofNullable(read);
  }

  private static @Nullable Issued read(Connection c, ProofId proofId) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(SELECT)) {
      statement.setString(1, proofId.value());
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          return null;
        }
        long statusIndex = row.getLong("status_index");
        StatusReference status = row.wasNull() ? null : new StatusReference(statusIndex, row.getString("status_uri"));
        LicenseProof proof = new LicenseProof(proofId,
            new LicenseNumber(row.getString("license_number")),
            AuthorizationNumber.of(row.getString("authorization_number")),
            Program.valueOf(row.getString("program")),
            OrderId.of(row.getString("order_id")),
            Columns.requiredInstant(row, "ordered_at"),
            Columns.party(row, "customer"),
            Columns.party(row, "reseller"),
            Columns.party(row, "distributor"),
            entitlements(c, proofId),
            Columns.requiredInstant(row, "issued_at"),
            Columns.instant(row, "expires_at"),
            status,
            row.getString("replaces") == null ? null : ProofId.of(row.getString("replaces")));
        SignedProof signed = new SignedProof(proofId, row.getString("token"), row.getString("algorithm"), row.getString("key_id"));
        return new Issued(proof, signed, Columns.recipient(row));
      }
    }
  }

  private static List<Entitlement> entitlements(Connection c, ProofId proofId) throws SQLException {
    List<Entitlement> entitlements = new ArrayList<>();
    try (PreparedStatement statement = c.prepareStatement(SELECT_ENTITLEMENTS)) {
      statement.setString(1, proofId.value());
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          entitlements.add(Columns.entitlement(row));
        }
      }
    }
    return entitlements;
  }

  Revocation recordRevocation(Revocation revocation) {
    ProofId proofId = revocation.proofId();
    String insert = jdbc.dialect().insertIfAbsent(INSERT_REVOCATION, "proof_id");
    return jdbc.transaction("record the revocation of proof " + proofId, c -> {
      try (PreparedStatement statement = c.prepareStatement(insert)) {
        statement.setString(1, proofId.value());
        statement.setString(2, revocation.reason());
        Columns.setInstant(statement, 3, revocation.revokedAt());
        if (jdbc.dialect().executeInsertIfAbsent(statement) == 1) {
          return revocation;
        }
      } catch (SQLException e) {
        if (Jdbc.isMissingParent(e)) {
          throw new IllegalStateException("unknown proof " + proofId, e);
        }
        throw e;
      }
      return revocation(c, proofId).orElseThrow();
    });
  }

  private static Optional<Revocation> revocation(Connection c, ProofId proofId) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(SELECT_REVOCATION)) {
      statement.setString(1, proofId.value());
      try (ResultSet row = statement.executeQuery()) {
        return row.next()
            ? Optional.of(new Revocation(proofId, row.getString("reason"), Columns.requiredInstant(row, "revoked_at")))
            : Optional.empty();
      }
    }
  }
}
