package dev.openproof.spring;

import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.ProofRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An issued proof with all its deliveries and its published status.
 *
 * @param record the proof as the ledger holds it
 * @param deliveries every delivery, the first one first
 * @param status its status in the status list, or {@code null} when it has none
 * @since 0.1.0
 */
public record IssuedProof(ProofRecord record, List<DeliveryRecord> deliveries, @Nullable ProofStatus status) {
  /** Checks that the parts are present. */
  public IssuedProof {
    Objects.requireNonNull(record, "record");
    deliveries = List.copyOf(deliveries);
  }

  /**
   * The published status.
   *
   * @return the status, or empty when the proof carries no status reference
   */
  public Optional<ProofStatus> listStatus() {
    return Optional.ofNullable(status);
  }
}
