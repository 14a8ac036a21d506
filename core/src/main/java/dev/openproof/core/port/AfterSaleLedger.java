package dev.openproof.core.port;

import dev.openproof.core.exchange.ReturnRecord;
import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.CreditNote;
import dev.openproof.core.exchange.DeliveryKind;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.SignedProof;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The part of the {@link ProofLedger} that keeps what happens to an issued license after the sale:
 * lookup by license number, authorization or customer, replacement proofs, returns with their credit
 * notes, and renewal reminders. Its rules are the ledger's: every method is atomic, each {@code
 * record…} method is idempotent, and implementations are thread-safe.
 *
 * <p>Implement {@link ProofLedger}, which extends this interface; it exists so that each half can be
 * read on its own.
 *
 * @since 0.2.0
 */
public interface AfterSaleLedger {

  /**
   * The proof of a license number. License numbers are unique: each proof, a replacement too, has
   * its own.
   *
   * @param licenseNumber the license number
   * @return the record, or empty if no proof carries it
   * @since 0.2.0
   */
  Optional<ProofRecord> findProof(LicenseNumber licenseNumber);

  /**
   * Every proof issued under an authorization number, revoked ones too, oldest first.
   *
   * @param authorizationNumber the authorization number
   * @return the records, empty when none
   * @since 0.2.0
   */
  List<ProofRecord> findProofs(AuthorizationNumber authorizationNumber);

  /**
   * Every proof issued to a customer (the proof's subject), revoked ones too, oldest first.
   *
   * @param customerId the customer's id
   * @return the records, empty when none
   * @since 0.2.0
   */
  List<ProofRecord> findProofsOfCustomer(String customerId);

  /**
   * Records a proof that replaces an issued one, after a partial return or a transfer, together with
   * its first delivery, pending, in one atomic step. A proof is replaced once: where it has a
   * replacement already, keeps that one and ignores these. Does not revoke the replaced proof.
   *
   * @param proof the new proof, naming the proof it replaces in {@link LicenseProof#replaces()}
   * @param signedProof the new proof as signed
   * @param firstDelivery its first delivery, of kind {@link DeliveryKind#ORIGINAL}
   * @param now when it is recorded
   * @return the replacement recorded for the replaced proof
   * @throws IllegalArgumentException if the proof names no proof it replaces
   * @throws IllegalStateException if the replaced proof is unknown
   * @since 0.2.0
   */
  ProofRecord recordReplacement(LicenseProof proof, SignedProof signedProof, DeliveryRequest firstDelivery, Instant now);

  /**
   * The proof that replaced a proof.
   *
   * @param replaced the replaced proof
   * @return the replacement, or empty if the proof was not replaced
   * @since 0.2.0
   */
  Optional<ProofRecord> findReplacement(ProofId replaced);

  /**
   * Records the return of an order, not yet completed; keeps the first one.
   *
   * @param returned the return
   * @return the return recorded for the order
   * @throws IllegalStateException if the order was never claimed
   * @since 0.2.0
   */
  ReturnRecord recordReturn(ReturnRecord returned);

  /**
   * The return of an order.
   *
   * @param orderId the order
   * @return the return, or empty if the order was not returned
   * @since 0.2.0
   */
  Optional<ReturnRecord> findReturn(OrderId orderId);

  /**
   * Marks an order's return completed.
   *
   * @param orderId the order
   * @throws IllegalStateException if the order's return was never recorded
   * @since 0.2.0
   */
  void completeReturn(OrderId orderId);

  /**
   * Records a credit note; keeps the first one with its id.
   *
   * @param creditNote the credit note
   * @return the credit note recorded with that id
   * @throws IllegalStateException if the order was never claimed
   * @since 0.2.0
   */
  CreditNote recordCreditNote(CreditNote creditNote);

  /**
   * The credit notes of an order, in the order they were recorded.
   *
   * @param orderId the order
   * @return the credit notes, empty when none
   * @since 0.2.0
   */
  List<CreditNote> creditNotes(OrderId orderId);

  /**
   * Records that a reminder is being sent about a proof, so that it is sent once, across restarts and
   * instances.
   *
   * @param proofId the proof
   * @param reminder which reminder, for example {@code SA-2025-06-30-30}
   * @param at when
   * @return {@code true} if this call recorded it; {@code false} if it was recorded before
   * @throws IllegalStateException if the proof is unknown
   * @since 0.2.0
   */
  boolean recordReminder(ProofId proofId, String reminder, Instant at);

  /**
   * Forgets a recorded reminder whose mail could not be sent, so that a later run sends it.
   *
   * @param proofId the proof
   * @param reminder which reminder
   * @since 0.2.0
   */
  void forgetReminder(ProofId proofId, String reminder);

  /**
   * Every proof with an entitlement whose term ends on a day from {@code from} to {@code to}, both
   * included, revoked ones too, oldest first: those a renewal reminder may be due for.
   *
   * @param from the first day
   * @param to the last day
   * @return the records, empty when none
   * @since 0.2.0
   */
  List<ProofRecord> findProofsEnding(LocalDate from, LocalDate to);
}
