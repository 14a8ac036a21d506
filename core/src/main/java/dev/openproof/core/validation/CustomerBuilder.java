package dev.openproof.core.validation;

import dev.openproof.core.model.Customer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Customer} part by part: {@code
 * CustomerBuilder.create().id("C-1").name("Acme GmbH").country("DE").email("it@acme.example").language(Locale.GERMAN)}.
 * The language is English unless set; every other part is required. Hand the builder to {@link
 * OrderBuilder}, which reports its missing or invalid parts together with the order's, or call
 * {@link #build()}.
 *
 * <p>Not thread-safe.
 *
 * @since 0.1.0
 */
public final class CustomerBuilder {
  private @Nullable String id;
  private @Nullable String name;
  private @Nullable String country;
  private @Nullable String email;
  private Locale language = Locale.ENGLISH;

  private CustomerBuilder() {}

  /**
   * Starts building a customer part by part, for {@link OrderBuilder#customer(CustomerBuilder)}.
   *
   * @return a new builder
   */
  public static CustomerBuilder create() {
    return new CustomerBuilder();
  }

  /**
   * The customer's identifier in the host's systems; the proof's subject. Required.
   *
   * @param id 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}
   * @return this builder
   */
  public CustomerBuilder id(String id) {
    this.id = Objects.requireNonNull(id, "id");
    return this;
  }

  /**
   * The customer's legal name, printed on the proof. Required.
   *
   * @param name 1 to 200 characters, no control characters
   * @return this builder
   */
  public CustomerBuilder name(String name) {
    this.name = Objects.requireNonNull(name, "name");
    return this;
  }

  /**
   * The customer's country. Required.
   *
   * @param country an ISO 3166-1 alpha-2 code such as {@code DE}
   * @return this builder
   */
  public CustomerBuilder country(String country) {
    this.country = Objects.requireNonNull(country, "country");
    return this;
  }

  /**
   * The license contact's e-mail address: where the proof goes. Required.
   *
   * @param email the address
   * @return this builder
   */
  public CustomerBuilder email(String email) {
    this.email = Objects.requireNonNull(email, "email");
    return this;
  }

  /**
   * The language of the proof mail; English by default, and where no translation exists.
   *
   * @param language the language
   * @return this builder
   */
  public CustomerBuilder language(Locale language) {
    this.language = Objects.requireNonNull(language, "language");
    return this;
  }

  /**
   * Builds the customer. Only the presence of the parts is checked here; their form is checked when
   * the order is validated, as for a customer made with its constructor.
   *
   * @return the customer
   * @throws InvalidOrderException listing every missing part, with paths such as {@code email}
   */
  public Customer build() {
    List<Violation> missing = new ArrayList<>();
    Customer customer = assemble("", missing);
    if (!missing.isEmpty()) {
      throw new InvalidOrderException("the customer", missing);
    }
    return customer;
  }

  /**
   * Makes the customer, each missing part replaced by a valid placeholder and reported in {@code
   * missing} under {@code path}.
   */
  Customer assemble(String path, List<Violation> missing) {
    return new Customer(
        Parts.orPlaceholder(id, Parts.join(path, "id"), "ID", missing),
        Parts.orPlaceholder(name, Parts.join(path, "name"), "Name", missing),
        Parts.orPlaceholder(country, Parts.join(path, "country"), "DE", missing),
        Parts.orPlaceholder(email, Parts.join(path, "email"), "placeholder@example.test", missing),
        language);
  }

  /** A builder holding the parts of an existing customer. */
  static CustomerBuilder of(Customer customer) {
    return CustomerBuilder.create().id(customer.id()).name(customer.name()).country(customer.country())
        .email(customer.email()).language(customer.language());
  }
}
