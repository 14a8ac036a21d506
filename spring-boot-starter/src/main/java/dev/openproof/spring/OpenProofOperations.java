package dev.openproof.spring;

import dev.openproof.core.fulfillment.FulfillmentOutcome;
import dev.openproof.core.fulfillment.FulfillmentResult;
import dev.openproof.core.fulfillment.LicenseFulfillment;
import dev.openproof.core.fulfillment.RedeliveryReport;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.model.Revocation;
import dev.openproof.core.model.StatusReference;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.port.ProofLedger;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.port.StatusLists;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an application does with the workflow, in one place: fulfill and look up orders, look up,
 * resend, revoke, suspend and reinstate proofs. It times and counts each call for the metrics, and
 * signs a status list again at once when this instance changed it. The one class of the starter
 * that calls {@link LicenseFulfillment}; thread-safe.
 *
 * @since 0.1.0
 */
public final class OpenProofOperations {
  private final LicenseFulfillment fulfillment;
  private final ProofLedger ledger;
  private final @Nullable StatusLists statusLists;
  private final @Nullable StatusListPublisher publisher;
  private final FulfillmentMeter meter;

  /**
   * Creates the operations.
   *
   * @param fulfillment the workflow
   * @param ledger its ledger
   * @param statusLists its status lists, or {@code null}
   * @param publisher the publisher of those lists, or {@code null}
   * @param meter where calls are counted
   */
  public OpenProofOperations(LicenseFulfillment fulfillment, ProofLedger ledger, @Nullable StatusLists statusLists,
      @Nullable StatusListPublisher publisher, FulfillmentMeter meter) {
    this.fulfillment = Objects.requireNonNull(fulfillment, "fulfillment");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.statusLists = statusLists;
    this.publisher = publisher;
    this.meter = Objects.requireNonNull(meter, "meter");
  }

  /**
   * Fulfills an order, or returns the recorded result of an order fulfilled before.
   *
   * @param order the order
   * @return the result; {@link FulfillmentResult#replayed()} tells a replay
   * @see LicenseFulfillment#fulfill(Order)
   */
  public FulfillmentResult fulfill(Order order) {
    long start = System.nanoTime();
    try {
      FulfillmentResult result = fulfillment.fulfill(order);
      meter.fulfilled(result.route(), result.replayed(), System.nanoTime() - start);
      return result;
    } catch (RuntimeException e) {
      meter.fulfilled(null, null, System.nanoTime() - start);
      throw e;
    }
  }

  /**
   * Fulfills a batch of orders, each as {@link #fulfill(Order)} would, in ledger transactions of the
   * workflow's batch size; one order that fails fails alone.
   *
   * @param orders the orders
   * @return one outcome per order, in the order given
   * @see LicenseFulfillment#fulfillAll(Collection)
   */
  public List<FulfillmentOutcome> fulfillAll(Collection<Order> orders) {
    long start = System.nanoTime();
    List<FulfillmentOutcome> outcomes = fulfillment.fulfillAll(orders);
    long each = outcomes.isEmpty() ? 0 : (System.nanoTime() - start) / outcomes.size();
    for (FulfillmentOutcome outcome : outcomes) {
      FulfillmentResult result = outcome.fulfilled().orElse(null);
      meter.fulfilled(result == null ? null : result.route(), result == null ? null : result.replayed(), each);
    }
    return outcomes;
  }

  /**
   * A fulfilled order.
   *
   * @param orderId the order
   * @return its result, or empty if it was not (yet) fulfilled
   */
  public Optional<FulfillmentResult> find(OrderId orderId) {
    return fulfillment.find(orderId);
  }

  /**
   * An issued proof, its deliveries and its status.
   *
   * @param proofId the proof
   * @return the proof, or empty if no such proof was issued
   */
  public Optional<IssuedProof> proof(ProofId proofId) {
    return ledger.findProof(proofId).map(record -> new IssuedProof(record, ledger.deliveries(proofId),
        statusLists == null ? null : statusLists.status(proofId).orElse(null)));
  }

  /**
   * Sends a proof to its customer again.
   *
   * @param proofId the proof
   * @return the resend's record after its first attempt
   * @see LicenseFulfillment#resend(ProofId)
   */
  public DeliveryRecord resend(ProofId proofId) {
    return fulfillment.resend(proofId);
  }

  /**
   * Revokes a proof and signs its status list again.
   *
   * @param proofId the proof
   * @param reason why
   * @return the recorded revocation
   * @see LicenseFulfillment#revoke(ProofId, String)
   */
  public Revocation revoke(ProofId proofId, String reason) {
    Revocation revocation = fulfillment.revoke(proofId, reason);
    republish(proofId);
    return revocation;
  }

  /**
   * Suspends a proof and signs its status list again.
   *
   * @param proofId the proof
   * @return the status in effect
   * @see LicenseFulfillment#suspend(ProofId)
   */
  public ProofStatus suspend(ProofId proofId) {
    ProofStatus status = fulfillment.suspend(proofId);
    meter.statusChanged(ProofStatus.SUSPENDED);
    republish(proofId);
    return status;
  }

  /**
   * Ends a proof's suspension and signs its status list again.
   *
   * @param proofId the proof
   * @return the status in effect
   * @see LicenseFulfillment#reinstate(ProofId)
   */
  public ProofStatus reinstate(ProofId proofId) {
    ProofStatus status = fulfillment.reinstate(proofId);
    meter.statusChanged(ProofStatus.VALID);
    republish(proofId);
    return status;
  }

  /**
   * Sends the pending deliveries that are due.
   *
   * @return what was attempted
   */
  public RedeliveryReport redeliverPending() {
    return fulfillment.redeliverPending();
  }

  /**
   * The workflow itself, for what these operations do not cover.
   *
   * @return the workflow
   */
  public LicenseFulfillment fulfillment() {
    return fulfillment;
  }

  private void republish(ProofId proofId) {
    if (publisher != null) {
      ledger.findProof(proofId).map(ProofRecord::proof).flatMap(p -> p.statusReference())
          .map(StatusReference::uri).ifPresent(publisher::refreshList);
    }
  }
}
