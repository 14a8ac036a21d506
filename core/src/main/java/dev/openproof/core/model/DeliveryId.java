package dev.openproof.core.model;

/**
 * Identifier of one delivery of a proof to its customer; a retry keeps it, a resend gets a new one.
 *
 * @param value the identifier as it appears on the wire; never blank
 * @since 0.1.0
 */
public record DeliveryId(String value) {
  /** Checks that the value is present and not blank. */
  public DeliveryId {
    Texts.requireText(value, "deliveryId");
  }

  /**
   * Wraps a value.
   *
   * @param value the identifier
   * @return the typed identifier
   */
  public static DeliveryId of(String value) {
    return new DeliveryId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
