package dev.openproof.core.exchange;

import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.ProofId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The return of an order, as the ledger holds it: recorded first, then completed once the proof is
 * revoked (or replaced), both credit notes are issued and the customer is told.
 *
 * @param orderId the returned order
 * @param proofId the proof that was in force when the order was returned
 * @param skus the SKUs of the returned lines; empty when the whole order was returned
 * @param reason why, in a few words
 * @param returnedAt when the return was recorded
 * @param completed whether every step of the return was done
 * @since 0.2.0
 */
public record ReturnRecord(OrderId orderId, ProofId proofId, List<String> skus, String reason, Instant returnedAt,
    boolean completed) {

  /** Checks that the parts are present and the reason is not blank. */
  public ReturnRecord {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(proofId, "proofId");
    skus = List.copyOf(Objects.requireNonNull(skus, "skus"));
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(returnedAt, "returnedAt");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank");
    }
  }

  /**
   * Whether the whole order was returned.
   *
   * @return {@code true} unless only some lines were
   */
  public boolean whole() {
    return skus.isEmpty();
  }
}
