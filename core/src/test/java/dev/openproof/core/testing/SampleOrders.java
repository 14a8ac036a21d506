package dev.openproof.core.testing;

import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.Customer;
import dev.openproof.core.model.Distributor;
import dev.openproof.core.model.LicenseType;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.OrderLine;
import dev.openproof.core.model.Program;
import dev.openproof.core.model.Reseller;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** The orders of {@code dev/openproof/samples} (see {@link SampleFiles}), built in Java, for the tests of every module. */
public final class SampleOrders {
  private SampleOrders() {}

  /** A Russian customer, two products (one with Software Assurance); digital route. */
  public static Order russian() {
    return new Order(
        OrderId.of("PO-2020-0815-001"),
        Program.OPEN_LICENSE,
        Instant.parse("2020-08-15T10:00:00Z"),
        Currency.getInstance("RUB"),
        null,
        new Distributor("D-1", "Example Distribution", "RU", "billing@distribution.example.test"),
        new Reseller("R-77", "Example Reseller", "RU", "orders@reseller.example.test"),
        new Customer("C-100234", "ООО «Ромашка»", "RU", "it@romashka.example.test", Locale.forLanguageTag("ru")),
        List.of(
            new OrderLine("021-10609", "Office Standard 2019", 25, LicenseType.LICENSE, new BigDecimal("31000.00")),
            new OrderLine("P73-07788", "Windows Server Standard 2019", 2, LicenseType.LICENSE_AND_SOFTWARE_ASSURANCE,
                new BigDecimal("71500.50"))));
  }

  /** Placed before the 2020-08-01 cut-over: the legacy physical route. */
  public static Order beforeCutover() {
    return new Order(
        OrderId.of("PO-2020-0720-017"),
        Program.OPEN_LICENSE,
        Instant.parse("2020-07-20T09:30:00Z"),
        Currency.getInstance("USD"),
        null,
        new Distributor("D-2", "Northwind Distribution", "US", "billing@northwind.example.test"),
        new Reseller("R-12", "Contoso IT Services", "US", "orders@contoso-it.example.test"),
        new Customer("C-552001", "Fabrikam Dental Group", "US", "office@fabrikam.example.test", Locale.ENGLISH),
        List.of(new OrderLine("79P-05552", "Project Standard 2019", 3, LicenseType.LICENSE, new BigDecimal("589.99"))));
  }

  /** An Open Value Subscription adding to an existing authorization, with term dates. */
  public static Order germanSubscription() {
    LocalDate starts = LocalDate.parse("2021-04-01");
    LocalDate ends = LocalDate.parse("2024-03-31");
    return new Order(
        OrderId.of("OVS-2021-0302-9"),
        Program.OPEN_VALUE_SUBSCRIPTION,
        Instant.parse("2021-03-02T13:05:00Z"),
        Currency.getInstance("EUR"),
        AuthorizationNumber.of("V4271183AUTH"),
        new Distributor("D-3", "Beispiel Distribution GmbH", "DE", "rechnung@distribution.example.test"),
        new Reseller("R-301", "Müller & Söhne IT", "DE", "bestellung@mueller-it.example.test"),
        new Customer("C-880045", "Bäckerei Schäfer KG", "DE", "it@baeckerei-schaefer.example.test", Locale.GERMAN),
        List.of(
            new OrderLine("KW5-00360", "Windows 10 Enterprise E3 (subscription)", 40, LicenseType.SUBSCRIPTION,
                new BigDecimal("7.10"), starts, ends),
            new OrderLine("T6A-00024", "Exchange Server Standard CAL", 40, LicenseType.LICENSE_AND_SOFTWARE_ASSURANCE,
                new BigDecimal("96.25"), starts, ends)));
  }

  /** A valid digital order like {@link #russian()} with another order id, customer id and e-mail. */
  public static Order numbered(int n) {
    Order base = russian();
    return new Order(
        OrderId.of("PO-GEN-" + n),
        base.program(),
        base.placedAt(),
        base.currency(),
        null,
        base.distributor(),
        base.reseller(),
        new Customer("C-GEN-" + n, "Customer " + n, "RU", "customer" + n + "@example.test", Locale.forLanguageTag("ru")),
        base.lines());
  }
}
