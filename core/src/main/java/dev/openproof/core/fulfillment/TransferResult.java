package dev.openproof.core.fulfillment;

import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.exchange.ProofRecord;
import java.util.List;
import java.util.Objects;

/**
 * What a transfer did: every proof of the old authorization revoked as {@code transferred}, and a
 * new proof of the same entitlements issued to the new owner under a new authorization number.
 *
 * @param from the old authorization number
 * @param to the new owner's authorization number
 * @param newProofs the new proofs, each naming the proof it replaces
 * @param deliveries the first delivery of each new proof, in the same order
 * @since 0.2.0
 */
public record TransferResult(AuthorizationNumber from, AuthorizationNumber to, List<ProofRecord> newProofs,
    List<DeliveryRecord> deliveries) {

  /** Checks that the parts are present and one delivery per proof. */
  public TransferResult {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    newProofs = List.copyOf(newProofs);
    deliveries = List.copyOf(deliveries);
    if (newProofs.size() != deliveries.size()) {
      throw new IllegalArgumentException("one delivery per new proof");
    }
  }

  /**
   * Whether every new proof reached the new owner's mail system.
   *
   * @return {@code true} when all were delivered
   */
  public boolean allDelivered() {
    return deliveries.stream().allMatch(d -> d.status() == DeliveryStatus.DELIVERED);
  }
}
