package dev.openproof.jdbc;

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
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.FulfilledOrder;
import dev.openproof.core.exchange.ProofIssue;
import dev.openproof.core.exchange.OrderClaim;
import dev.openproof.core.exchange.OrderRecord;
import dev.openproof.core.exchange.OrderStart;
import dev.openproof.core.exchange.IssuedProof;
import dev.openproof.core.port.ProofLedger;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.exchange.ReturnRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A ledger of an instance that can be killed: from then on every call fails with
 * {@link InstanceKilled}, so that nothing the workflow would do on its way out (releasing claims,
 * recording an outcome) reaches the database, as after a real crash.
 */
class KillableLedger implements ProofLedger {
  private final ProofLedger ledger;
  private volatile boolean killed;

  KillableLedger(ProofLedger ledger) {
    this.ledger = ledger;
  }

  void kill() {
    killed = true;
  }

  boolean killed() {
    return killed;
  }

  private ProofLedger live() {
    if (killed) {
      throw new InstanceKilled();
    }
    return ledger;
  }

  @Override
  public OrderClaim claimOrder(OrderId orderId, String owner, Instant now, Duration lease) {
    return live().claimOrder(orderId, owner, now, lease);
  }

  @Override
  public void releaseOrder(OrderId orderId, String owner) {
    live().releaseOrder(orderId, owner);
  }

  @Override
  public Optional<OrderRecord> findOrder(OrderId orderId) {
    return live().findOrder(orderId);
  }

  @Override
  public Invoice recordInvoice(Invoice invoice) {
    return live().recordInvoice(invoice);
  }

  @Override
  public PhysicalShipment recordShipment(PhysicalShipment shipment) {
    return live().recordShipment(shipment);
  }

  @Override
  public ProofRecord recordProof(LicenseProof proof, SignedProof signedProof, DeliveryRequest firstDelivery, Instant now) {
    return live().recordProof(proof, signedProof, firstDelivery, now);
  }

  @Override
  public void completeOrder(OrderId orderId, Route route) {
    live().completeOrder(orderId, route);
  }

  @Override
  public Optional<ProofRecord> findProof(ProofId proofId) {
    return live().findProof(proofId);
  }

  @Override
  public List<DeliveryRecord> deliveries(ProofId proofId) {
    return live().deliveries(proofId);
  }

  @Override
  public Optional<DeliveryRecord> findDelivery(DeliveryId deliveryId) {
    return live().findDelivery(deliveryId);
  }

  @Override
  public DeliveryRecord addDelivery(DeliveryRequest request, Instant now) {
    return live().addDelivery(request, now);
  }

  @Override
  public boolean claimDelivery(DeliveryId deliveryId, String owner, Instant now, Duration lease) {
    return live().claimDelivery(deliveryId, owner, now, lease);
  }

  @Override
  public List<DeliveryRequest> claimPendingDeliveries(String owner, Instant now, Duration lease, int max) {
    return live().claimPendingDeliveries(owner, now, lease, max);
  }

  @Override
  public DeliveryRecord recordDelivered(DeliveryReceipt receipt) {
    return live().recordDelivered(receipt);
  }

  @Override
  public DeliveryRecord recordDeliveryFailure(DeliveryId deliveryId, DeliveryFailure failure, @Nullable Instant retryAt) {
    return live().recordDeliveryFailure(deliveryId, failure, retryAt);
  }

  @Override
  public Revocation recordRevocation(Revocation revocation) {
    return live().recordRevocation(revocation);
  }

  @Override
  public Optional<ProofRecord> findProof(LicenseNumber licenseNumber) {
    return live().findProof(licenseNumber);
  }

  @Override
  public List<ProofRecord> findProofs(AuthorizationNumber authorizationNumber) {
    return live().findProofs(authorizationNumber);
  }

  @Override
  public List<ProofRecord> findProofsOfCustomer(String customerId) {
    return live().findProofsOfCustomer(customerId);
  }

  @Override
  public ProofRecord recordReplacement(LicenseProof proof, SignedProof signedProof, DeliveryRequest firstDelivery, Instant now) {
    return live().recordReplacement(proof, signedProof, firstDelivery, now);
  }

  @Override
  public Optional<ProofRecord> findReplacement(ProofId replaced) {
    return live().findReplacement(replaced);
  }

  @Override
  public ReturnRecord recordReturn(ReturnRecord returned) {
    return live().recordReturn(returned);
  }

  @Override
  public Optional<ReturnRecord> findReturn(OrderId orderId) {
    return live().findReturn(orderId);
  }

  @Override
  public void completeReturn(OrderId orderId) {
    live().completeReturn(orderId);
  }

  @Override
  public CreditNote recordCreditNote(CreditNote creditNote) {
    return live().recordCreditNote(creditNote);
  }

  @Override
  public List<CreditNote> creditNotes(OrderId orderId) {
    return live().creditNotes(orderId);
  }

  @Override
  public boolean recordReminder(ProofId proofId, String reminder, Instant at) {
    return live().recordReminder(proofId, reminder, at);
  }

  @Override
  public void forgetReminder(ProofId proofId, String reminder) {
    live().forgetReminder(proofId, reminder);
  }

  @Override
  public List<ProofRecord> findProofsEnding(LocalDate from, LocalDate to) {
    return live().findProofsEnding(from, to);
  }

  @Override
  public List<OrderClaim> claimOrders(List<OrderId> orderIds, String owner, Instant now, Duration lease) {
    return live().claimOrders(orderIds, owner, now, lease);
  }

  @Override
  public Map<OrderId, String> recordOrderDigests(Map<OrderId, String> digests) {
    return live().recordOrderDigests(digests);
  }

  @Override
  public Map<OrderId, ProofId> reserveProofIds(Map<OrderId, ProofId> candidates) {
    return live().reserveProofIds(candidates);
  }

  @Override
  public Map<OrderId, OrderRecord> findOrders(Collection<OrderId> orderIds) {
    return live().findOrders(orderIds);
  }

  @Override
  public List<Invoice> recordInvoices(List<Invoice> invoices) {
    return live().recordInvoices(invoices);
  }

  @Override
  public List<FulfilledOrder> recordIssuedProofs(List<ProofIssue> issues) {
    return live().recordIssuedProofs(issues);
  }

  @Override
  public Optional<FulfilledOrder> findFulfilledOrder(OrderId orderId) {
    return live().findFulfilledOrder(orderId);
  }

  @Override
  public List<Boolean> claimDeliveries(List<DeliveryId> deliveryIds, String owner, Instant now, Duration lease) {
    return live().claimDeliveries(deliveryIds, owner, now, lease);
  }

  @Override
  public List<DeliveryRecord> recordDeliveredAll(List<DeliveryReceipt> receipts) {
    return live().recordDeliveredAll(receipts);
  }
  @Override
  public OrderStart startOrder(OrderId orderId, String digest, @Nullable ProofId candidate, String owner, Instant now,
      Duration lease) {
    return live().startOrder(orderId, digest, candidate, owner, now, lease);
  }

  @Override
  public Map<OrderId, OrderStart> startOrders(Map<OrderId, String> digests, Map<OrderId, ProofId> candidates, String owner,
      Instant now, Duration lease) {
    return live().startOrders(digests, candidates, owner, now, lease);
  }

  @Override
  public IssuedProof recordIssuedProof(ProofIssue issue, @Nullable String deliveryOwner, Duration deliveryLease) {
    return live().recordIssuedProof(issue, deliveryOwner, deliveryLease);
  }

  @Override
  public List<IssuedProof> recordIssuedProofs(List<ProofIssue> issues, @Nullable String deliveryOwner, Duration deliveryLease) {
    return live().recordIssuedProofs(issues, deliveryOwner, deliveryLease);
  }

  @Override
  public DeliveryRecord recordDeliveredAndComplete(DeliveryReceipt receipt, OrderId orderId) {
    return live().recordDeliveredAndComplete(receipt, orderId);
  }
}
