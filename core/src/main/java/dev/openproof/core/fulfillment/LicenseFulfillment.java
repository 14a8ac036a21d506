package dev.openproof.core.fulfillment;

import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.model.Revocation;
import dev.openproof.core.validation.InvalidOrderException;
import java.util.Objects;
import java.util.Optional;

/**
 * The fulfillment workflow of an order: validate, invoice both legs of the chain, route by the
 * {@link TransitionPolicy}, and on the digital route build, sign, record and deliver the proof to the
 * customer, never to the distributor; then the administration of issued proofs (resend, revoke,
 * suspend, reinstate). Every step is recorded in the {@link dev.openproof.core.port.ProofLedger}
 * before the next begins, so that:
 *
 * <ul>
 *   <li>fulfilling an order again, or from several threads or instances at once, does nothing twice:
 *       one proof, one pair of invoices, one delivery;
 *   <li>a port that fails halfway leaves the ledger consistent, and a later call finishes the job;
 *   <li>a delivery that fails transiently stays pending and {@link #redeliverPending()} retries it
 *       with the same proof and the same delivery id; a permanent failure is reported, never swallowed.
 * </ul>
 *
 * <p>Build one with {@link #builder()}; instances are thread-safe and meant to be shared.
 *
 * @since 0.1.0
 */
public final class LicenseFulfillment {
  private final Issuing issuing;
  private final Administration administration;

  LicenseFulfillment(FulfillmentSettings settings) {
    Workflow workflow = new Workflow(settings);
    this.issuing = new Issuing(workflow);
    this.administration = new Administration(workflow);
  }

  /**
   * Starts building a workflow.
   *
   * @return a new builder
   */
  public static LicenseFulfillmentBuilder builder() {
    return new LicenseFulfillmentBuilder();
  }

  // Issuing

  /**
   * Fulfills an order, or returns what was recorded when it was fulfilled before.
   *
   * @param order the order
   * @return the result, as recorded in the ledger
   * @throws InvalidOrderException if the order breaks input rules; nothing was stored or sent
   * @throws FulfillmentException with {@code ORDER_IN_PROGRESS} if another instance holds the order
   *     longer than the configured wait
   * @throws dev.openproof.core.OpenProofException if a port failed; what was done is recorded and a
   *     later call finishes the job
   */
  public FulfillmentResult fulfill(Order order) {
    return issuing.fulfill(Objects.requireNonNull(order, "order"));
  }

  /**
   * Attempts every pending delivery whose next attempt is due, in batches over the delivery port's
   * {@link dev.openproof.core.port.ProofDelivery#deliverAll batch} call. A delivery that fails again
   * transiently is scheduled later, with a growing delay; one that failed too often, or permanently,
   * is marked failed.
   *
   * @return what was attempted and what came of it
   */
  public RedeliveryReport redeliverPending() {
    return issuing.redeliverPending();
  }

  /**
   * What the ledger records of an order that was fulfilled.
   *
   * @param orderId the order
   * @return the result, or empty if the order was not (yet) fulfilled
   */
  public Optional<FulfillmentResult> find(OrderId orderId) {
    return issuing.find(Objects.requireNonNull(orderId, "orderId"));
  }

  // Administering issued proofs

  /**
   * Sends an issued proof to the customer again (the customer lost the mail). The resend is a new
   * delivery that names the first one.
   *
   * @param proofId the proof
   * @return the resend's record after its first attempt
   * @throws FulfillmentException with {@code UNKNOWN_PROOF} or {@code PROOF_REVOKED}
   */
  public DeliveryRecord resend(ProofId proofId) {
    return administration.resend(proofId);
  }

  /**
   * Revokes an issued proof, for example because the order was returned. Revoking twice keeps the
   * first revocation. A proof that carries a status reference has its list entry set invalid.
   *
   * @param proofId the proof
   * @param reason why, in a few words
   * @return the recorded revocation
   * @throws FulfillmentException with {@code UNKNOWN_PROOF}
   * @throws IllegalStateException if the proof carries a status reference and the workflow has no
   *     status lists to set it in (the revocation is recorded; revoke again with the lists)
   */
  public Revocation revoke(ProofId proofId, String reason) {
    return administration.revoke(proofId, reason);
  }

  /**
   * Suspends an issued proof for now: its status list entry says {@link ProofStatus#SUSPENDED} until
   * {@link #reinstate(ProofId)}. Only for a proof that carries a status reference, issued with
   * {@linkplain LicenseFulfillmentBuilder#statusLists status lists}.
   *
   * @param proofId the proof
   * @return the status in effect afterwards
   * @throws FulfillmentException with {@code UNKNOWN_PROOF} or {@code PROOF_REVOKED}
   * @throws IllegalStateException if the proof carries no status reference, or the workflow has no
   *     status lists
   */
  public ProofStatus suspend(ProofId proofId) {
    return administration.changeStatus(proofId, ProofStatus.SUSPENDED);
  }

  /**
   * Ends a proof's suspension: its status list entry says {@link ProofStatus#VALID} again.
   *
   * @param proofId the proof
   * @return the status in effect afterwards
   * @throws FulfillmentException with {@code UNKNOWN_PROOF} or {@code PROOF_REVOKED}
   * @throws IllegalStateException if the proof carries no status reference, or the workflow has no
   *     status lists
   */
  public ProofStatus reinstate(ProofId proofId) {
    return administration.changeStatus(proofId, ProofStatus.VALID);
  }
}
