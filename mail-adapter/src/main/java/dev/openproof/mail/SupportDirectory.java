package dev.openproof.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Whom customers contact with questions, by the customer's country: the vendor's Regional
 * Operations Centers. A country with no entry gets the fallback contact. Immutable and thread-safe.
 *
 * <pre>{@code
 * SupportDirectory directory = SupportDirectory.builder(new SupportContact("Licensing support", "licensing@vendor.example", null))
 *     .country("RU", new SupportContact("ROC Europe", "roc-emea@vendor.example", "+353 1 000 0000"))
 *     .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SupportDirectory {
  private final Map<String, SupportContact> byCountry;
  private final SupportContact fallback;

  private SupportDirectory(Builder builder) {
    this.byCountry = Map.copyOf(builder.byCountry);
    this.fallback = builder.fallback;
  }

  /**
   * Starts a directory.
   *
   * @param fallback the contact of customers whose country has no entry, or is unknown
   * @return a new builder
   */
  public static Builder builder(SupportContact fallback) {
    return new Builder(Objects.requireNonNull(fallback, "fallback"));
  }

  /**
   * A directory of three Regional Operations Centers (Europe, Middle East and Africa; the Americas;
   * Asia Pacific) at placeholder addresses under {@code example.com}. Replace it with the vendor's
   * own directory before going live.
   *
   * @return the default directory
   */
  public static SupportDirectory defaults() {
    SupportContact emea = new SupportContact(
        "Regional Operations Center Europe, Middle East and Africa", "roc-emea@example.com", "+353 1 555 0100");
    SupportContact americas = new SupportContact(
        "Regional Operations Center Americas", "roc-americas@example.com", "+1 701 555 0100");
    SupportContact apac = new SupportContact(
        "Regional Operations Center Asia Pacific", "roc-apac@example.com", "+65 6555 0100");
    Builder builder = builder(emea);
    List.of("US", "CA", "MX", "BR", "AR", "CL", "CO", "PE").forEach(c -> builder.country(c, americas));
    List.of("JP", "CN", "KR", "IN", "SG", "AU", "NZ", "ID", "MY", "TH", "VN", "PH").forEach(c -> builder.country(c, apac));
    return builder.build();
  }

  /**
   * The contact of customers in a country.
   *
   * @param country ISO 3166-1 alpha-2 code, any case, or {@code null} when unknown
   * @return the country's contact, or the fallback
   */
  public SupportContact contactFor(@Nullable String country) {
    if (country == null) {
      return fallback;
    }
    return byCountry.getOrDefault(country.toUpperCase(Locale.ROOT), fallback);
  }

  @Override
  public String toString() {
    return "SupportDirectory[" + byCountry.size() + " countries, fallback=" + fallback.name() + "]";
  }

  /** Builds a {@link SupportDirectory}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, SupportContact> byCountry = new HashMap<>();
    private final SupportContact fallback;

    private Builder(SupportContact fallback) {
      this.fallback = fallback;
    }

    /**
     * Names the contact of one country.
     *
     * @param country ISO 3166-1 alpha-2 code, such as {@code "RU"}
     * @param contact the contact
     * @return this builder
     */
    public Builder country(String country, SupportContact contact) {
      Objects.requireNonNull(country, "country");
      Objects.requireNonNull(contact, "contact");
      if (!country.matches("[A-Za-z]{2}")) {
        throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code: " + HeaderValues.printable(country));
      }
      byCountry.put(country.toUpperCase(Locale.ROOT), contact);
      return this;
    }

    /**
     * Builds the directory.
     *
     * @return the immutable directory
     */
    public SupportDirectory build() {
      return new SupportDirectory(this);
    }
  }
}
