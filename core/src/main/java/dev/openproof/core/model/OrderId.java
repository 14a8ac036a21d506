package dev.openproof.core.model;

import dev.openproof.core.constraint.Identifier;

/**
 * Identifier of an order in the host's ordering system (the wire's {@code order_id}).
 *
 * @param value the identifier as it appears on the wire; never blank
 * @since 0.1.0
 */
public record OrderId(@Identifier String value) {
  /** Checks that the value is present and not blank. */
  public OrderId {
    Texts.requireText(value, "orderId");
  }

  /**
   * Wraps a value.
   *
   * @param value the identifier
   * @return the typed identifier
   */
  public static OrderId of(String value) {
    return new OrderId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
