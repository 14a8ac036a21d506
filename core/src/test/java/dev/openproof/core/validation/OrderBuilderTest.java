package dev.openproof.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.openproof.core.model.Customer;
import dev.openproof.core.model.LicenseType;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderLine;
import dev.openproof.core.model.Program;
import dev.openproof.core.model.Reseller;
import dev.openproof.core.testing.SampleOrders;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class OrderBuilderTest {

  private static OrderBuilder russian() {
    return OrderBuilder.create()
        .id("PO-2020-0815-001")
        .program(Program.OPEN_LICENSE)
        .placedAt(Instant.parse("2020-08-15T10:00:00Z"))
        .currency("RUB")
        .distributor(PartyBuilder.distributor().id("D-1").name("Example Distribution").country("RU")
            .email("billing@distribution.example.test"))
        .reseller(PartyBuilder.reseller().id("R-77").name("Example Reseller").country("RU")
            .email("orders@reseller.example.test"))
        .customer(CustomerBuilder.create().id("C-100234").name("ООО «Ромашка»").country("RU")
            .email("it@romashka.example.test").language(Locale.forLanguageTag("ru")))
        .line(OrderLine.perpetual("021-10609", "Office Standard 2019", 25, LicenseType.LICENSE,
            new BigDecimal("31000.00")))
        .line(OrderLine.perpetual("P73-07788", "Windows Server Standard 2019", 2,
            LicenseType.LICENSE_AND_SOFTWARE_ASSURANCE, new BigDecimal("71500.50")));
  }

  private static InvalidOrderException failure(OrderBuilder builder) {
    return catchThrowableOfType(InvalidOrderException.class, builder::build);
  }

  @Test
  void buildsTheSameOrderAsTheConstructor() {
    assertThat(russian().build()).isEqualTo(SampleOrders.russian());
  }

  @Test
  void takesFinishedPartiesAndTermLines() {
    Order sample = SampleOrders.germanSubscription();
    OrderLine first = sample.lines().get(0);
    OrderLine second = sample.lines().get(1);

    Order built = OrderBuilder.create()
        .id(sample.orderId().value())
        .program(sample.program())
        .placedAt(sample.placedAt())
        .currency(sample.currency())
        .authorizationNumber("V4271183AUTH")
        .distributor(sample.distributor())
        .reseller(sample.reseller())
        .customer(sample.customer())
        .line(OrderLine.term(first.sku(), first.product(), first.quantity(), first.type(), first.unitPrice(),
            LocalDate.parse("2021-04-01"), LocalDate.parse("2024-03-31")))
        .lines(List.of(second))
        .build();

    assertThat(built).isEqualTo(sample);
  }

  @Test
  void anEmptyBuilderNamesEveryMissingPartAtOnce() {
    InvalidOrderException e = failure(OrderBuilder.create());

    assertThat(e.reason()).isEqualTo(InvalidOrderException.Reason.INVALID_ORDER);
    assertThat(e.violations()).extracting(Violation::toString).containsExactly(
        "currency: must be present",
        "customer: must be present",
        "distributor: must be present",
        "lines: must hold 1 to 500 lines",
        "order_id: must be present",
        "placed_at: must be present",
        "program: must be present",
        "reseller: must be present");
    assertThat(e.getMessage()).startsWith("the order is invalid (8 violations): currency: must be present; ");
  }

  @Test
  void missingAndInvalidPartsAreReportedTogetherWithValidationsPaths() {
    OrderBuilder builder = russian()
        .currency("EURO")
        .customer(CustomerBuilder.create().id("C-1").name("Evil\r\nBcc: victim@example.test").country("RU"))
        .reseller(PartyBuilder.reseller().id("R-77").name("Example Reseller").country("Russia").email("not-an-address"))
        .line(OrderLine.perpetual("021-10609", "Office", 0, LicenseType.LICENSE, new BigDecimal("-5")))
        .line(OrderLine.term("KW5-00360", "Windows 10 Enterprise E3", 1, LicenseType.SUBSCRIPTION, BigDecimal.TEN,
            LocalDate.parse("2021-04-01"), LocalDate.parse("2021-03-31")));

    InvalidOrderException e = failure(builder);

    assertThat(e.violations()).extracting(Violation::toString).containsExactly(
        "currency: must be an ISO 4217 currency code such as EUR",
        "customer.email: must be present",
        "customer.name: must be 1 to 200 characters with no control characters (no CR, LF or NUL), not only spaces,"
            + " and no bidirectional controls",
        "lines[2].quantity: must be at least 1",
        "lines[2].unit_price: must not be negative",
        "lines[3].ends: must not be before the line's start date",
        "reseller.country: must be an ISO 3166-1 alpha-2 country code such as DE, assigned to a country (not ZZ, EU or UK)",
        "reseller.email: must be an e-mail address of at most 254 characters with no spaces or control characters: ASCII,"
            + " such as it@example.com, no quoted local part, no address literal");
    assertThat(e.getMessage()).startsWith("order PO-2020-0815-001 is invalid (8 violations)");
  }

  @Test
  void aValidOrderFromTheBuilderPassesValidation() {
    assertThat(OrderValidator.create().violations(russian().build())).isEmpty();
  }

  @Test
  void aPartyBuilderNamesItsMissingParts() {
    InvalidOrderException party = catchThrowableOfType(InvalidOrderException.class,
        () -> PartyBuilder.distributor().id("D-1").build());

    assertThat(party.violations()).extracting(Violation::toString)
        .containsExactly("name: must be present", "country: must be present", "email: must be present");
    assertThat(CustomerBuilder.create().id("C-1").name("Acme").country("DE").email("it@acme.example.test").build())
        .isEqualTo(new Customer("C-1", "Acme", "DE", "it@acme.example.test", Locale.ENGLISH));
  }

  @Test
  void theLineFactoriesSetOrLeaveTheTerm() {
    OrderLine perpetual = OrderLine.perpetual("A-1", "Product", 3, LicenseType.LICENSE, BigDecimal.ONE);
    OrderLine term = OrderLine.term("A-1", "Product", 3, LicenseType.SUBSCRIPTION, BigDecimal.ONE,
        LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"));

    assertThat(perpetual.startDate()).isEmpty();
    assertThat(perpetual.endDate()).isEmpty();
    assertThat(term.startDate()).contains(LocalDate.parse("2026-01-01"));
    assertThat(term.endDate()).contains(LocalDate.parse("2026-12-31"));
  }
}
