package dev.openproof.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Evidence that a proof was handed to the customer's mail system.
 *
 * @param deliveryId the delivery
 * @param proofId the proof delivered
 * @param recipient the address it went to
 * @param messageId the message's identifier ({@code Message-ID} for mail), the same on every retry
 * @param deliveredAt when the receiving server accepted it
 * @since 0.1.0
 */
public record DeliveryReceipt(
    DeliveryId deliveryId, ProofId proofId, String recipient, String messageId, Instant deliveredAt) {
  /** Checks that the parts are present. */
  public DeliveryReceipt {
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(proofId, "proofId");
    Texts.requireText(recipient, "recipient");
    Texts.requireText(messageId, "messageId");
    Objects.requireNonNull(deliveredAt, "deliveredAt");
  }
}
