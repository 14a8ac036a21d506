package dev.openproof.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The legacy route, for an order placed before the cut-over: a paper license certificate shipped to
 * the distributor, who passes it on.
 *
 * @param orderId the order
 * @param distributor who the certificate is shipped to
 * @param entitlements what the certificate grants
 * @param recordedAt when the shipment was recorded
 * @since 0.1.0
 */
public record PhysicalShipment(
    OrderId orderId, PartyRef distributor, List<Entitlement> entitlements, Instant recordedAt) {
  /** Checks that the parts are present. */
  public PhysicalShipment {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(distributor, "distributor");
    Objects.requireNonNull(recordedAt, "recordedAt");
    entitlements = List.copyOf(Objects.requireNonNull(entitlements, "entitlements"));
  }
}
