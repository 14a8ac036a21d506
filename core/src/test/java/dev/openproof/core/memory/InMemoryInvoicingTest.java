package dev.openproof.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.InvoiceId;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.LicenseType;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderLine;
import dev.openproof.core.model.PartyRef;
import dev.openproof.core.exchange.InvoiceRequest;
import dev.openproof.core.testing.SampleOrders;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryInvoicingTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  private final InMemoryInvoicing invoicing = InMemoryInvoicing.create();

  private Invoice issue(Order order, InvoiceLeg leg) {
    return invoicing.issue(new InvoiceRequest(InvoiceId.of(leg + "-" + order.orderId()), leg, order, T0));
  }

  @Test
  void theDistributorInvoicesTheResellerTheOrdersPrices() {
    Invoice invoice = issue(SampleOrders.russian(), InvoiceLeg.DISTRIBUTOR_TO_RESELLER);
    assertThat(invoice.seller().id()).isEqualTo("D-1");
    assertThat(invoice.buyer().id()).isEqualTo("R-77");
    assertThat(invoice.total().toString()).isEqualTo("918001.00 RUB");
  }

  @Test
  void theVendorInvoicesTheDistributorLessItsMargin() {
    Invoice invoice = issue(SampleOrders.russian(), InvoiceLeg.VENDOR_TO_DISTRIBUTOR);
    assertThat(invoice.seller()).isEqualTo(InMemoryInvoicing.DEFAULT_VENDOR);
    assertThat(invoice.buyer().id()).isEqualTo("D-1");
    assertThat(invoice.lines().get(0).unitPrice()).isEqualByComparingTo("28520");
    assertThat(invoice.lines().get(1).unitPrice()).isEqualByComparingTo("65780.46");
    assertThat(invoice.lines().get(1).amount().amount()).isEqualByComparingTo("131560.92");
    assertThat(invoice.total().toString()).isEqualTo("844560.92 RUB");
  }

  @Test
  void amountsAreExactToTheMinorUnitWithoutFloatingPoint() {
    Order base = SampleOrders.russian();
    Order yen = new Order(base.orderId(), base.program(), base.placedAt(), Currency.getInstance("JPY"), null,
        base.distributor(), base.reseller(), base.customer(),
        List.of(new OrderLine("A-1", "A", 3, LicenseType.LICENSE, new BigDecimal("0.1")),
            new OrderLine("B-1", "B", 7, LicenseType.LICENSE, new BigDecimal("333.3333"))));
    Invoice invoice = issue(yen, InvoiceLeg.DISTRIBUTOR_TO_RESELLER);
    assertThat(invoice.lines()).extracting(l -> l.amount().toString()).containsExactly("0 JPY", "2333 JPY");
    assertThat(invoice.total().toString()).isEqualTo("2333 JPY");
  }

  @Test
  void aRepeatedRequestReturnsTheInvoiceAlreadyIssued() {
    Invoice first = issue(SampleOrders.russian(), InvoiceLeg.VENDOR_TO_DISTRIBUTOR);
    Invoice again = issue(SampleOrders.russian(), InvoiceLeg.VENDOR_TO_DISTRIBUTOR);
    assertThat(again).isSameAs(first);
    assertThat(invoicing.invoices()).hasSize(1);
  }

  @Test
  void theMarginIsConfigurableWithinRange() {
    InMemoryInvoicing generous = InMemoryInvoicing.create(new PartyRef("V", "Vendor", "US"), new BigDecimal("0.5"));
    Invoice invoice = generous.issue(new InvoiceRequest(InvoiceId.of("x"), InvoiceLeg.VENDOR_TO_DISTRIBUTOR,
        SampleOrders.beforeCutover(), T0));
    // 3 x 294.995 = 884.985, rounded half-even
    assertThat(invoice.total().toString()).isEqualTo("884.98 USD");
    assertThatThrownBy(() -> InMemoryInvoicing.create(InMemoryInvoicing.DEFAULT_VENDOR, BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InMemoryInvoicing.create(InMemoryInvoicing.DEFAULT_VENDOR, new BigDecimal("-0.01")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
