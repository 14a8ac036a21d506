package dev.openproof.core.exchange;

import dev.openproof.core.model.DeliveryId;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.Recipient;
import dev.openproof.core.model.SignedProof;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One delivery of a signed proof to the customer. A retry of the same delivery carries the same
 * {@code deliveryId}, so that an adapter can give it the same message identity.
 *
 * @param deliveryId identifies this delivery; stable across retries
 * @param kind first delivery or resend
 * @param resendOf for a resend, the delivery it repeats; else {@code null}
 * @param recipient the customer's license contact
 * @param proof the proof, for the message's text
 * @param signedProof the signed proof to hand over
 * @since 0.1.0
 */
public record DeliveryRequest(
    DeliveryId deliveryId,
    DeliveryKind kind,
    @Nullable DeliveryId resendOf,
    Recipient recipient,
    LicenseProof proof,
    SignedProof signedProof) {

  /** Checks that the parts are present, that proof and signed proof agree, and that a resend names its original. */
  public DeliveryRequest {
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(signedProof, "signedProof");
    if (!proof.proofId().equals(signedProof.proofId())) {
      throw new IllegalArgumentException("proof " + proof.proofId() + " and signed proof " + signedProof.proofId() + " differ");
    }
    if ((kind == DeliveryKind.RESEND) != (resendOf != null)) {
      throw new IllegalArgumentException("a resend, and only a resend, names the delivery it repeats");
    }
  }

  /**
   * The delivery a resend repeats.
   *
   * @return the original delivery, or empty for a first delivery
   */
  public Optional<DeliveryId> original() {
    return Optional.ofNullable(resendOf);
  }
}
