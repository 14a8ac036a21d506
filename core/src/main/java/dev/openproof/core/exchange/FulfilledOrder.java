package dev.openproof.core.exchange;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An order as the ledger holds it, with its proof and the proof's first delivery where it has one:
 * what {@link dev.openproof.core.port.ProofLedger#findFulfilledOrder} reads in one call.
 *
 * @param order the order's record
 * @param proof the order's proof, or {@code null} where none was recorded (a physical order, or one not yet issued)
 * @param delivery the proof's first delivery, or {@code null} without a proof
 * @since 0.2.0
 */
public record FulfilledOrder(OrderRecord order, @Nullable ProofRecord proof, @Nullable DeliveryRecord delivery) {

  /** Checks that the parts are present and agree. */
  public FulfilledOrder {
    Objects.requireNonNull(order, "order");
    if ((proof == null) != (delivery == null)) {
      throw new IllegalArgumentException("a proof comes with its first delivery");
    }
  }

  /**
   * The order's proof.
   *
   * @return the proof, or empty
   */
  public Optional<ProofRecord> issuedProof() {
    return Optional.ofNullable(proof);
  }
}
