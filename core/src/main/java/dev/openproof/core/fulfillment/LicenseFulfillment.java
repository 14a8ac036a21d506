package dev.openproof.core.fulfillment;

import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.Customer;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseSummary;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.model.Revocation;
import dev.openproof.core.validation.InvalidOrderException;
import java.time.Instant;
import java.util.List;
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
  private final Workflow workflow;
  private final Returns returns;
  private final Transfers transfers;
  private final LicenseSummaries summaries;
  private final Reminders reminders;

  LicenseFulfillment(FulfillmentSettings settings) {
    this.workflow = new Workflow(settings);
    this.issuing = new Issuing(workflow);
    this.administration = new Administration(workflow);
    AfterSale afterSale = new AfterSale(workflow);
    this.returns = new Returns(afterSale);
    this.transfers = new Transfers(afterSale);
    this.summaries = new LicenseSummaries(settings.ledger());
    this.reminders = new Reminders(afterSale);
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
   * Returns a whole digital order within its {@linkplain LicenseFulfillmentBuilder#returnWindow return
   * window}: revokes its proof in force (in its status list too), issues a credit note on each leg of
   * the chain naming the invoice it cancels, and mails the customer a notice. A call that failed
   * halfway is finished by the next one; nothing is done twice.
   *
   * @param orderId the order
   * @param reason why, in a few words
   * @return what the return did
   * @throws FulfillmentException with {@code UNKNOWN_ORDER}, {@code NOT_DIGITAL},
   *     {@code ALREADY_RETURNED} or {@code RETURN_WINDOW_CLOSED}
   * @throws dev.openproof.core.OpenProofException if a port failed; a later call finishes the return
   * @since 0.2.0
   */
  public ReturnResult returnOrder(OrderId orderId, String reason) {
    return returns.returnOrder(orderId, List.of(), reason);
  }

  /**
   * Returns some lines of a digital order: credits those lines on both legs, and replaces the proof
   * in force by a new proof of the lines kept, mailed to the customer. Naming every line is a whole
   * return. Otherwise as {@link #returnOrder(OrderId, String)}.
   *
   * @param orderId the order
   * @param skus the SKUs of the lines returned, at least one
   * @param reason why, in a few words
   * @return what the return did
   * @throws FulfillmentException as {@link #returnOrder(OrderId, String)}, or {@code UNKNOWN_LINE}
   * @since 0.2.0
   */
  public ReturnResult returnLines(OrderId orderId, List<String> skus, String reason) {
    Objects.requireNonNull(skus, "skus");
    if (skus.isEmpty()) {
      throw new IllegalArgumentException("name at least one SKU to return, or call returnOrder");
    }
    return returns.returnOrder(orderId, skus, reason);
  }

  /**
   * Transfers every license under an authorization to a new owner: issues new proofs of the same
   * entitlements to the new customer under a new authorization number, each naming the proof it
   * replaces, mails them, and revokes the old ones with the reason {@code transferred}. Calling it
   * again for the same authorization finishes or repeats the first transfer.
   *
   * @param authorizationNumber the authorization whose licenses move
   * @param newCustomer the new owner
   * @param reason why, in a few words
   * @return the new authorization and proofs
   * @throws dev.openproof.core.validation.InvalidOrderException if the new customer breaks input rules
   * @throws FulfillmentException with {@code UNKNOWN_AUTHORIZATION} or {@code NOTHING_TO_TRANSFER}
   * @since 0.2.0
   */
  public TransferResult transfer(AuthorizationNumber authorizationNumber, Customer newCustomer, String reason) {
    return transfers.transfer(authorizationNumber, newCustomer, reason);
  }

  /**
   * What a customer holds now: every entitlement in force, with the proofs it rests on. With {@code
   * includeEnded}, also what was returned, transferred or has ended, each marked so.
   *
   * @param customerId the customer's id
   * @param includeEnded whether to list entitlements no longer in force too
   * @return the summary, as of the workflow's clock
   * @since 0.2.0
   */
  public LicenseSummary summaryOfCustomer(String customerId, boolean includeEnded) {
    return summaries.ofCustomer(Objects.requireNonNull(customerId, "customerId"), includeEnded, workflow.now());
  }

  /**
   * What an authorization holds now, as {@link #summaryOfCustomer(String, boolean)}.
   *
   * @param authorizationNumber the authorization number
   * @param includeEnded whether to list entitlements no longer in force too
   * @return the summary, as of the workflow's clock
   * @since 0.2.0
   */
  public LicenseSummary summaryOfAuthorization(AuthorizationNumber authorizationNumber, boolean includeEnded) {
    return summaries.ofAuthorization(Objects.requireNonNull(authorizationNumber, "authorizationNumber"), includeEnded, workflow.now());
  }

  /**
   * Mails each customer whose subscription term or Software Assurance ends within one of the
   * {@linkplain LicenseFulfillmentBuilder#reminderDays reminder days} (30 and 7 by default) a reminder
   * in the customer's language, and the reseller a copy where {@linkplain
   * LicenseFulfillmentBuilder#resellerCopies configured}. Each reminder is sent once: it is recorded in
   * the ledger, so restarts and other instances do not send it again; one that could not be sent is
   * tried again by the next run.
   *
   * @param now the moment to count the days from, usually the clock's
   * @return what was sent
   * @since 0.2.0
   */
  public ReminderReport remindExpiring(Instant now) {
    return reminders.remind(Objects.requireNonNull(now, "now"));
  }
}
