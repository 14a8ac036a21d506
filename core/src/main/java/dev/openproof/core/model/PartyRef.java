package dev.openproof.core.model;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A party as a proof or an invoice names it: identifier, name and, where known, country.
 *
 * @param id identifier
 * @param name legal name
 * @param country ISO 3166-1 alpha-2 country code, or {@code null} where a proof omits it
 * @since 0.1.0
 */
public record PartyRef(String id, String name, @Nullable String country) {
  /** Checks that the identifier and name are present. */
  public PartyRef {
    Texts.requireText(id, "id");
    Texts.requireText(name, "name");
  }

  /**
   * The country, when known.
   *
   * @return the country code, or empty
   */
  public Optional<String> countryCode() {
    return Optional.ofNullable(country);
  }
}
