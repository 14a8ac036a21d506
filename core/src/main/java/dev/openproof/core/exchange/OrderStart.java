package dev.openproof.core.exchange;

import dev.openproof.core.model.ProofId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@link dev.openproof.core.port.OrderLedger#startOrder}: the claim, and for an
 * order the caller acquired, the digest in effect, the proof id reserved for it and what the ledger
 * held of it when it was claimed.
 *
 * @param claim the claim's outcome
 * @param digest the digest in effect (the one recorded first) where the claim was acquired, else {@code null}
 * @param proofId the proof id reserved for the order where the claim was acquired, its digest matched
 *     and a candidate was given, else {@code null}
 * @param order the order as recorded when it was claimed, where the claim was acquired and its digest
 *     matched, else {@code null}
 * @since 0.2.0
 */
public record OrderStart(OrderClaim claim, @Nullable String digest, @Nullable ProofId proofId, @Nullable OrderRecord order) {

  /** Checks that only an acquired claim carries the rest. */
  public OrderStart {
    Objects.requireNonNull(claim, "claim");
    if (claim != OrderClaim.ACQUIRED && (digest != null || proofId != null || order != null)) {
      throw new IllegalArgumentException("only an acquired order has a digest, a proof id and a record");
    }
  }

  /**
   * An order that was not acquired.
   *
   * @param claim {@link OrderClaim#HELD_BY_ANOTHER} or {@link OrderClaim#COMPLETED}
   * @return the answer, with nothing else
   */
  public static OrderStart notAcquired(OrderClaim claim) {
    return new OrderStart(claim, null, null, null);
  }
}
