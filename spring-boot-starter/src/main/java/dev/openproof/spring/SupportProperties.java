package dev.openproof.spring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code openproof.support.*} properties: whom customers contact, by region. Each region names
 * its contact and its countries; customers of other countries get the {@link #getFallback()
 * fallback} region's. Without regions, the mail adapter's three placeholder Regional Operations
 * Centers are used.
 *
 * @since 0.1.0
 */
public class SupportProperties {
  /** The regions, by a name of your choosing (emea, americas, …). */
  private Map<String, @Valid Region> regions = new LinkedHashMap<>();

  /** The region whose contact customers of a country without a region get; required with regions. */
  private @Nullable String fallback;

  /** Creates the properties with their defaults. */
  public SupportProperties() {}

  /** @return the regions */
  public Map<String, Region> getRegions() {
    return regions;
  }

  /** @param regions the regions */
  public void setRegions(Map<String, Region> regions) {
    this.regions = regions;
  }

  /** @return the fallback region's name */
  public @Nullable String getFallback() {
    return fallback;
  }

  /** @param fallback the fallback region's name */
  public void setFallback(@Nullable String fallback) {
    this.fallback = fallback;
  }

  /** One region's support contact and countries. */
  public static class Region {
    /** The contact's name, as the mail shows it. */
    @NotBlank
    private String name = "";

    /** The contact's mail address. */
    @NotBlank
    @Email
    private String email = "";

    /** The contact's phone number, optional. */
    private @Nullable String phone;

    /** ISO 3166-1 alpha-2 codes of the region's countries. */
    private List<@Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String> countries =
        new ArrayList<>();

    /** Creates an empty region. */
    public Region() {}

    /** @return the contact's name */
    public String getName() {
      return name;
    }

    /** @param name the contact's name */
    public void setName(String name) {
      this.name = name;
    }

    /** @return the contact's mail address */
    public String getEmail() {
      return email;
    }

    /** @param email the contact's mail address */
    public void setEmail(String email) {
      this.email = email;
    }

    /** @return the phone number, or null */
    public @Nullable String getPhone() {
      return phone;
    }

    /** @param phone the phone number */
    public void setPhone(@Nullable String phone) {
      this.phone = phone;
    }

    /** @return the countries */
    public List<String> getCountries() {
      return countries;
    }

    /** @param countries the countries */
    public void setCountries(List<String> countries) {
      this.countries = countries;
    }
  }
}
