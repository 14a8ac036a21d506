package dev.openproof.core.memory;

import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.CreditNote;
import dev.openproof.core.model.DeliveryId;
import dev.openproof.core.model.DeliveryReceipt;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.PhysicalShipment;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.Revocation;
import dev.openproof.core.model.Route;
import dev.openproof.core.model.SignedProof;
import dev.openproof.core.exchange.DeliveryFailure;
import dev.openproof.core.exchange.DeliveryKind;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.exchange.OrderClaim;
import dev.openproof.core.exchange.OrderRecord;
import dev.openproof.core.port.ProofLedger;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.exchange.ReturnRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ProofLedger} held in memory: thread-safe, and lost with the process. For tests, demos and
 * hosts that keep their own durable record; use {@code jdbc-ledger} where a crash must lose nothing.
 *
 * @since 0.1.0
 */
public final class InMemoryProofLedger implements ProofLedger {

  private final Map<OrderId, OrderEntry> orders = new HashMap<>();
  private final Map<OrderId, String> digests = new HashMap<>();
  private final Map<OrderId, ProofId> reservedProofIds = new HashMap<>();
  private final Map<ProofId, ProofRecord> proofs = new LinkedHashMap<>();
  private final Map<LicenseNumber, ProofId> proofsByLicense = new HashMap<>();
  private final Map<ProofId, ProofId> replacements = new HashMap<>();
  private final Map<OrderId, ReturnRecord> returns = new HashMap<>();
  private final Map<String, CreditNote> creditNotes = new LinkedHashMap<>();
  private final Set<String> reminders = new HashSet<>();
  private final Map<DeliveryId, DeliveryEntry> deliveries = new LinkedHashMap<>();
  private final Map<ProofId, List<DeliveryId>> deliveriesByProof = new HashMap<>();

  private InMemoryProofLedger() {}

  /**
   * Creates an empty ledger, which forgets everything when the process ends: for tests, samples and
   * a single short-lived process. A workflow that must survive a restart uses a durable ledger.
   *
   * @return a new, empty ledger
   */
  public static InMemoryProofLedger create() {
    return new InMemoryProofLedger();
  }

  @Override
  public synchronized ProofId reserveProofId(OrderId orderId, ProofId candidate) {
    Objects.requireNonNull(candidate, "candidate");
    return reservedProofIds.computeIfAbsent(Objects.requireNonNull(orderId, "orderId"), id -> candidate);
  }

  @Override
  public synchronized String recordOrderDigest(OrderId orderId, String digest) {
    Objects.requireNonNull(digest, "digest");
    return digests.computeIfAbsent(Objects.requireNonNull(orderId, "orderId"), id -> digest);
  }

  @Override
  public synchronized OrderClaim claimOrder(OrderId orderId, String owner, Instant now, Duration lease) {
    Objects.requireNonNull(owner, "owner");
    OrderEntry entry = orders.computeIfAbsent(orderId, OrderEntry::new);
    if (entry.completed) {
      return OrderClaim.COMPLETED;
    }
    if (entry.owner != null && !entry.owner.equals(owner) && entry.leaseUntil != null && entry.leaseUntil.isAfter(now)) {
      return OrderClaim.HELD_BY_ANOTHER;
    }
    entry.owner = owner;
    entry.leaseUntil = now.plus(lease);
    return OrderClaim.ACQUIRED;
  }

  @Override
  public synchronized void releaseOrder(OrderId orderId, String owner) {
    OrderEntry entry = orders.get(orderId);
    if (entry != null && owner.equals(entry.owner)) {
      entry.owner = null;
      entry.leaseUntil = null;
    }
  }

  @Override
  public synchronized Optional<OrderRecord> findOrder(OrderId orderId) {
    return Optional.ofNullable(orders.get(orderId)).map(OrderEntry::toRecord);
  }

  @Override
  public synchronized Invoice recordInvoice(Invoice invoice) {
    return order(invoice.orderId()).invoices.computeIfAbsent(invoice.leg(), leg -> invoice);
  }

  @Override
  public synchronized PhysicalShipment recordShipment(PhysicalShipment shipment) {
    OrderEntry entry = order(shipment.orderId());
    if (entry.shipment == null) {
      entry.shipment = shipment;
    }
    return entry.shipment;
  }

  @Override
  public synchronized ProofRecord recordProof(
      LicenseProof proof, SignedProof signedProof, DeliveryRequest firstDelivery, Instant now) {
    OrderEntry entry = order(proof.orderId());
    ProofId recorded = entry.proofId;
    if (recorded != null) {
      return Objects.requireNonNull(proofs.get(recorded), "an order's proof is recorded with it");
    }
    if (firstDelivery.kind() != DeliveryKind.ORIGINAL || !firstDelivery.proof().proofId().equals(proof.proofId())) {
      throw new IllegalArgumentException("the first delivery must be the original delivery of this proof");
    }
    entry.proofId = proof.proofId();
    return putProof(proof, signedProof, firstDelivery, now);
  }

  private ProofRecord putProof(LicenseProof proof, SignedProof signedProof, DeliveryRequest firstDelivery, Instant now) {
    ProofRecord record = new ProofRecord(proof, signedProof, firstDelivery.recipient(), null);
    proofs.put(proof.proofId(), record);
    proofsByLicense.put(proof.licenseNumber(), proof.proofId());
    putDelivery(firstDelivery, now);
    return record;
  }

  @Override
  public synchronized Optional<ProofRecord> findProof(LicenseNumber licenseNumber) {
    return Optional.ofNullable(proofsByLicense.get(licenseNumber)).map(proofs::get);
  }

  @Override
  public synchronized List<ProofRecord> findProofs(AuthorizationNumber authorizationNumber) {
    return proofs.values().stream().filter(r -> r.proof().authorizationNumber().equals(authorizationNumber)).toList();
  }

  @Override
  public synchronized List<ProofRecord> findProofsOfCustomer(String customerId) {
    Objects.requireNonNull(customerId, "customerId");
    return proofs.values().stream().filter(r -> r.proof().customer().id().equals(customerId)).toList();
  }

  @Override
  public synchronized ProofRecord recordReplacement(
      LicenseProof proof, SignedProof signedProof, DeliveryRequest firstDelivery, Instant now) {
    ProofId replaced = proof.replacesProof().orElseThrow(() ->
        new IllegalArgumentException("proof " + proof.proofId() + " names no proof it replaces"));
    if (!proofs.containsKey(replaced)) {
      throw new IllegalStateException("unknown proof " + replaced);
    }
    ProofId kept = replacements.get(replaced);
    if (kept != null) {
      return Objects.requireNonNull(proofs.get(kept), "a replacement points to a recorded proof");
    }
    if (firstDelivery.kind() != DeliveryKind.ORIGINAL || !firstDelivery.proof().proofId().equals(proof.proofId())) {
      throw new IllegalArgumentException("the first delivery must be the original delivery of this proof");
    }
    replacements.put(replaced, proof.proofId());
    return putProof(proof, signedProof, firstDelivery, now);
  }

  @Override
  public synchronized Optional<ProofRecord> findReplacement(ProofId replaced) {
    return Optional.ofNullable(replacements.get(replaced)).map(proofs::get);
  }

  @Override
  public synchronized ReturnRecord recordReturn(ReturnRecord returned) {
    order(returned.orderId());
    return returns.computeIfAbsent(returned.orderId(), id -> returned);
  }

  @Override
  public synchronized Optional<ReturnRecord> findReturn(OrderId orderId) {
    return Optional.ofNullable(returns.get(orderId));
  }

  @Override
  public synchronized void completeReturn(OrderId orderId) {
    ReturnRecord r = returns.get(orderId);
    if (r == null) {
      throw new IllegalStateException("order " + orderId + " was never returned");
    }
    returns.put(orderId, new ReturnRecord(r.orderId(), r.proofId(), r.skus(), r.reason(), r.returnedAt(), true));
  }

  @Override
  public synchronized CreditNote recordCreditNote(CreditNote creditNote) {
    order(creditNote.orderId());
    return creditNotes.computeIfAbsent(creditNote.id().value(), id -> creditNote);
  }

  @Override
  public synchronized List<CreditNote> creditNotes(OrderId orderId) {
    return creditNotes.values().stream().filter(c -> c.orderId().equals(orderId)).toList();
  }

  @Override
  public synchronized List<ProofRecord> findProofsEnding(LocalDate from, LocalDate to) {
    return proofs.values().stream().filter(r -> r.proof().entitlements().stream()
        .anyMatch(e -> e.ends() != null && !e.ends().isBefore(from) && !e.ends().isAfter(to))).toList();
  }

  @Override
  public synchronized boolean recordReminder(ProofId proofId, String reminder, Instant at) {
    if (!proofs.containsKey(proofId)) {
      throw new IllegalStateException("unknown proof " + proofId);
    }
    return reminders.add(proofId.value() + "\n" + reminder);
  }

  @Override
  public synchronized void forgetReminder(ProofId proofId, String reminder) {
    reminders.remove(proofId.value() + "\n" + reminder);
  }


  @Override
  public synchronized void completeOrder(OrderId orderId, Route route) {
    OrderEntry entry = order(orderId);
    entry.completed = true;
    entry.route = route;
    entry.owner = null;
    entry.leaseUntil = null;
  }

  @Override
  public synchronized Optional<ProofRecord> findProof(ProofId proofId) {
    return Optional.ofNullable(proofs.get(proofId));
  }

  @Override
  public synchronized List<DeliveryRecord> deliveries(ProofId proofId) {
    return deliveriesByProof.getOrDefault(proofId, List.of()).stream()
        .map(id -> Objects.requireNonNull(deliveries.get(id), "a proof's delivery is recorded with it").record)
        .toList();
  }

  @Override
  public synchronized Optional<DeliveryRecord> findDelivery(DeliveryId deliveryId) {
    return Optional.ofNullable(deliveries.get(deliveryId)).map(e -> e.record);
  }

  @Override
  public synchronized DeliveryRecord addDelivery(DeliveryRequest request, Instant now) {
    if (!proofs.containsKey(request.proof().proofId())) {
      throw new IllegalStateException("unknown proof " + request.proof().proofId());
    }
    DeliveryEntry existing = deliveries.get(request.deliveryId());
    return existing != null ? existing.record : putDelivery(request, now);
  }

  private DeliveryRecord putDelivery(DeliveryRequest request, Instant now) {
    DeliveryEntry entry = new DeliveryEntry(DeliveryRecord.pending(request, now));
    deliveries.put(request.deliveryId(), entry);
    deliveriesByProof.computeIfAbsent(request.proof().proofId(), id -> new ArrayList<>()).add(request.deliveryId());
    return entry.record;
  }

  @Override
  public synchronized boolean claimDelivery(DeliveryId deliveryId, String owner, Instant now, Duration lease) {
    DeliveryEntry entry = deliveries.get(deliveryId);
    if (entry == null || !entry.claimable(now)) {
      return false;
    }
    entry.owner = owner;
    entry.leaseUntil = now.plus(lease);
    return true;
  }

  @Override
  public synchronized List<DeliveryRequest> claimPendingDeliveries(String owner, Instant now, Duration lease, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1: " + max);
    }
    List<DeliveryRequest> claimed = new ArrayList<>();
    for (DeliveryEntry entry : deliveries.values()) {
      if (claimed.size() == max) {
        break;
      }
      if (entry.claimable(now)) {
        entry.owner = owner;
        entry.leaseUntil = now.plus(lease);
        claimed.add(entry.record.request());
      }
    }
    return claimed;
  }

  @Override
  public synchronized DeliveryRecord recordDelivered(DeliveryReceipt receipt) {
    DeliveryEntry entry = delivery(receipt.deliveryId());
    if (entry.record.status() != DeliveryStatus.DELIVERED) {
      DeliveryRecord old = entry.record;
      entry.record = new DeliveryRecord(old.request(), DeliveryStatus.DELIVERED, old.attempts() + 1, null, receipt, old.lastFailure());
    }
    entry.release();
    return entry.record;
  }

  @Override
  public synchronized DeliveryRecord recordDeliveryFailure(
      DeliveryId deliveryId, DeliveryFailure failure, @Nullable Instant retryAt) {
    DeliveryEntry entry = delivery(deliveryId);
    DeliveryRecord old = entry.record;
    if (old.status() == DeliveryStatus.PENDING) {
      DeliveryStatus status = retryAt == null ? DeliveryStatus.FAILED : DeliveryStatus.PENDING;
      entry.record = new DeliveryRecord(old.request(), status, old.attempts() + 1, retryAt, null, failure);
    }
    entry.release();
    return entry.record;
  }

  @Override
  public synchronized Revocation recordRevocation(Revocation revocation) {
    ProofRecord record = proofs.get(revocation.proofId());
    if (record == null) {
      throw new IllegalStateException("unknown proof " + revocation.proofId());
    }
    if (record.revocation() != null) {
      return record.revocation();
    }
    proofs.put(revocation.proofId(), new ProofRecord(record.proof(), record.signedProof(), record.recipient(), revocation));
    return revocation;
  }

  private OrderEntry order(OrderId orderId) {
    OrderEntry entry = orders.get(orderId);
    if (entry == null) {
      throw new IllegalStateException("order " + orderId + " was never claimed");
    }
    return entry;
  }

  private DeliveryEntry delivery(DeliveryId deliveryId) {
    DeliveryEntry entry = deliveries.get(deliveryId);
    if (entry == null) {
      throw new IllegalStateException("unknown delivery " + deliveryId);
    }
    return entry;
  }

  private static final class OrderEntry {
    final OrderId orderId;
    final Map<InvoiceLeg, Invoice> invoices = new EnumMap<>(InvoiceLeg.class);
    @Nullable String owner;
    @Nullable Instant leaseUntil;
    boolean completed;
    @Nullable Route route;
    @Nullable PhysicalShipment shipment;
    @Nullable ProofId proofId;

    OrderEntry(OrderId orderId) {
      this.orderId = orderId;
    }

    OrderRecord toRecord() {
      return new OrderRecord(orderId, completed, route, List.copyOf(invoices.values()), shipment, proofId);
    }
  }

  private static final class DeliveryEntry {
    DeliveryRecord record;
    @Nullable String owner;
    @Nullable Instant leaseUntil;

    DeliveryEntry(DeliveryRecord record) {
      this.record = record;
    }

    boolean claimable(Instant now) {
      Instant due = record.nextAttemptAt();
      return record.status() == DeliveryStatus.PENDING
          && (due == null || !due.isAfter(now))
          && (leaseUntil == null || !leaseUntil.isAfter(now));
    }

    void release() {
      owner = null;
      leaseUntil = null;
    }
  }
}
