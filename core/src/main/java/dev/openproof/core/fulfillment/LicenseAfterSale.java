package dev.openproof.core.fulfillment;

import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.Customer;
import dev.openproof.core.model.LicenseSummary;
import dev.openproof.core.model.OrderId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link LicenseFulfillment} does for a license after the sale: returns with credit notes on
 * both legs of the chain, transfers to a new owner, the license summary an audit asks for, and
 * renewal reminders. Get it from {@link LicenseFulfillment#afterSale()}; it shares that workflow's
 * settings, ledger and ports, records every step before the next as issuing does, and is
 * thread-safe.
 *
 * @since 0.2.0
 */
public final class LicenseAfterSale {
  private final Workflow workflow;
  private final Returns returns;
  private final Transfers transfers;
  private final LicenseSummaries summaries;
  private final Reminders reminders;

  LicenseAfterSale(Workflow workflow) {
    this.workflow = workflow;
    AfterSale afterSale = new AfterSale(workflow);
    this.returns = new Returns(afterSale);
    this.transfers = new Transfers(afterSale);
    this.summaries = new LicenseSummaries(workflow.ledger());
    this.reminders = new Reminders(afterSale);
  }

  /**
   * Returns a whole digital order within its {@linkplain AfterSaleOptions#withReturnWindow return
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
   * {@linkplain AfterSaleOptions#withReminderDays reminder days} (30 and 7 by default) a reminder
   * in the customer's language, and the reseller a copy where {@linkplain
   * AfterSaleOptions#withResellerCopies configured}. Each reminder is sent once: it is recorded in
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
