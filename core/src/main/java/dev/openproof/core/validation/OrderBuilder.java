package dev.openproof.core.validation;

import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.Customer;
import dev.openproof.core.model.Distributor;
import dev.openproof.core.model.LicenseType;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.OrderLine;
import dev.openproof.core.model.Program;
import dev.openproof.core.model.Reseller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link Order} part by part, each part named:
 *
 * <pre>{@code
 * Order order = OrderBuilder.create()
 *     .id("ACME-1")
 *     .program(Program.OPEN_LICENSE)
 *     .placedAt(Instant.parse("2026-11-30T09:00:00Z"))
 *     .currency("EUR")
 *     .distributor(PartyBuilder.distributor().id("D-1").name("Example Distribution").country("DE").email("billing@…"))
 *     .reseller(PartyBuilder.reseller().id("R-7").name("Example Reseller").country("DE").email("orders@…"))
 *     .customer(CustomerBuilder.create().id("C-1").name("Acme GmbH").country("DE").email("it@…").language(Locale.GERMAN))
 *     .line(OrderLine.perpetual("021-10609", "Office Standard 2019", 25, LicenseType.LICENSE, new BigDecimal("310.00")))
 *     .build();
 * }</pre>
 *
 * <p>Every part but the {@linkplain #authorizationNumber authorization number} is required, and at
 * least one line. {@link #build()} checks the order as {@link OrderValidator} does and reports every
 * missing or invalid part at once, with the wire contract's paths ({@code customer.email}, {@code
 * lines[0].quantity}), so a builder's failure reads like a validation failure.
 *
 * <p>Not thread-safe; the order it builds is immutable.
 *
 * @since 0.1.0
 */
public final class OrderBuilder {
  private static final Comparator<Violation> ORDER =
      Comparator.comparing(Violation::path).thenComparing(Violation::message);

  private @Nullable String id;
  private @Nullable Program program;
  private @Nullable Instant placedAt;
  private @Nullable String currency;
  private @Nullable String authorizationNumber;
  private @Nullable PartyBuilder<Distributor> distributor;
  private @Nullable PartyBuilder<Reseller> reseller;
  private @Nullable CustomerBuilder customer;
  private final List<OrderLine> lines = new ArrayList<>();

  private OrderBuilder() {}

  /**
   * Starts building an order part by part; {@link #build()} reports every missing or invalid part at
   * once.
   *
   * @return a new builder
   */
  public static OrderBuilder create() {
    return new OrderBuilder();
  }

  /**
   * The order's identifier in the host's ordering system; fulfillment is idempotent by it. Required.
   *
   * @param id 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}
   * @return this builder
   */
  public OrderBuilder id(String id) {
    this.id = Objects.requireNonNull(id, "id");
    return this;
  }

  /**
   * The program the order is placed under. Required.
   *
   * @param program the program
   * @return this builder
   */
  public OrderBuilder program(Program program) {
    this.program = Objects.requireNonNull(program, "program");
    return this;
  }

  /**
   * When the order was placed; it decides the physical or digital route. Required.
   *
   * @param placedAt the instant
   * @return this builder
   */
  public OrderBuilder placedAt(Instant placedAt) {
    this.placedAt = Objects.requireNonNull(placedAt, "placedAt");
    return this;
  }

  /**
   * The currency of the prices. Required.
   *
   * @param code an ISO 4217 code such as {@code EUR}
   * @return this builder
   */
  public OrderBuilder currency(String code) {
    this.currency = Objects.requireNonNull(code, "code");
    return this;
  }

  /**
   * The currency of the prices. Required.
   *
   * @param currency the currency
   * @return this builder
   */
  public OrderBuilder currency(Currency currency) {
    return currency(Objects.requireNonNull(currency, "currency").getCurrencyCode());
  }

  /**
   * The customer's existing authorization that this order adds to; without it the order starts a
   * new one.
   *
   * @param authorizationNumber the authorization number
   * @return this builder
   */
  public OrderBuilder authorizationNumber(String authorizationNumber) {
    this.authorizationNumber = Objects.requireNonNull(authorizationNumber, "authorizationNumber");
    return this;
  }

  /**
   * The distributor. Required.
   *
   * @param distributor the distributor
   * @return this builder
   */
  public OrderBuilder distributor(Distributor distributor) {
    this.distributor = PartyBuilder.of(Objects.requireNonNull(distributor, "distributor"), Distributor::new);
    return this;
  }

  /**
   * The distributor, whose missing parts {@link #build()} reports with the order's.
   *
   * @param distributor the distributor's builder; later changes to it are seen by {@link #build()}
   * @return this builder
   */
  public OrderBuilder distributor(PartyBuilder<Distributor> distributor) {
    this.distributor = Objects.requireNonNull(distributor, "distributor");
    return this;
  }

  /**
   * The reseller. Required.
   *
   * @param reseller the reseller
   * @return this builder
   */
  public OrderBuilder reseller(Reseller reseller) {
    this.reseller = PartyBuilder.of(Objects.requireNonNull(reseller, "reseller"), Reseller::new);
    return this;
  }

  /**
   * The reseller, whose missing parts {@link #build()} reports with the order's.
   *
   * @param reseller the reseller's builder; later changes to it are seen by {@link #build()}
   * @return this builder
   */
  public OrderBuilder reseller(PartyBuilder<Reseller> reseller) {
    this.reseller = Objects.requireNonNull(reseller, "reseller");
    return this;
  }

  /**
   * The customer, who receives the proof. Required.
   *
   * @param customer the customer
   * @return this builder
   */
  public OrderBuilder customer(Customer customer) {
    this.customer = CustomerBuilder.of(Objects.requireNonNull(customer, "customer"));
    return this;
  }

  /**
   * The customer, whose missing parts {@link #build()} reports with the order's.
   *
   * @param customer the customer's builder; later changes to it are seen by {@link #build()}
   * @return this builder
   */
  public OrderBuilder customer(CustomerBuilder customer) {
    this.customer = Objects.requireNonNull(customer, "customer");
    return this;
  }

  /**
   * Adds a line; at least one is required, at most 500.
   *
   * @param line the line, such as {@link OrderLine#perpetual} or {@link OrderLine#term}
   * @return this builder
   */
  public OrderBuilder line(OrderLine line) {
    lines.add(Objects.requireNonNull(line, "line"));
    return this;
  }

  /**
   * Adds lines, in their order.
   *
   * @param lines the lines
   * @return this builder
   */
  public OrderBuilder lines(Collection<OrderLine> lines) {
    for (OrderLine line : Objects.requireNonNull(lines, "lines")) {
      line(line);
    }
    return this;
  }

  /**
   * Builds the order and checks it as {@link OrderValidator#check(Order)} does.
   *
   * @return the valid order
   * @throws InvalidOrderException listing every missing or invalid part at once, sorted by path
   */
  public Order build() {
    List<Violation> missing = new ArrayList<>();
    List<Violation> invalid = new ArrayList<>();
    Order probe = new Order(
        OrderId.of(Parts.orPlaceholder(Parts.blankAsMissing(id), "order_id", "ORDER", missing)),
        Parts.orPlaceholder(program, "program", Program.OPEN_LICENSE, missing),
        Parts.orPlaceholder(placedAt, "placed_at", Instant.EPOCH, missing),
        currency(invalid),
        authorizationNumber == null ? null : authorization(invalid),
        distributor == null ? Parts.missingParty("distributor", PartyBuilder.distributor(), missing)
            : distributor.assemble("distributor", missing),
        reseller == null ? Parts.missingParty("reseller", PartyBuilder.reseller(), missing)
            : reseller.assemble("reseller", missing),
        customer == null ? Parts.missingCustomer(missing) : customer.assemble("customer", missing),
        lines);
    List<Violation> all = new ArrayList<>(missing);
    all.addAll(invalid);
    for (Violation v : Validation.VALIDATOR.violations(probe)) {
      if (missing.stream().noneMatch(m -> Parts.within(v.path(), m.path()))
          && invalid.stream().noneMatch(m -> Parts.within(v.path(), m.path()))) {
        all.add(v);
      }
    }
    if (!all.isEmpty()) {
      all.sort(ORDER);
      throw new InvalidOrderException(id == null || id.isBlank() ? "the order" : "order " + id, List.copyOf(all));
    }
    return probe;
  }

  private Currency currency(List<Violation> invalid) {
    if (currency == null) {
      invalid.add(new Violation("currency", Parts.MISSING));
      return Currency.getInstance("EUR");
    }
    try {
      return Currency.getInstance(currency);
    } catch (IllegalArgumentException e) {
      invalid.add(new Violation("currency", "must be an ISO 4217 currency code such as EUR"));
      return Currency.getInstance("EUR");
    }
  }

  private AuthorizationNumber authorization(List<Violation> invalid) {
    String value = Objects.requireNonNull(authorizationNumber);
    if (value.isBlank()) {
      invalid.add(new Violation("authorization_number", "must not be blank"));
      return AuthorizationNumber.of("AUTH");
    }
    return AuthorizationNumber.of(value);
  }

  /** One validator for every builder: building one is costly, and it is thread-safe. */
  private static final class Validation {
    static final OrderValidator VALIDATOR = OrderValidator.create();
  }
}
