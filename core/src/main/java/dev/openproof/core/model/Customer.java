package dev.openproof.core.model;

import dev.openproof.core.constraint.LanguageTag;
import dev.openproof.core.constraint.CountryCode;
import dev.openproof.core.constraint.Identifier;
import dev.openproof.core.constraint.Mailbox;
import dev.openproof.core.constraint.PlainText;
import java.util.Locale;
import java.util.Objects;

/**
 * The customer: the licensee, to whose license contact the proof is sent.
 *
 * @param id identifier in the host's systems; the proof's subject
 * @param name legal name
 * @param country ISO 3166-1 alpha-2 country code
 * @param email the license contact's e-mail address: where the proof goes
 * @param language the language of the proof mail; English where no translation exists
 * @since 0.1.0
 */
public record Customer(
    @Identifier String id,
    @PlainText String name,
    @CountryCode String country,
    @Mailbox String email,
    @LanguageTag Locale language) implements Party {

  /** Checks that no component is null; the rules on their form are checked by validation. */
  public Customer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(language, "language");
  }

  /**
   * A customer whose mail is written in English.
   *
   * @param id identifier in the host's systems
   * @param name legal name
   * @param country ISO 3166-1 alpha-2 country code
   * @param email the license contact's e-mail address
   */
  public Customer(String id, String name, String country, String email) {
    this(id, name, country, email, Locale.ENGLISH);
  }
}
