package dev.openproof.core.fulfillment;

import dev.openproof.core.model.CreditNote;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.Revocation;
import dev.openproof.core.exchange.ProofRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a return did, as the ledger records it.
 *
 * @param orderId the returned order
 * @param skus the SKUs returned; empty when the whole order was
 * @param revocation the revocation of the proof that was in force
 * @param creditNotes the credit notes, one per leg of the chain
 * @param replacement the new proof of the lines kept after a partial return, or {@code null}
 * @param noticeMessageId the identity of the notice mailed to the customer
 * @since 0.2.0
 */
public record ReturnResult(OrderId orderId, List<String> skus, Revocation revocation, List<CreditNote> creditNotes,
    @Nullable ProofRecord replacement, String noticeMessageId) {

  /** Checks that the parts are present. */
  public ReturnResult {
    Objects.requireNonNull(orderId, "orderId");
    skus = List.copyOf(skus);
    Objects.requireNonNull(revocation, "revocation");
    creditNotes = List.copyOf(creditNotes);
    Objects.requireNonNull(noticeMessageId, "noticeMessageId");
  }

  /**
   * The new proof of what was kept.
   *
   * @return the replacement after a partial return, or empty
   */
  public Optional<ProofRecord> replacementProof() {
    return Optional.ofNullable(replacement);
  }
}
