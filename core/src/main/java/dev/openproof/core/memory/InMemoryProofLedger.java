package dev.openproof.core.memory;

import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.CreditNote;
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
import dev.openproof.core.exchange.DeliveryKind;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.OrderClaim;
import dev.openproof.core.exchange.OrderRecord;
import dev.openproof.core.port.ProofLedger;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.exchange.ReturnRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ProofLedger} held in memory: thread-safe, and lost with the process. For tests, demos and
 * hosts that keep their own durable record; use {@code jdbc-ledger} where a crash must lose nothing.
 *
 * @since 0.1.0
 */
public final class InMemoryProofLedger implements ProofLedger {

  private final Map<OrderId, InMemoryOrder> orders = new HashMap<>();
  private final Map<OrderId, String> digests = new HashMap<>();
  private final Map<OrderId, ProofId> reservedProofIds = new HashMap<>();
  private final Map<ProofId, ProofRecord> proofs = new LinkedHashMap<>();
  private final Map<LicenseNumber, ProofId> proofsByLicense = new HashMap<>();
  private final Map<ProofId, ProofId> replacements = new HashMap<>();
  private final InMemoryReturns returns = new InMemoryReturns();
  private final InMemoryDeliveries deliveries = new InMemoryDeliveries();

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
    return orders.computeIfAbsent(orderId, InMemoryOrder::new).claim(owner, now.plus(lease), now);
  }

  @Override
  public synchronized void releaseOrder(OrderId orderId, String owner) {
    InMemoryOrder entry = orders.get(orderId);
    if (entry != null && owner.equals(entry.owner)) {
      entry.release();
    }
  }

  @Override
  public synchronized Optional<OrderRecord> findOrder(OrderId orderId) {
    return Optional.ofNullable(orders.get(orderId)).map(InMemoryOrder::toRecord);
  }

  @Override
  public synchronized Invoice recordInvoice(Invoice invoice) {
    return order(invoice.orderId()).invoices.computeIfAbsent(invoice.leg(), leg -> invoice);
  }

  @Override
  public synchronized PhysicalShipment recordShipment(PhysicalShipment shipment) {
    InMemoryOrder entry = order(shipment.orderId());
    if (entry.shipment == null) {
      entry.shipment = shipment;
    }
    return entry.shipment;
  }

  @Override
  public synchronized ProofRecord recordProof(
      LicenseProof proof, SignedProof signedProof, DeliveryRequest firstDelivery, Instant now) {
    InMemoryOrder entry = order(proof.orderId());
    ProofId recorded = entry.proofId;
    if (recorded != null) {
      return Objects.requireNonNull(proofs.get(recorded), "an order's proof is recorded with it");
    }
    ProofRecord record = putProof(proof, signedProof, firstDelivery, now);
    entry.proofId = proof.proofId();
    return record;
  }

  private ProofRecord putProof(LicenseProof proof, SignedProof signedProof, DeliveryRequest firstDelivery, Instant now) {
    if (firstDelivery.kind() != DeliveryKind.ORIGINAL || !firstDelivery.proof().proofId().equals(proof.proofId())) {
      throw new IllegalArgumentException("the first delivery must be the original delivery of this proof");
    }
    ProofRecord record = new ProofRecord(proof, signedProof, firstDelivery.recipient(), null);
    proofs.put(proof.proofId(), record);
    proofsByLicense.put(proof.licenseNumber(), proof.proofId());
    deliveries.add(firstDelivery, now);
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
    proof(replaced);
    ProofId kept = replacements.get(replaced);
    if (kept != null) {
      return Objects.requireNonNull(proofs.get(kept), "a replacement points to a recorded proof");
    }
    ProofRecord record = putProof(proof, signedProof, firstDelivery, now);
    replacements.put(replaced, proof.proofId());
    return record;
  }

  @Override
  public synchronized Optional<ProofRecord> findReplacement(ProofId replaced) {
    return Optional.ofNullable(replacements.get(replaced)).map(proofs::get);
  }

  @Override
  public synchronized ReturnRecord recordReturn(ReturnRecord returned) {
    order(returned.orderId());
    return returns.record(returned);
  }

  @Override
  public synchronized Optional<ReturnRecord> findReturn(OrderId orderId) {
    return returns.find(orderId);
  }

  @Override
  public synchronized void completeReturn(OrderId orderId) {
    returns.complete(orderId);
  }

  @Override
  public synchronized CreditNote recordCreditNote(CreditNote creditNote) {
    order(creditNote.orderId());
    return returns.record(creditNote);
  }

  @Override
  public synchronized List<CreditNote> creditNotes(OrderId orderId) {
    return returns.creditNotes(orderId);
  }

  @Override
  public synchronized List<ProofRecord> findProofsEnding(LocalDate from, LocalDate to) {
    return proofs.values().stream().filter(r -> r.proof().entitlements().stream()
        .anyMatch(e -> e.ends() != null && !e.ends().isBefore(from) && !e.ends().isAfter(to))).toList();
  }

  @Override
  public synchronized boolean recordReminder(ProofId proofId, String reminder, Instant at) {
    proof(proofId);
    return returns.remember(proofId, reminder);
  }

  @Override
  public synchronized void forgetReminder(ProofId proofId, String reminder) {
    returns.forget(proofId, reminder);
  }

  @Override
  public synchronized void completeOrder(OrderId orderId, Route route) {
    InMemoryOrder entry = order(orderId);
    entry.completed = true;
    entry.route = route;
    entry.release();
  }

  @Override
  public synchronized Optional<ProofRecord> findProof(ProofId proofId) {
    return Optional.ofNullable(proofs.get(proofId));
  }

  @Override
  public synchronized List<DeliveryRecord> deliveries(ProofId proofId) {
    return deliveries.of(proofId);
  }

  @Override
  public synchronized Optional<DeliveryRecord> firstDelivery(ProofId proofId) {
    return deliveries.first(proofId);
  }

  @Override
  public synchronized Optional<DeliveryRecord> findDelivery(DeliveryId deliveryId) {
    return deliveries.find(deliveryId);
  }

  @Override
  public synchronized DeliveryRecord addDelivery(DeliveryRequest request, Instant now) {
    proof(request.proof().proofId());
    return deliveries.add(request, now);
  }

  @Override
  public synchronized boolean claimDelivery(DeliveryId deliveryId, String owner, Instant now, Duration lease) {
    return deliveries.claim(deliveryId, Objects.requireNonNull(owner, "owner"), now, lease);
  }

  @Override
  public synchronized List<DeliveryRequest> claimPendingDeliveries(String owner, Instant now, Duration lease, int max) {
    return deliveries.claimPending(Objects.requireNonNull(owner, "owner"), now, lease, max);
  }

  @Override
  public synchronized DeliveryRecord recordDelivered(DeliveryReceipt receipt) {
    return deliveries.delivered(receipt);
  }

  @Override
  public synchronized DeliveryRecord recordDeliveryFailure(
      DeliveryId deliveryId, DeliveryFailure failure, @Nullable Instant retryAt) {
    return deliveries.failed(deliveryId, failure, retryAt);
  }

  @Override
  public synchronized Revocation recordRevocation(Revocation revocation) {
    ProofRecord record = proof(revocation.proofId());
    if (record.revocation() != null) {
      return record.revocation();
    }
    proofs.put(revocation.proofId(), new ProofRecord(record.proof(), record.signedProof(), record.recipient(), revocation));
    return revocation;
  }

  private InMemoryOrder order(OrderId orderId) {
    InMemoryOrder entry = orders.get(orderId);
    if (entry == null) {
      throw new IllegalStateException("order " + orderId + " was never claimed");
    }
    return entry;
  }

  private ProofRecord proof(ProofId proofId) {
    ProofRecord record = proofs.get(proofId);
    if (record == null) {
      throw new IllegalStateException("unknown proof " + proofId);
    }
    return record;
  }
}
