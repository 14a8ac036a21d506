package dev.openproof.core.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.openproof.core.model.Customer;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderLine;
import dev.openproof.core.testing.SampleOrders;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One order id names one order: the same id with other content is refused, saying what differs. */
class OrderConflictTest {
  private final WorkflowFixture fx = new WorkflowFixture();
  private final LicenseFulfillment workflow = fx.workflow();
  private final Order first = SampleOrders.russian();

  private Order withCustomerName(String name) {
    Customer c = first.customer();
    return new Order(first.orderId(), first.program(), first.placedAt(), first.currency(), null, first.distributor(),
        first.reseller(), new Customer(c.id(), name, c.country(), c.email(), c.language()), first.lines());
  }

  @Test
  void theSameIdWithAnotherCustomerIsRefusedNamingTheCustomer() {
    workflow.fulfill(first);
    int invoices = fx.invoicing.calls.get();

    FulfillmentException e = catchThrowableOfType(FulfillmentException.class,
        () -> workflow.fulfill(withCustomerName("Other LLC")));

    assertThat(e.reasonCode()).isEqualTo("ORDER_CONFLICT");
    assertThat(e.getMessage()).contains("order " + first.orderId(), "customer differ").doesNotContain("lines");
    assertThat(fx.invoicing.calls.get()).isEqualTo(invoices);
    assertThat(workflow.fulfill(first).replayed()).isTrue();
  }

  @Test
  void linesAndPricesThatDifferAreNamedTogether() {
    workflow.fulfill(first);
    OrderLine line = first.lines().get(0);
    Order other = new Order(first.orderId(), first.program(), Instant.parse("2020-08-16T10:00:00Z"), first.currency(), null,
        first.distributor(), first.reseller(), first.customer(),
        List.of(new OrderLine(line.sku(), line.product(), line.quantity(), line.type(), line.unitPrice().add(BigDecimal.ONE))));

    FulfillmentException e = catchThrowableOfType(FulfillmentException.class, () -> workflow.fulfill(other));

    assertThat(e.getMessage()).contains("placed_at, lines differ");
  }

  @Test
  void theSameContentWrittenOtherwiseIsTheSameOrder() {
    workflow.fulfill(first);
    OrderLine line = first.lines().get(0);
    List<OrderLine> rewritten = new java.util.ArrayList<>(first.lines());
    rewritten.set(0, new OrderLine(line.sku(), line.product(), line.quantity(), line.type(),
        line.unitPrice().setScale(4), line.starts(), line.ends()));
    Order same = new Order(first.orderId(), first.program(), first.placedAt(), first.currency(), null, first.distributor(),
        first.reseller(), first.customer(), rewritten);

    assertThat(workflow.fulfill(same).replayed()).isTrue();
  }

  @Test
  void anOrderThatFailedHalfwayIsRefusedWithOtherContentToo() {
    fx.signerFailures.set(1);
    catchThrowableOfType(RuntimeException.class, () -> workflow.fulfill(first));

    FulfillmentException e = catchThrowableOfType(FulfillmentException.class,
        () -> workflow.fulfill(withCustomerName("Other LLC")));

    assertThat(e.reasonCode()).isEqualTo("ORDER_CONFLICT");
    assertThat(workflow.fulfill(first).issuedProof()).isPresent();
  }
}
