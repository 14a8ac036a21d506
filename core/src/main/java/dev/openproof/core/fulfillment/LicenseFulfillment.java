package dev.openproof.core.fulfillment;

import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.model.Revocation;
import dev.openproof.core.validation.InvalidOrderException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The fulfillment workflow of an order: validate, invoice both legs of the chain, route by the
 * {@link TransitionPolicy}, and on the digital route build, sign, record and deliver the proof to the
 * customer, never to the distributor; then the administration of issued proofs (resend, revoke,
 * suspend, reinstate); {@link #afterSale()} holds returns, transfers, summaries and reminders. Every step is recorded in the {@link dev.openproof.core.port.ProofLedger}
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
  private final BatchIssuing batch;
  private final Administration administration;
  private final Workflow workflow;
  private final LicenseAfterSale afterSale;

  LicenseFulfillment(FulfillmentSettings settings) {
    this.workflow = new Workflow(settings);
    this.issuing = new Issuing(workflow);
    this.batch = new BatchIssuing(workflow, issuing);
    this.administration = new Administration(workflow);
    this.afterSale = new LicenseAfterSale(workflow);
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
   *     longer than the configured wait, or {@code ORDER_CONFLICT} if the order id was used before for
   *     an order with other content
   * @throws dev.openproof.core.OpenProofException if a port failed; what was done is recorded and a
   *     later call finishes the job
   */
  public FulfillmentResult fulfill(Order order) {
    return issuing.fulfill(Objects.requireNonNull(order, "order"));
  }

  /**
   * Fulfills many orders, as {@link #fulfill} each, at a fraction of the ledger's cost: in batches
   * of {@linkplain LicenseFulfillmentBuilder#batchSize the batch size}, the new digital orders are
   * claimed in one ledger call, invoiced and signed in parallel on the {@linkplain
   * LicenseFulfillmentBuilder#batchExecutor batch executor}, recorded with their invoices and first
   * deliveries in one call (one transaction on a JDBC ledger), and handed to the delivery port's
   * {@code deliverAll} together, unless delivery is deferred. Every other order (physical, given
   * twice, fulfilled before, held by another instance) is fulfilled as by {@code fulfill}. It is
   * idempotent as {@code fulfill} is; one bad order fails alone, and a failure of a whole batch's
   * ledger call fails that batch's orders only, with nothing recorded for them that a rerun repeats.
   *
   * @param orders the orders; an order id given twice is fulfilled once and answered twice
   * @return one outcome per order, in the same order: the result {@code fulfill} would return, or
   *     the failure it would throw, with its reason code
   * @since 0.2.0
   */
  public List<FulfillmentOutcome> fulfillAll(Collection<Order> orders) {
    List<Order> list = List.copyOf(Objects.requireNonNull(orders, "orders"));
    return batch.fulfillAll(list);
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

  // The license after the sale (since 0.2.0). Each method delegates to the class that does the work.

  /**
   * The proof that carries a license number.
   *
   * @param licenseNumber the license number
   * @return the proof's record, or empty if no proof carries it
   * @since 0.2.0
   */
  public Optional<ProofRecord> findProof(LicenseNumber licenseNumber) {
    return workflow.ledger().findProof(Objects.requireNonNull(licenseNumber, "licenseNumber"));
  }

  /**
   * Every proof issued under an authorization number, revoked and replaced ones too, oldest first.
   *
   * @param authorizationNumber the authorization number
   * @return the proofs' records
   * @since 0.2.0
   */
  public List<ProofRecord> findProofs(AuthorizationNumber authorizationNumber) {
    return workflow.ledger().findProofs(Objects.requireNonNull(authorizationNumber, "authorizationNumber"));
  }

  /**
   * Every proof issued to a customer, revoked and replaced ones too, oldest first.
   *
   * @param customerId the customer's id, the proofs' subject
   * @return the proofs' records
   * @since 0.2.0
   */
  public List<ProofRecord> findProofsOfCustomer(String customerId) {
    return workflow.ledger().findProofsOfCustomer(Objects.requireNonNull(customerId, "customerId"));
  }

  /**
   * {@link #resend(ProofId)} of the proof that carries a license number.
   *
   * @param licenseNumber the license number
   * @return the resend's record after its first attempt
   * @throws FulfillmentException with {@code UNKNOWN_LICENSE} or {@code PROOF_REVOKED}
   * @since 0.2.0
   */
  public DeliveryRecord resend(LicenseNumber licenseNumber) {
    return resend(proofOf(licenseNumber));
  }

  /**
   * {@link #revoke(ProofId, String)} of the proof that carries a license number.
   *
   * @param licenseNumber the license number
   * @param reason why, in a few words
   * @return the recorded revocation
   * @throws FulfillmentException with {@code UNKNOWN_LICENSE}
   * @since 0.2.0
   */
  public Revocation revoke(LicenseNumber licenseNumber, String reason) {
    return revoke(proofOf(licenseNumber), reason);
  }

  /**
   * {@link #suspend(ProofId)} of the proof that carries a license number.
   *
   * @param licenseNumber the license number
   * @return the status in effect afterwards
   * @throws FulfillmentException with {@code UNKNOWN_LICENSE} or {@code PROOF_REVOKED}
   * @since 0.2.0
   */
  public ProofStatus suspend(LicenseNumber licenseNumber) {
    return suspend(proofOf(licenseNumber));
  }

  /**
   * {@link #reinstate(ProofId)} of the proof that carries a license number.
   *
   * @param licenseNumber the license number
   * @return the status in effect afterwards
   * @throws FulfillmentException with {@code UNKNOWN_LICENSE} or {@code PROOF_REVOKED}
   * @since 0.2.0
   */
  public ProofStatus reinstate(LicenseNumber licenseNumber) {
    return reinstate(proofOf(licenseNumber));
  }

  private ProofId proofOf(LicenseNumber licenseNumber) {
    return findProof(licenseNumber).map(r -> r.proof().proofId()).orElseThrow(() ->
        new FulfillmentException(FulfillmentException.Reason.UNKNOWN_LICENSE, "no proof carries license number " + licenseNumber));
  }

  /**
   * The license after the sale: returns with credit notes on both legs, transfers to a new owner,
   * the license summary an audit asks for, and renewal reminders. It shares this workflow's
   * settings, ledger and ports.
   *
   * @return the after-sale operations of this workflow
   * @since 0.2.0
   */
  public LicenseAfterSale afterSale() {
    return afterSale;
  }
}
