package dev.openproof.jwt;

import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.testing.SampleOrders;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Proofs of the sample orders, issued at a fixed time, and the issuer and clock to check them with. */
final class Proofs {
  static final String ISSUER = "https://licensing.example.test";
  static final Instant ISSUED = Instant.parse("2021-03-02T14:00:00Z");
  static final Clock AN_HOUR_LATER = Clock.fixed(ISSUED.plusSeconds(3600), ZoneOffset.UTC);

  private Proofs() {}

  /** The Russian order's proof: perpetual licenses, so no expiry. */
  static LicenseProof perpetual() {
    return of(SampleOrders.russian(), "P-0001");
  }

  /** The German subscription's proof: every entitlement ends 2024-03-31, so it expires. */
  static LicenseProof withTerm() {
    return of(SampleOrders.germanSubscription(), "P-0002");
  }

  static LicenseProof of(Order order, String proofId) {
    List<Entitlement> entitlements = order.lines().stream().map(Entitlement::of).toList();
    return new LicenseProof(
        ProofId.of(proofId),
        LicenseNumber.withCheckDigit("123456789"),
        order.existingAuthorization().orElse(AuthorizationNumber.of("A-77000123")),
        order.program(),
        order.orderId(),
        order.placedAt(),
        order.customer().ref(),
        order.reseller().ref(),
        order.distributor().ref(),
        entitlements,
        ISSUED,
        LicenseProof.expiryOf(entitlements).orElse(null),
        null);
  }
}
