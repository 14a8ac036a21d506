package dev.openproof.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.model.Customer;
import dev.openproof.core.model.Distributor;
import dev.openproof.core.model.LicenseType;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.OrderLine;
import dev.openproof.core.model.Program;
import dev.openproof.core.model.Reseller;
import dev.openproof.core.testing.SampleOrders;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class OrderValidatorTest {
  private final OrderValidator validator = OrderValidator.create();

  /** The violations of the sample order-invalid.json (dev/openproof/samples in this test-jar) that survive typing into Java. */
  private static Order invalidSample() {
    return new Order(
        OrderId.of("bad id with spaces"),
        Program.OPEN_LICENSE,
        Instant.parse("2020-08-15T10:00:00Z"),
        Currency.getInstance("EUR"),
        null,
        new Distributor("D-1", "", "Germany", "billing@distribution.example.test"),
        new Reseller("R-77", "Example Reseller", "RU", "not-an-address"),
        new Customer("C-1", "Evil\r\nBcc: victim@example.test", "RU", "it@romashka.example.test\r\nBcc: x@example.test",
            Locale.forLanguageTag("ru")),
        List.of(new OrderLine("021-10609", "Office Standard 2019", 0, LicenseType.LICENSE, new BigDecimal("-5"))));
  }

  @Test
  void theSampleOrdersAreValid() {
    assertThat(validator.violations(SampleOrders.russian())).isEmpty();
    assertThat(validator.violations(SampleOrders.beforeCutover())).isEmpty();
    assertThat(validator.violations(SampleOrders.germanSubscription())).isEmpty();
  }

  @Test
  void everyViolationIsListedAtOnceWithItsWirePath() {
    assertThat(validator.violations(invalidSample())).extracting(Violation::toString).containsExactly(
        "customer.email: must be an e-mail address of at most 254 characters with no spaces or control characters:"
            + " ASCII, such as it@example.com, no quoted local part, no address literal",
        "customer.name: must be 1 to 200 characters with no control characters (no CR, LF or NUL),"
            + " not only spaces, and no bidirectional controls",
        "distributor.country: must be an ISO 3166-1 alpha-2 country code such as DE, assigned to a country (not ZZ, EU or UK)",
        "distributor.name: must be 1 to 200 characters with no control characters (no CR, LF or NUL),"
            + " not only spaces, and no bidirectional controls",
        "lines[0].quantity: must be at least 1",
        "lines[0].unit_price: must not be negative",
        "order_id: must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
        "reseller.email: must be an e-mail address of at most 254 characters with no spaces or control characters:"
            + " ASCII, such as it@example.com, no quoted local part, no address literal");
  }

  @Test
  void checkThrowsOneExceptionNamingEveryViolation() {
    assertThatThrownBy(() -> validator.check(invalidSample()))
        .isInstanceOfSatisfying(InvalidOrderException.class, e -> {
          assertThat(e.reasonCode()).isEqualTo("INVALID_ORDER");
          assertThat(e.violations()).hasSize(8);
          assertThat(e.getMessage())
              .startsWith("order bad id with spaces is invalid (8 violations): ")
              .contains("lines[0].quantity: must be at least 1", "reseller.email");
        });
  }

  @Test
  void aLineDeepInTheOrderIsNamedByItsIndex() {
    Order base = SampleOrders.russian();
    List<OrderLine> lines = new ArrayList<>(base.lines());
    lines.add(new OrderLine("X-1", "Visio", 2_000_000, LicenseType.LICENSE, new BigDecimal("1.23456")));
    assertThat(validator.violations(withLines(base, lines))).extracting(Violation::toString).containsExactly(
        "lines[2].quantity: must be at most 1000000",
        "lines[2].unit_price: must have at most 12 integer and 4 fraction digits");
  }

  @Test
  void aTermThatEndsBeforeItStartsIsRefused() {
    Order base = SampleOrders.russian();
    OrderLine backwards = new OrderLine("X-1", "Visio", 1, LicenseType.SUBSCRIPTION, BigDecimal.ONE,
        LocalDate.parse("2024-01-02"), LocalDate.parse("2024-01-01"));
    assertThat(validator.violations(withLines(base, List.of(backwards)))).extracting(Violation::toString)
        .containsExactly("lines[0].ends: must not be before the line's start date");
  }

  @Test
  void anOrderNeedsOneToFiveHundredLines() {
    Order base = SampleOrders.russian();
    assertThat(validator.violations(withLines(base, List.of()))).extracting(Violation::toString)
        .containsExactly("lines: must hold 1 to 500 lines");
    List<OrderLine> many = Collections.nCopies(501, base.lines().get(0));
    assertThat(validator.violations(withLines(base, many))).extracting(Violation::toString)
        .containsExactly("lines: must hold 1 to 500 lines");
  }

  @Test
  void nulNameAndOverlongTextAreRefused() {
    Order base = SampleOrders.russian();
    Order bad = new Order(base.orderId(), base.program(), base.placedAt(), base.currency(), null,
        base.distributor(),
        new Reseller("R-77", "a".repeat(201), "RU", "orders@reseller.example.test"),
        new Customer("C-1", "Nul\u0000Name", "RU", "a@b.example", Locale.ENGLISH),
        base.lines());
    assertThat(validator.violations(bad)).extracting(Violation::path).containsExactly("customer.name", "reseller.name");
  }

  @Test
  void wirePathsUseSnakeCase() {
    assertThat(OrderValidator.snakeCase("unitPrice")).isEqualTo("unit_price");
    assertThat(OrderValidator.snakeCase("authorizationNumber")).isEqualTo("authorization_number");
    assertThat(OrderValidator.snakeCase("sku")).isEqualTo("sku");
  }

  private static Order withLines(Order base, List<OrderLine> lines) {
    return new Order(base.orderId(), base.program(), base.placedAt(), base.currency(), base.authorizationNumber(),
        base.distributor(), base.reseller(), base.customer(), lines);
  }
}
