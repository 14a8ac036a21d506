package dev.openproof.core.model;

import dev.openproof.core.constraint.CountryCode;
import dev.openproof.core.constraint.Identifier;
import dev.openproof.core.constraint.Mailbox;
import dev.openproof.core.constraint.PlainText;
import java.util.Objects;

/**
 * The reseller: buys from its distributor on the customer's behalf.
 *
 * @param id identifier in the host's systems
 * @param name legal name
 * @param country ISO 3166-1 alpha-2 country code
 * @param email order desk address
 * @since 0.1.0
 */
public record Reseller(
    @Identifier String id,
    @PlainText String name,
    @CountryCode String country,
    @Mailbox String email) implements Party {

  /** Checks that no component is null; the rules on their form are checked by validation. */
  public Reseller {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(email, "email");
  }
}
