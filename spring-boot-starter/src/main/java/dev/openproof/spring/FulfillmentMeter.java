package dev.openproof.spring;

import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.model.Route;
import org.jspecify.annotations.Nullable;

/**
 * What {@link OpenProofOperations} reports beside the workflow's own events: each {@code fulfill}
 * call, its route, whether it was a replay, and how long it took; each change of a proof's status.
 * The starter's Micrometer metrics implement it.
 *
 * @since 0.1.0
 */
public interface FulfillmentMeter {
  /** A meter that records nothing. */
  FulfillmentMeter NONE = new FulfillmentMeter() {
    @Override
    public void fulfilled(@Nullable Route route, @Nullable Boolean replayed, long nanos) {}

    @Override
    public void statusChanged(ProofStatus status) {}
  };

  /**
   * One {@code fulfill} call ended.
   *
   * @param route the route taken, or {@code null} if the call failed
   * @param replayed whether the order had been fulfilled before, or {@code null} if the call failed
   * @param nanos how long it took
   */
  void fulfilled(@Nullable Route route, @Nullable Boolean replayed, long nanos);

  /**
   * A proof's status was set by a suspend or reinstate.
   *
   * @param status the status asked for
   */
  void statusChanged(ProofStatus status);
}
