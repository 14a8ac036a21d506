package dev.openproof.core.fulfillment;

import dev.openproof.core.event.FulfillmentEvent;
import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.Customer;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.Recipient;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.port.ProofLedger;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.validation.InvalidOrderException;
import dev.openproof.core.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Transfers of every license under an authorization to a new owner. The program moves an
 * authorization's licenses together: each proof in force is replaced by a proof of the same
 * entitlements to the new owner, under one new authorization number, and then revoked with the reason
 * {@value #REASON}. A transfer that failed halfway is finished by the next call with the same
 * authorization, under the same new number. Thread-safe.
 */
final class Transfers {
  /** The revocation reason of a transferred proof. */
  static final String REASON = "transferred";

  private final AfterSale steps;
  private final FulfillmentSettings settings;
  private final ProofLedger ledger;

  Transfers(AfterSale steps) {
    this.steps = steps;
    this.settings = steps.settings();
    this.ledger = settings.ledger();
  }

  TransferResult transfer(AuthorizationNumber authorization, Customer newCustomer, String reason) {
    Objects.requireNonNull(authorization, "authorization");
    Objects.requireNonNull(newCustomer, "newCustomer");
    Objects.requireNonNull(reason, "reason");
    List<Violation> violations = new ArrayList<>(settings.validator().violations(newCustomer));
    if (reason.isBlank()) {
      violations.add(new Violation("reason", "must not be blank"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidOrderException("transfer of " + authorization, violations);
    }
    List<ProofRecord> proofs = ledger.findProofs(authorization);
    if (proofs.isEmpty()) {
      throw new FulfillmentException(FulfillmentException.Reason.UNKNOWN_AUTHORIZATION,
          "no proof was issued under authorization " + authorization);
    }
    List<ProofRecord> done = new ArrayList<>();
    List<ProofRecord> toMove = new ArrayList<>();
    for (ProofRecord proof : proofs) {
      Optional<ProofRecord> next = ledger.findReplacement(proof.proof().proofId());
      if (next.isPresent() && !next.get().proof().authorizationNumber().equals(authorization)) {
        done.add(next.get());
        toMove.add(proof); // revoked and delivered again below, should an earlier call have stopped before
      } else if (next.isEmpty() && proof.revoked().isEmpty()) {
        toMove.add(proof);
      }
    }
    if (toMove.isEmpty()) {
      throw new FulfillmentException(FulfillmentException.Reason.NOTHING_TO_TRANSFER,
          "every proof of authorization " + authorization + " was revoked or replaced; there is nothing to transfer");
    }
    AuthorizationNumber to = done.isEmpty()
        ? settings.ids().newAuthorizationNumber()
        : done.get(0).proof().authorizationNumber();
    List<ProofRecord> newProofs = new ArrayList<>();
    List<DeliveryRecord> deliveries = new ArrayList<>();
    for (ProofRecord proof : toMove) {
      LicenseProof old = proof.proof();
      ProofRecord replacement = ledger.findReplacement(old.proofId()).orElse(null);
      if (replacement == null) {
        replacement = steps.recordReplacement(old.replacedBy(settings.ids().newProofId(),
            settings.ids().newLicenseNumber(), to, newCustomer.ref(), old.entitlements(), steps.now()),
            Recipient.of(newCustomer));
        steps.publish(new FulfillmentEvent.LicenseTransferred(old.orderId(), authorization, to, newCustomer.id(),
            reason, steps.now()));
      }
      steps.revoke(proof, REASON);
      newProofs.add(replacement);
      deliveries.add(steps.deliverFirst(replacement));
    }
    return new TransferResult(authorization, to, newProofs, deliveries);
  }
}
