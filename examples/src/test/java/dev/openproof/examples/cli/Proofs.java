package dev.openproof.examples.cli;

import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.StatusReference;
import dev.openproof.core.testing.SampleOrders;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Proofs of the sample Russian order, for the verify command's tests. */
final class Proofs {
  private Proofs() {}

  static LicenseProof sample() {
    return of("P-0001", "123456789", null);
  }

  static LicenseProof of(String proofId, String licenseDigits, @Nullable StatusReference status) {
    Order order = SampleOrders.russian();
    List<Entitlement> entitlements = order.lines().stream().map(Entitlement::of).toList();
    return new LicenseProof(ProofId.of(proofId), LicenseNumber.withCheckDigit(licenseDigits),
        order.existingAuthorization().orElse(AuthorizationNumber.of("A-77000123")), order.program(), order.orderId(),
        order.placedAt(), order.customer().ref(), order.reseller().ref(), order.distributor().ref(), entitlements,
        Instant.now().minusSeconds(60), LicenseProof.expiryOf(entitlements).orElse(null), status);
  }
}
