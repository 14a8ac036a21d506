package dev.openproof.core.model;

import java.util.Locale;
import java.util.Objects;

/**
 * Whom a proof is delivered to: the customer's license contact.
 *
 * @param name the customer's name
 * @param email the license contact's e-mail address
 * @param language the language to write in
 * @since 0.1.0
 */
public record Recipient(String name, String email, Locale language) {
  /** Checks that the parts are present. */
  public Recipient {
    Texts.requireText(name, "name");
    Texts.requireText(email, "email");
    Objects.requireNonNull(language, "language");
  }

  /**
   * The license contact of a customer.
   *
   * @param customer the customer
   * @return the recipient
   */
  public static Recipient of(Customer customer) {
    return new Recipient(customer.name(), customer.email(), customer.language());
  }
}
