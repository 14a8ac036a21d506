package dev.openproof.core.exchange;

import dev.openproof.core.model.Invoice;
import java.util.List;
import java.util.Objects;

/**
 * The answer of {@link dev.openproof.core.port.ProofLedger#recordIssuedProof}: what the ledger
 * keeps of one order's invoices and proof, and whether the caller holds the claim on its first
 * delivery.
 *
 * @param invoices the invoice recorded for each given invoice's leg, in the same order
 * @param proof the proof recorded for the order: the given one, or one recorded before, which stands
 * @param delivery the first delivery of that proof, as recorded
 * @param claimed whether the caller now holds the claim on the first delivery, as after {@link
 *     dev.openproof.core.port.ProofLedger#claimDelivery}
 * @since 0.2.0
 */
public record IssuedProof(List<Invoice> invoices, ProofRecord proof, DeliveryRecord delivery, boolean claimed) {

  /** Checks that the parts are present and belong to one proof. */
  public IssuedProof {
    invoices = List.copyOf(Objects.requireNonNull(invoices, "invoices"));
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(delivery, "delivery");
    if (!delivery.request().proof().proofId().equals(proof.proof().proofId())) {
      throw new IllegalArgumentException("the first delivery must be of proof " + proof.proof().proofId());
    }
  }
}
