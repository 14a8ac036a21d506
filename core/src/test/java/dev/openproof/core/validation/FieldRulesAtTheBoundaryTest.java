package dev.openproof.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.model.Customer;
import dev.openproof.core.model.Distributor;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderLine;
import dev.openproof.core.testing.SampleOrders;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation refuses what a later stage (signer, mailer, ledger) would refuse: one rule per field. */
class FieldRulesAtTheBoundaryTest {
  private static final OrderValidator VALIDATOR = OrderValidator.create();
  private static final Order BASE = SampleOrders.russian();

  private static Order withCustomer(String name, String country, String email, Locale language) {
    return new Order(BASE.orderId(), BASE.program(), BASE.placedAt(), BASE.currency(), null, BASE.distributor(),
        BASE.reseller(), new Customer(BASE.customer().id(), name, country, email, language), BASE.lines());
  }

  private static Order withEmail(String email) {
    Customer c = BASE.customer();
    return withCustomer(c.name(), c.country(), email, c.language());
  }

  private static List<String> paths(Order order) {
    return VALIDATOR.violations(order).stream().map(Violation::path).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"it@[127.0.0.1]", "\"it dept\"@romashka.example.test", "\"it\"@romashka.example.test",
      "jöhn@romashka.example.test", "it\u202E@romashka.example.test", "it@romashka\u202E.example.test",
      "it@cusтomer.example", "it@localhost", "it@-romashka.example.test", "it@romashka-.example.test",
      ".it@romashka.example.test", "it.@romashka.example.test", "i..t@romashka.example.test", "it@romashka..example.test",
      "it@romashka.example.123", "it@", "@romashka.example.test", "it@@romashka.example.test", "it(comment)@example.test",
      "it@example.test.", "it @example.test", "it\u00a0@example.test", "it\u200b@example.test"})
  void refusesMailboxesTheMailerWouldRefuse(String email) {
    assertThat(paths(withEmail(email))).containsExactly("customer.email");
  }

  @Test
  void refusesOverlongMailboxesWithoutExhaustingTheStack() {
    assertThat(paths(withEmail("a".repeat(65) + "@example.test"))).containsExactly("customer.email");
    assertThat(paths(withEmail("it@" + "a.".repeat(9_000) + "test"))).containsExactly("customer.email");
    assertThat(paths(withEmail(".".repeat(18_000)))).containsExactly("customer.email");
  }

  @ParameterizedTest
  @ValueSource(strings = {"it@romashka.example.test", "first.last+tag@sub.example.co.uk", "o'brien@example.ie",
      "x@xn--80akhbyknj4f.xn--p1ai", "A-Z_09!#$%&*/=?^`{|}~@EXAMPLE.TEST"})
  void acceptsOrdinaryAsciiMailboxes(String email) {
    assertThat(paths(withEmail(email))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "   ", "\t", "\u3000", "Romashka\u202E LLC", "Romashka\u2066 LLC", "Romashka\u0085"})
  void refusesBlankNamesAndBidirectionalControls(String name) {
    Customer c = BASE.customer();
    assertThat(paths(withCustomer(name, c.country(), c.email(), c.language()))).containsExactly("customer.name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ZZ", "EU", "UK", "XK", "AA", "QM", "XA", "de", "D1"})
  void refusesCountriesNotForTrade(String country) {
    Customer c = BASE.customer();
    assertThat(paths(withCustomer(c.name(), country, c.email(), c.language()))).containsExactly("customer.country");
    Order byDistributor = new Order(BASE.orderId(), BASE.program(), BASE.placedAt(), BASE.currency(), null,
        new Distributor("D-1", "Distribution", country, "billing@distribution.example.test"),
        BASE.reseller(), BASE.customer(), BASE.lines());
    assertThat(paths(byDistributor)).containsExactly("distributor.country");
  }

  @ParameterizedTest
  @ValueSource(strings = {"XXX", "XTS", "XAU", "XAG", "XDR", "XSU", "BOV", "CHE", "USN", "CLF"})
  void refusesCurrenciesNotForTrade(String code) {
    Order order = new Order(BASE.orderId(), BASE.program(), BASE.placedAt(), Currency.getInstance(code), null,
        BASE.distributor(), BASE.reseller(), BASE.customer(), BASE.lines());
    assertThat(paths(order)).containsExactly("currency");
  }

  @ParameterizedTest
  @ValueSource(strings = {"EUR", "RUB", "JPY", "XOF", "KWD"})
  void acceptsCurrenciesOneInvoicesIn(String code) {
    Order order = new Order(BASE.orderId(), BASE.program(), BASE.placedAt(), Currency.getInstance(code), null,
        BASE.distributor(), BASE.reseller(), BASE.customer(), BASE.lines());
    assertThat(paths(order)).isEmpty();
  }

  @Test
  void refusesTimesNoStageCanCarry() {
    for (Instant placedAt : List.of(Instant.parse("+12020-08-15T10:00:00Z"), Instant.parse("1969-12-31T23:59:59Z"),
        Instant.MAX, Instant.MIN)) {
      Order order = new Order(BASE.orderId(), BASE.program(), placedAt, BASE.currency(), null,
          BASE.distributor(), BASE.reseller(), BASE.customer(), BASE.lines());
      assertThat(paths(order)).as(placedAt.toString()).contains("placed_at");
    }
    OrderLine line = BASE.lines().get(0);
    Order farTerm = new Order(BASE.orderId(), BASE.program(), BASE.placedAt(), BASE.currency(), null,
        BASE.distributor(), BASE.reseller(), BASE.customer(), List.of(new OrderLine(line.sku(), line.product(),
            line.quantity(), line.type(), line.unitPrice(), LocalDate.of(2020, 1, 1), LocalDate.of(12020, 1, 1))));
    assertThat(paths(farTerm)).containsExactly("lines[0].ends");
  }

  @Test
  void refusesLanguageTagsLongerThanTheLedgerAndAnyStageCarries() {
    Customer c = BASE.customer();
    Locale long36 = Locale.forLanguageTag("de-DE-x-" + "abcdefgh-".repeat(3) + "ab");
    assertThat(long36.toLanguageTag()).hasSizeGreaterThan(35);
    assertThat(paths(withCustomer(c.name(), c.country(), c.email(), long36))).containsExactly("customer.language");
    Locale huge = Locale.forLanguageTag("en-x-" + "abcdefgh-".repeat(2_000) + "ab");
    assertThat(paths(withCustomer(c.name(), c.country(), c.email(), huge))).containsExactly("customer.language");
    assertThat(paths(withCustomer(c.name(), c.country(), c.email(), Locale.ROOT))).containsExactly("customer.language");
    assertThat(paths(withCustomer(c.name(), c.country(), c.email(), Locale.forLanguageTag("de-AT")))).isEmpty();
  }
}
