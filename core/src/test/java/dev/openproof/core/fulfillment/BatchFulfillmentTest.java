package dev.openproof.core.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.model.Customer;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.Route;
import dev.openproof.core.testing.SampleOrders;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** fulfillAll answers each order as fulfill would, does nothing twice, and lets a bad order fail alone. */
class BatchFulfillmentTest {
  private final WorkflowFixture fx = new WorkflowFixture();

  private static List<Order> numbered(int from, int to) {
    return IntStream.range(from, to).mapToObj(SampleOrders::numbered).toList();
  }

  private static Order withEmail(Order order, String email) {
    Customer c = order.customer();
    return new Order(order.orderId(), order.program(), order.placedAt(), order.currency(), null, order.distributor(),
        order.reseller(), new Customer(c.id(), c.name(), c.country(), email, c.language()), order.lines());
  }

  private static List<FulfillmentResult> results(List<FulfillmentOutcome> outcomes) {
    return outcomes.stream().map(o -> o.fulfilled().orElseThrow(() -> new AssertionError(o.toString()))).toList();
  }

  @Test
  void eachResultIsWhatTheLedgerHoldsAndWhatFulfillReturnsOnReplay() {
    LicenseFulfillment workflow = fx.builder().batchSize(7).build();
    List<Order> orders = numbered(1, 31);

    List<FulfillmentResult> first = results(workflow.fulfillAll(orders));

    assertThat(first).extracting(FulfillmentResult::orderId).containsExactlyElementsOf(orders.stream().map(Order::orderId).toList());
    assertThat(first).noneMatch(FulfillmentResult::replayed).allMatch(r -> r.route() == Route.DIGITAL);
    assertThat(first).allMatch(r -> r.invoices().size() == 2);
    assertThat(first).allMatch(r -> r.firstDelivery().orElseThrow().status() == DeliveryStatus.DELIVERED);
    for (FulfillmentResult result : first) {
      FulfillmentResult found = workflow.find(result.orderId()).orElseThrow();
      assertThat(found.invoices()).isEqualTo(result.invoices());
      assertThat(found.issuedProof()).isEqualTo(result.issuedProof());
      assertThat(found.firstDelivery()).isEqualTo(result.firstDelivery());
      FulfillmentResult replayed = workflow.fulfill(orders.get(first.indexOf(result)));
      assertThat(replayed.replayed()).isTrue();
      assertThat(replayed.issuedProof()).isEqualTo(result.issuedProof());
    }
    assertThat(fx.fakeSigner.calls()).isEqualTo(30);
    assertThat(fx.delivery.attempted()).hasSize(30);
    assertThat(fx.invoicing.calls.get()).isEqualTo(60);

    List<FulfillmentResult> again = results(workflow.fulfillAll(orders));

    assertThat(again).allMatch(FulfillmentResult::replayed);
    assertThat(again).extracting(FulfillmentResult::issuedProof).isEqualTo(first.stream().map(FulfillmentResult::issuedProof).toList());
    assertThat(fx.fakeSigner.calls()).isEqualTo(30);
    assertThat(fx.delivery.attempted()).hasSize(30);
  }

  @Test
  void theSameFieldsComeOutOfFulfillAllAsOutOfFulfill() {
    WorkflowFixture single = new WorkflowFixture();
    List<Order> orders = List.of(SampleOrders.russian(), SampleOrders.germanSubscription(), SampleOrders.beforeCutover());

    List<FulfillmentResult> batched = results(fx.workflow().fulfillAll(orders));
    List<FulfillmentResult> one = orders.stream().map(single.workflow()::fulfill).toList();

    assertThat(batched).extracting(FulfillmentResult::route).isEqualTo(one.stream().map(FulfillmentResult::route).toList());
    assertThat(batched).extracting(FulfillmentResult::invoices).isEqualTo(one.stream().map(FulfillmentResult::invoices).toList());
    assertThat(batched).extracting(FulfillmentResult::physicalShipment)
        .isEqualTo(one.stream().map(FulfillmentResult::physicalShipment).toList());
    assertThat(batched).extracting(r -> r.issuedProof().map(p -> p.proof().entitlements()))
        .isEqualTo(one.stream().map(r -> r.issuedProof().map(p -> p.proof().entitlements())).toList());
    assertThat(batched).extracting(r -> r.firstDelivery().map(d -> d.status()))
        .isEqualTo(one.stream().map(r -> r.firstDelivery().map(d -> d.status())).toList());
  }

  @Test
  void anInvalidOrderAndAConflictingOneFailAloneAndNothingIsStoredForThem() {
    LicenseFulfillment workflow = fx.workflow();
    Order before = SampleOrders.numbered(100);
    workflow.fulfill(before);
    Order invalid = withEmail(SampleOrders.numbered(101), "not a mailbox");
    Order conflicting = withEmail(before, "someone.else@example.test");
    List<Order> orders = new ArrayList<>(numbered(1, 5));
    orders.add(1, invalid);
    orders.add(3, conflicting);

    List<FulfillmentOutcome> outcomes = workflow.fulfillAll(orders);

    assertThat(outcomes).hasSize(6);
    assertThat(outcomes.get(1)).isInstanceOfSatisfying(FulfillmentOutcome.Failed.class,
        f -> assertThat(f.reasonCode()).isEqualTo("INVALID_ORDER"));
    assertThat(outcomes.get(3)).isInstanceOfSatisfying(FulfillmentOutcome.Failed.class,
        f -> assertThat(f.reasonCode()).isEqualTo("ORDER_CONFLICT"));
    assertThat(List.of(outcomes.get(0), outcomes.get(2), outcomes.get(4), outcomes.get(5)))
        .allMatch(o -> o instanceof FulfillmentOutcome.Fulfilled f && !f.result().replayed());
    assertThat(fx.ledger.findOrder(invalid.orderId())).isEmpty();
    assertThat(fx.ledger.findOrder(before.orderId()).orElseThrow().invoices()).hasSize(2);
    assertThat(fx.fakeSigner.calls()).isEqualTo(5);
  }

  @Test
  void aSignerThatFailsForOneOrderFailsItAloneAndARerunFinishesWithoutRepeatingAnything() {
    LicenseFulfillment workflow = fx.workflow();
    List<Order> orders = numbered(1, 9);
    fx.signerFailures.set(1);

    List<FulfillmentOutcome> outcomes = workflow.fulfillAll(orders);

    assertThat(outcomes).filteredOn(o -> o instanceof FulfillmentOutcome.Failed).singleElement()
        .satisfies(o -> assertThat(((FulfillmentOutcome.Failed) o).reasonCode()).isEqualTo("SIGNING_FAILED"));
    FulfillmentOutcome failed = outcomes.stream().filter(o -> o instanceof FulfillmentOutcome.Failed).findFirst().orElseThrow();
    assertThat(fx.ledger.findOrder(failed.orderId()).orElseThrow().completed()).isFalse();
    assertThat(fx.delivery.attempted()).hasSize(7);

    List<FulfillmentOutcome> rerun = workflow.fulfillAll(orders);

    assertThat(rerun).allMatch(o -> o instanceof FulfillmentOutcome.Fulfilled);
    assertThat(rerun).filteredOn(o -> !o.fulfilled().orElseThrow().replayed()).extracting(FulfillmentOutcome::orderId)
        .containsExactly(failed.orderId());
    assertThat(fx.delivery.attempted()).hasSize(8).extracting(r -> r.proof().orderId()).doesNotHaveDuplicates();
    assertThat(fx.ledger.findOrder(failed.orderId()).orElseThrow().invoices()).hasSize(2);
  }

  @Test
  void anOrderGivenTwiceIsFulfilledOnceAndAPhysicalOneTakesItsRoute() throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(3);
    try {
      LicenseFulfillment workflow = fx.builder().batchExecutor(executor).build();
      Order twice = SampleOrders.numbered(7);
      List<FulfillmentOutcome> outcomes = workflow.fulfillAll(List.of(twice, SampleOrders.beforeCutover(), twice));

      List<FulfillmentResult> results = results(outcomes);
      assertThat(results.get(0).replayed()).isFalse();
      assertThat(results.get(2).replayed()).isTrue();
      assertThat(results.get(2).issuedProof()).isEqualTo(results.get(0).issuedProof());
      assertThat(results.get(1).route()).isEqualTo(Route.PHYSICAL);
      assertThat(fx.fakeSigner.calls()).isEqualTo(1);
      assertThat(fx.delivery.attempted()).hasSize(1);
    } finally {
      executor.shutdown();
    }
  }

  @Test
  void deferredDeliveriesStayPendingForTheRedeliveryRun() {
    LicenseFulfillment workflow = fx.builder().deferDelivery(true).build();

    List<FulfillmentResult> results = results(workflow.fulfillAll(numbered(1, 4)));

    assertThat(results).allMatch(r -> r.firstDelivery().orElseThrow().status() == DeliveryStatus.PENDING);
    assertThat(fx.delivery.attempted()).isEmpty();
    assertThat(workflow.redeliverPending().delivered()).isEqualTo(3);
  }
}
