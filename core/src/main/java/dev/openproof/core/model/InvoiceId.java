package dev.openproof.core.model;

/**
 * Identifier of one invoice of one leg of the chain.
 *
 * @param value the identifier as it appears on the wire; never blank
 * @since 0.1.0
 */
public record InvoiceId(String value) {
  /** Checks that the value is present and not blank. */
  public InvoiceId {
    Texts.requireText(value, "invoiceId");
  }

  /**
   * Wraps a value.
   *
   * @param value the identifier
   * @return the typed identifier
   */
  public static InvoiceId of(String value) {
    return new InvoiceId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
