package dev.openproof.core.exchange;

import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.SignedProof;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a batch records of one digital order at once, for {@link
 * dev.openproof.core.port.ProofLedger#recordIssuedProofs}: the invoices not yet recorded, the signed
 * proof and its first delivery.
 *
 * @param invoices the order's invoices to record, none where both were recorded before
 * @param proof the proof
 * @param signedProof the proof as signed
 * @param delivery its first delivery, of kind {@link DeliveryKind#ORIGINAL}
 * @param now when it is recorded, the earliest time of the first attempt
 * @since 0.2.0
 */
public record ProofIssue(
    List<Invoice> invoices, LicenseProof proof, SignedProof signedProof, DeliveryRequest delivery, Instant now) {

  /** Checks that the parts are present and belong to one order and one proof. */
  public ProofIssue {
    invoices = List.copyOf(Objects.requireNonNull(invoices, "invoices"));
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(signedProof, "signedProof");
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(now, "now");
    if (!signedProof.proofId().equals(proof.proofId()) || !delivery.proof().proofId().equals(proof.proofId())
        || delivery.kind() != DeliveryKind.ORIGINAL) {
      throw new IllegalArgumentException("the signed proof and the original first delivery must be of proof " + proof.proofId());
    }
    if (invoices.stream().anyMatch(i -> !i.orderId().equals(proof.orderId()))) {
      throw new IllegalArgumentException("every invoice must be of order " + proof.orderId());
    }
  }

  /**
   * The order.
   *
   * @return the proof's order
   */
  public OrderId orderId() {
    return proof.orderId();
  }
}
