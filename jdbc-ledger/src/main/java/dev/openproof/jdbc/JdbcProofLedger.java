package dev.openproof.jdbc;

import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.CreditNote;
import dev.openproof.core.model.StatusListLayout;
import dev.openproof.core.model.DeliveryId;
import dev.openproof.core.model.DeliveryReceipt;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.PhysicalShipment;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.Revocation;
import dev.openproof.core.model.Route;
import dev.openproof.core.model.SignedProof;
import dev.openproof.core.exchange.DeliveryFailure;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.FulfilledOrder;
import dev.openproof.core.exchange.ProofIssue;
import dev.openproof.core.exchange.OrderClaim;
import dev.openproof.core.exchange.OrderStart;
import dev.openproof.core.exchange.IssuedProof;
import dev.openproof.core.exchange.OrderRecord;
import dev.openproof.core.port.ProofLedger;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.exchange.ReturnRecord;
import dev.openproof.core.port.StatusLists;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A durable {@link ProofLedger} in a relational database, over plain JDBC: H2 embedded for one
 * process, PostgreSQL where several instances share the work. Nothing that a method acknowledged is
 * lost in a crash, and instances on one database never do an order's work twice:
 *
 * <ul>
 *   <li>an order, an invoice of a leg, a proof of an order, a delivery and a revocation are each
 *       inserted under a primary or unique key, so the first record wins and a repeat changes
 *       nothing, however many instances race;
 *   <li>a proof is recorded, signed, in the same transaction as its order's new invoices and its
 *       first delivery, pending (an outbox) and claimed by the caller, before anything is sent; a
 *       new order is claimed with its digest and proof id in one statement, and a delivered first
 *       delivery is recorded with its order's completion: three commits for a new order (on
 *       PostgreSQL each one statement, committed by itself: three round trips);
 *   <li>claims on orders and deliveries are leases, taken by conditional updates; pending
 *       deliveries are picked with {@code FOR UPDATE SKIP LOCKED}, so instances share them, and a
 *       crashed instance's claims are taken over once its lease expires.
 * </ul>
 *
 * <p>Create one over the host's {@link DataSource} (a connection pool) with {@link #create(DataSource)};
 * the database is told from the connection's metadata. The schema is the SQL of
 * {@value #SCHEMA_LOCATION} on the class path, which the host's Flyway or Liquibase may apply, or
 * {@link #migrate()}. For one process without a database server, {@link #h2File(Path)} keeps the
 * ledger in a file:
 *
 * <pre>{@code
 * JdbcProofLedger ledger = JdbcProofLedger.create(dataSource);
 * ledger.migrate();
 * LicenseFulfillment fulfillment = LicenseFulfillment.builder().signer(signer).ledger(ledger).build();
 * }</pre>
 *
 * <p>Each method borrows one connection for one short transaction, in the data source's default
 * isolation (read committed, as H2 and PostgreSQL have it), and gives it back before it returns.
 * Instants are kept to the microsecond. A database failure is reported as a {@link LedgerException}.
 * Thread-safe.
 *
 * @since 0.1.0
 */
public final class JdbcProofLedger implements ProofLedger, AutoCloseable {

  /** Where the schema's versioned SQL lies on the class path, named as Flyway expects ({@code V1__…sql}). */
  public static final String SCHEMA_LOCATION = "dev/openproof/jdbc/migration";

  /** The databases the ledger runs on. */
  public enum Database {
    /** H2 2.x, embedded (a file or memory) or as a server. */
    H2(Dialect.H2),
    /** PostgreSQL 10 or later. */
    POSTGRESQL(Dialect.POSTGRESQL);

    private final Dialect dialect;

    Database(Dialect dialect) {
      this.dialect = dialect;
    }
  }

  private final Jdbc jdbc;
  private final @Nullable AutoCloseable owned;
  private final OrderTable orders;
  private final InvoiceTable invoices;
  private final ShipmentTable shipments;
  private final ProofTable proofs;
  private final DeliveryTable deliveries;
  private final ProofLookup lookup;
  private final ReturnTable returns;
  private final ReminderTable reminders;
  private final BatchRecorder batches;

  private JdbcProofLedger(DataSource dataSource, @Nullable Dialect dialect, @Nullable AutoCloseable owned) {
    this.jdbc = new Jdbc(dataSource, dialect);
    this.owned = owned;
    this.invoices = new InvoiceTable(jdbc);
    this.shipments = new ShipmentTable(jdbc);
    this.orders = new OrderTable(jdbc, shipments);
    this.proofs = new ProofTable(jdbc);
    this.deliveries = new DeliveryTable(jdbc, proofs);
    this.lookup = new ProofLookup(jdbc, proofs);
    this.returns = new ReturnTable(jdbc);
    this.reminders = new ReminderTable(jdbc);
    this.batches = new BatchRecorder(jdbc, orders, invoices, proofs, deliveries);
  }

  /**
   * A ledger in the database of a data source; which database it is, is read from the metadata of
   * the first connection. The schema must be in place: see {@link #migrate()}.
   *
   * @param dataSource where connections come from, ideally a pool; the ledger never closes it
   * @return the ledger
   */
  public static JdbcProofLedger create(DataSource dataSource) {
    return new JdbcProofLedger(Objects.requireNonNull(dataSource, "dataSource"), null, null);
  }

  /**
   * A ledger in the database of a data source, which is the given kind of database.
   *
   * @param dataSource where connections come from, ideally a pool; the ledger never closes it
   * @param database the kind of database
   * @return the ledger
   */
  public static JdbcProofLedger create(DataSource dataSource, Database database) {
    Objects.requireNonNull(database, "database");
    return new JdbcProofLedger(Objects.requireNonNull(dataSource, "dataSource"), database.dialect, null);
  }

  /**
   * A ledger in an embedded H2 database in a directory (the file {@code openproof-ledger.mv.db}),
   * created with its schema where it does not exist yet, and opened again as it was where it does:
   * a second run finds everything the first recorded, a killed run's pending deliveries included.
   * H2 ({@code com.h2database:h2}) must be on the class path. One process at a time may open the
   * file; {@link #close()} the ledger to close it before the JVM ends. Since no other process can
   * hold a lease in it, the leases a killed process left on orders and deliveries are released when
   * it is opened, so a rerun takes them over at once instead of waiting them out.
   *
   * @param directory the directory, created where missing
   * @return the ledger, its schema migrated
   * @throws LedgerException if the database cannot be opened, for example because another process has it open
   * @throws IllegalStateException if H2 is not on the class path
   * @throws IllegalArgumentException if the directory's path contains a semicolon
   */
  public static JdbcProofLedger h2File(Path directory) {
    Objects.requireNonNull(directory, "directory");
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the ledger's directory " + directory, e);
    }
    try {
      Class.forName("org.h2.Driver", false, JdbcProofLedger.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("an H2 file ledger needs H2 on the class path (com.h2database:h2)", e);
    }
    H2FileDataSource dataSource = H2FileDataSource.open(directory);
    JdbcProofLedger ledger = new JdbcProofLedger(dataSource, Dialect.H2, dataSource);
    try {
      ledger.migrate();
      // H2 locks the file to this process: a lease found in it is a dead process's, taken over at once.
      ledger.orders.releaseAllLeases();
    } catch (RuntimeException e) {
      ledger.close();
      throw e;
    }
    return ledger;
  }

  /**
   * Brings the database's schema up to date: applies the versions of {@value #SCHEMA_LOCATION} it
   * lacks and records them in the table {@code openproof_schema_version}. For hosts that have no
   * migration tool of their own; safe to call at every start, from several instances at once.
   *
   * @return how many versions were applied by this call, {@code 0} where the schema was up to date
   * @throws LedgerException if the database fails
   */
  public int migrate() {
    return new Migrator(jdbc).migrate();
  }

  /**
   * Durable Token Status Lists in this ledger's database, for {@code
   * LicenseFulfillment.builder().statusLists(…)}: lists of {@link
   * dev.openproof.core.port.StatusLists#DEFAULT_CAPACITY} entries, indexes from a {@link
   * java.security.SecureRandom}.
   *
   * @param baseUri the URI the lists' URIs start with, such as {@code https://licensing.example.com/status}
   * @return the status lists
   */
  public JdbcStatusLists statusLists(String baseUri) {
    return new JdbcStatusLists(jdbc, StatusListLayout.of(baseUri), new java.security.SecureRandom());
  }

  /**
   * Closes what the ledger opened itself: the database of {@link #h2File(Path)}. A ledger over a
   * host's data source has nothing to close, and leaves the data source open.
   */
  @Override
  public void close() {
    if (owned != null) {
      try {
        owned.close();
      } catch (Exception e) {
        throw new LedgerException(LedgerException.Reason.LEDGER_FAILURE, "the ledger's database did not close cleanly", e);
      }
    }
  }

  @Override
  public OrderClaim claimOrder(OrderId orderId, String owner, Instant now, Duration lease) {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(lease, "lease");
    return orders.claim(orderId, owner, now, lease);
  }

  @Override
  public OrderStart startOrder(OrderId orderId, String digest, @Nullable ProofId candidate, String owner, Instant now,
      Duration lease) {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(lease, "lease");
    checkDigest(digest);
    // A new order is claimed with its digest and proof id in one statement; any other takes the steps one by one.
    if (orders.startNew(orderId, digest, candidate, owner, now, lease)) {
      return new OrderStart(OrderClaim.ACQUIRED, digest, candidate, OrderTable.fresh(orderId));
    }
    return ProofLedger.super.startOrder(orderId, digest, candidate, owner, now, lease);
  }

  @Override
  public Map<OrderId, OrderStart> startOrders(Map<OrderId, String> digests, Map<OrderId, ProofId> candidates, String owner,
      Instant now, Duration lease) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(lease, "lease");
    digests.values().forEach(JdbcProofLedger::checkDigest);
    List<OrderTable.Started> all = new java.util.ArrayList<>();
    digests.forEach((id, digest) -> all.add(new OrderTable.Started(id, digest, candidates.get(id))));
    boolean[] inserted = all.isEmpty() ? new boolean[0] : orders.startAllNew(all, owner, now, lease);
    Map<OrderId, String> others = new java.util.LinkedHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      if (!inserted[i]) {
        others.put(all.get(i).orderId(), all.get(i).digest());
      }
    }
    Map<OrderId, OrderStart> started = others.isEmpty() ? Map.of()
        : ProofLedger.super.startOrders(others, candidates, owner, now, lease);
    Map<OrderId, OrderStart> result = new java.util.LinkedHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      OrderTable.Started order = all.get(i);
      result.put(order.orderId(), inserted[i]
          ? new OrderStart(OrderClaim.ACQUIRED, order.digest(), order.candidate(), OrderTable.fresh(order.orderId()))
          : started.get(order.orderId()));
    }
    return result;
  }

  private static void checkDigest(String digest) {
    if (Objects.requireNonNull(digest, "digest").length() > 1000) {
      throw new IllegalArgumentException("an order digest is at most 1000 characters");
    }
  }

  @Override
  public List<IssuedProof> recordIssuedProofs(List<ProofIssue> issues, @Nullable String deliveryOwner, Duration deliveryLease) {
    Objects.requireNonNull(deliveryLease, "deliveryLease");
    return batches.recordClaimed(List.copyOf(issues), deliveryOwner, deliveryLease);
  }

  @Override
  public IssuedProof recordIssuedProof(ProofIssue issue, @Nullable String deliveryOwner, Duration deliveryLease) {
    Objects.requireNonNull(issue, "issue");
    Objects.requireNonNull(deliveryLease, "deliveryLease");
    return batches.recordOne(issue, deliveryOwner, deliveryLease);
  }

  @Override
  public DeliveryRecord recordDeliveredAndComplete(DeliveryReceipt receipt, OrderId orderId) {
    return deliveries.recordDeliveredAndComplete(Objects.requireNonNull(receipt, "receipt"),
        Objects.requireNonNull(orderId, "orderId"));
  }

  @Override
  public ProofId reserveProofId(OrderId orderId, ProofId candidate) {
    return orders.reserveProofId(Objects.requireNonNull(orderId, "orderId"), Objects.requireNonNull(candidate, "candidate"));
  }

  @Override
  public String recordOrderDigest(OrderId orderId, String digest) {
    Objects.requireNonNull(orderId, "orderId");
    checkDigest(digest);
    return orders.recordDigest(orderId, digest);
  }

  @Override
  public void releaseOrder(OrderId orderId, String owner) {
    orders.release(Objects.requireNonNull(orderId, "orderId"), Objects.requireNonNull(owner, "owner"));
  }

  @Override
  public Optional<OrderRecord> findOrder(OrderId orderId) {
    return orders.find(Objects.requireNonNull(orderId, "orderId"));
  }

  @Override
  public Invoice recordInvoice(Invoice invoice) {
    return invoices.record(Objects.requireNonNull(invoice, "invoice"));
  }

  @Override
  public PhysicalShipment recordShipment(PhysicalShipment shipment) {
    return shipments.record(Objects.requireNonNull(shipment, "shipment"));
  }

  @Override
  public ProofRecord recordProof(LicenseProof proof, SignedProof signedProof, DeliveryRequest firstDelivery, Instant now) {
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(signedProof, "signedProof");
    Objects.requireNonNull(firstDelivery, "firstDelivery");
    Objects.requireNonNull(now, "now");
    return proofs.record(proof, signedProof, firstDelivery, now);
  }

  @Override
  public void completeOrder(OrderId orderId, Route route) {
    orders.complete(Objects.requireNonNull(orderId, "orderId"), Objects.requireNonNull(route, "route"));
  }

  @Override
  public Optional<ProofRecord> findProof(ProofId proofId) {
    return proofs.find(Objects.requireNonNull(proofId, "proofId"));
  }

  @Override
  public List<DeliveryRecord> deliveries(ProofId proofId) {
    return deliveries.ofProof(Objects.requireNonNull(proofId, "proofId"));
  }

  @Override
  public Optional<DeliveryRecord> findDelivery(DeliveryId deliveryId) {
    return deliveries.find(Objects.requireNonNull(deliveryId, "deliveryId"));
  }

  @Override
  public DeliveryRecord addDelivery(DeliveryRequest request, Instant now) {
    return deliveries.add(Objects.requireNonNull(request, "request"), Objects.requireNonNull(now, "now"));
  }

  @Override
  public boolean claimDelivery(DeliveryId deliveryId, String owner, Instant now, Duration lease) {
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(lease, "lease");
    return deliveries.claim(deliveryId, owner, now, lease);
  }

  @Override
  public List<DeliveryRequest> claimPendingDeliveries(String owner, Instant now, Duration lease, int max) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(lease, "lease");
    return deliveries.claimPending(owner, now, lease, max);
  }

  @Override
  public DeliveryRecord recordDelivered(DeliveryReceipt receipt) {
    return deliveries.recordDelivered(Objects.requireNonNull(receipt, "receipt"));
  }

  @Override
  public DeliveryRecord recordDeliveryFailure(DeliveryId deliveryId, DeliveryFailure failure, @Nullable Instant retryAt) {
    return deliveries.recordFailure(Objects.requireNonNull(deliveryId, "deliveryId"),
        Objects.requireNonNull(failure, "failure"), retryAt);
  }

  @Override
  public Revocation recordRevocation(Revocation revocation) {
    return proofs.recordRevocation(Objects.requireNonNull(revocation, "revocation"));
  }

  // Batches: each call one transaction, its statements batched (see BatchRecorder).

  @Override
  public List<OrderClaim> claimOrders(List<OrderId> orderIds, String owner, Instant now, Duration lease) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(lease, "lease");
    return orders.claimAll(List.copyOf(orderIds), owner, now, lease);
  }

  @Override
  public Map<OrderId, String> recordOrderDigests(Map<OrderId, String> digests) {
    digests.values().forEach(JdbcProofLedger::checkDigest);
    return orders.recordDigests(Map.copyOf(digests));
  }

  @Override
  public Map<OrderId, ProofId> reserveProofIds(Map<OrderId, ProofId> candidates) {
    return orders.reserveProofIds(Map.copyOf(candidates));
  }

  @Override
  public Map<OrderId, OrderRecord> findOrders(Collection<OrderId> orderIds) {
    List<OrderId> ids = List.copyOf(orderIds);
    return jdbc.autoCommit("read " + ids.size() + " orders", c -> orders.findAll(c, ids));
  }

  @Override
  public List<Invoice> recordInvoices(List<Invoice> invoices) {
    return this.invoices.recordAll(List.copyOf(invoices));
  }

  @Override
  public List<FulfilledOrder> recordIssuedProofs(List<ProofIssue> issues) {
    return batches.record(List.copyOf(issues));
  }

  @Override
  public Optional<FulfilledOrder> findFulfilledOrder(OrderId orderId) {
    Objects.requireNonNull(orderId, "orderId");
    return jdbc.autoCommit("read order " + orderId + " with its proof", c -> {
      OrderRecord order = orders.findAll(c, List.of(orderId)).get(orderId);
      if (order == null) {
        return Optional.<FulfilledOrder>empty();
      }
      ProofId proofId = order.proofId();
      Optional<ProofRecord> proof = proofId == null ? Optional.empty() : proofs.find(c, proofId);
      Optional<DeliveryRecord> first = proofId == null ? Optional.empty() : deliveries.first(c, proofId);
      return Optional.of(proof.isPresent() && first.isPresent()
          ? new FulfilledOrder(order, proof.get(), first.get()) : new FulfilledOrder(order, null, null));
    });
  }

  @Override
  public List<Boolean> claimDeliveries(List<DeliveryId> deliveryIds, String owner, Instant now, Duration lease) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(lease, "lease");
    return deliveries.claimAll(List.copyOf(deliveryIds), owner, now, lease);
  }

  @Override
  public List<DeliveryRecord> recordDeliveredAll(List<DeliveryReceipt> receipts) {
    return deliveries.recordDeliveredAll(List.copyOf(receipts));
  }

  @Override
  public Optional<ProofRecord> findProof(LicenseNumber licenseNumber) {
    return lookup.byLicense(Objects.requireNonNull(licenseNumber, "licenseNumber").value());
  }

  @Override
  public List<ProofRecord> findProofs(AuthorizationNumber authorizationNumber) {
    return lookup.byAuthorization(Objects.requireNonNull(authorizationNumber, "authorizationNumber").value());
  }

  @Override
  public List<ProofRecord> findProofsOfCustomer(String customerId) {
    return lookup.byCustomer(Objects.requireNonNull(customerId, "customerId"));
  }

  @Override
  public ProofRecord recordReplacement(LicenseProof proof, SignedProof signedProof, DeliveryRequest firstDelivery, Instant now) {
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(signedProof, "signedProof");
    Objects.requireNonNull(firstDelivery, "firstDelivery");
    Objects.requireNonNull(now, "now");
    return proofs.recordReplacement(proof, signedProof, firstDelivery, now);
  }

  @Override
  public Optional<ProofRecord> findReplacement(ProofId replaced) {
    return lookup.replacementOf(Objects.requireNonNull(replaced, "replaced"));
  }

  @Override
  public ReturnRecord recordReturn(ReturnRecord returned) {
    return returns.recordReturn(Objects.requireNonNull(returned, "returned"));
  }

  @Override
  public Optional<ReturnRecord> findReturn(OrderId orderId) {
    return returns.findReturn(Objects.requireNonNull(orderId, "orderId"));
  }

  @Override
  public void completeReturn(OrderId orderId) {
    returns.completeReturn(Objects.requireNonNull(orderId, "orderId"));
  }

  @Override
  public CreditNote recordCreditNote(CreditNote creditNote) {
    return returns.recordCreditNote(Objects.requireNonNull(creditNote, "creditNote"));
  }

  @Override
  public List<CreditNote> creditNotes(OrderId orderId) {
    return returns.creditNotes(Objects.requireNonNull(orderId, "orderId"));
  }

  @Override
  public boolean recordReminder(ProofId proofId, String reminder, Instant at) {
    Objects.requireNonNull(proofId, "proofId");
    Objects.requireNonNull(reminder, "reminder");
    Objects.requireNonNull(at, "at");
    return reminders.record(proofId, reminder, at);
  }

  @Override
  public void forgetReminder(ProofId proofId, String reminder) {
    reminders.forget(Objects.requireNonNull(proofId, "proofId"), Objects.requireNonNull(reminder, "reminder"));
  }

  @Override
  public List<ProofRecord> findProofsEnding(LocalDate from, LocalDate to) {
    return lookup.ending(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
  }
}
