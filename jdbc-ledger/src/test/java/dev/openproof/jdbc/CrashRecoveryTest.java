package dev.openproof.jdbc;

import dev.openproof.core.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.fulfillment.FulfillmentOutcome;
import dev.openproof.core.fulfillment.FulfillmentResult;
import dev.openproof.core.fulfillment.LicenseFulfillment;
import dev.openproof.core.fulfillment.RandomIdGenerator;
import dev.openproof.core.fulfillment.RedeliveryReport;
import dev.openproof.core.model.Order;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.exchange.FulfilledOrder;
import dev.openproof.core.exchange.IssuedProof;
import dev.openproof.core.exchange.ProofIssue;
import dev.openproof.core.exchange.OrderRecord;
import dev.openproof.core.port.ProofDelivery;
import dev.openproof.core.port.ProofLedger;
import dev.openproof.core.testing.FakeSigner;
import dev.openproof.core.testing.SampleOrders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An instance killed between recording a signed proof and delivering it: another instance, with
 * its own connections, delivers it on its next {@code redeliverPending()}, with the same proof and
 * the same Message-ID, once the dead instance's lease has run out.
 */
class CrashRecoveryTest {
  private static final Instant START = Instant.parse("2024-05-01T10:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(5);

  private final MutableClock clock = new MutableClock(START);
  private final Inbox inbox = new Inbox();
  private final Order order = SampleOrders.russian();

  private LicenseFulfillment instance(ProofLedger ledger, FakeSigner signer, ProofDelivery delivery) {
    return LicenseFulfillment.builder().signer(signer).ledger(ledger).delivery(delivery).clock(clock)
        .ids(RandomIdGenerator.secure()).lease(LEASE).claimWait(Duration.ZERO).build();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aProofSignedButNotSentIsDeliveredByTheNextInstanceWithTheSameMessageId(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabase.of(kind)) {
      database.newLedger().close();
      DataSource firstPool = database.newPool(4);
      KillableLedger dying = new KillableLedger(JdbcProofLedger.create(firstPool));
      List<DeliveryRequest> aboutToSend = new ArrayList<>();
      ProofDelivery killedBeforeSending = request -> {
        aboutToSend.add(request);
        dying.kill();
        throw new InstanceKilled();
      };
      assertThatThrownBy(() -> instance(dying, new FakeSigner(), killedBeforeSending).fulfill(order))
          .isInstanceOf(InstanceKilled.class);
      database.dispose(firstPool);

      JdbcProofLedger ledger = JdbcProofLedger.create(database.newPool(4));
      OrderRecord recorded = ledger.findOrder(order.orderId()).orElseThrow();
      assertThat(recorded.completed()).isFalse();
      assertThat(recorded.invoices()).hasSize(2);
      DeliveryRecord pending = ledger.deliveries(recorded.issuedProofId().orElseThrow()).get(0);
      assertThat(pending.status()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(pending.request()).isEqualTo(aboutToSend.get(0));

      FakeSigner signer = new FakeSigner();
      LicenseFulfillment survivor = instance(ledger, signer, request -> inbox.accept(request, clock));
      assertThat(survivor.redeliverPending().attempted()).as("the dead instance's lease still holds").isZero();
      clock.advance(LEASE.plusSeconds(1));
      RedeliveryReport report = survivor.redeliverPending();

      assertThat(report.delivered()).isEqualTo(1);
      DeliveryRequest sent = aboutToSend.get(0);
      assertThat(inbox.of(sent.deliveryId())).containsExactly(
          new Inbox.Message(sent.deliveryId(), Inbox.messageIdOf(sent), sent.signedProof().token()));
      FulfillmentResult result = survivor.fulfill(order);
      assertThat(result.issuedProof().orElseThrow().signedProof()).isEqualTo(sent.signedProof());
      assertThat(result.firstDelivery().orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
      assertThat(result.firstDelivery().orElseThrow().deliveryReceipt().orElseThrow().messageId()).isEqualTo(Inbox.messageIdOf(sent));
      assertThat(signer.calls()).as("nothing is signed twice").isZero();
      assertThat(ledger.findOrder(order.orderId()).orElseThrow().completed()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aMessageSentButNotRecordedIsSentAgainWithTheSameMessageId(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabase.of(kind)) {
      database.newLedger().close();
      DataSource firstPool = database.newPool(4);
      KillableLedger dying = new KillableLedger(JdbcProofLedger.create(firstPool));
      ProofDelivery killedAfterSending = request -> {
        inbox.accept(request, clock);
        dying.kill();
        throw new InstanceKilled();
      };
      assertThatThrownBy(() -> instance(dying, new FakeSigner(), killedAfterSending).fulfill(order))
          .isInstanceOf(InstanceKilled.class);
      database.dispose(firstPool);

      JdbcProofLedger ledger = JdbcProofLedger.create(database.newPool(4));
      clock.advance(LEASE.plusSeconds(1));
      LicenseFulfillment survivor = instance(ledger, new FakeSigner(), request -> inbox.accept(request, clock));
      assertThat(survivor.redeliverPending().delivered()).isEqualTo(1);

      assertThat(inbox.all()).hasSize(1);
      List<Inbox.Message> messages = inbox.all().values().iterator().next();
      assertThat(messages).hasSize(2);
      assertThat(messages.get(1)).as("the receiver can tell it is the same mail").isEqualTo(messages.get(0));
      assertThat(survivor.redeliverPending().attempted()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aBatchKilledWhileSendingIsDeliveredByTheNextInstanceAndARerunDoesNothingTwice(TestDatabase.Kind kind) {
    List<Order> orders = List.of(SampleOrders.numbered(1), SampleOrders.numbered(2), SampleOrders.numbered(3));
    try (TestDatabase database = TestDatabase.of(kind)) {
      database.newLedger().close();
      DataSource firstPool = database.newPool(4);
      KillableLedger dying = new KillableLedger(JdbcProofLedger.create(firstPool));
      List<DeliveryRequest> aboutToSend = new ArrayList<>();
      ProofDelivery killedAfterTheFirst = request -> {
        if (!aboutToSend.isEmpty()) {
          dying.kill();
          throw new InstanceKilled();
        }
        aboutToSend.add(request);
        return inbox.accept(request, clock);
      };
      FakeSigner firstSigner = new FakeSigner();
      assertThatThrownBy(() -> instance(dying, firstSigner, killedAfterTheFirst).fulfillAll(orders))
          .isInstanceOf(InstanceKilled.class);
      database.dispose(firstPool);
      assertThat(firstSigner.calls()).isEqualTo(3);

      JdbcProofLedger ledger = JdbcProofLedger.create(database.newPool(4));
      for (Order order : orders) {
        OrderRecord recorded = ledger.findOrder(order.orderId()).orElseThrow();
        assertThat(recorded.completed()).as("the batch's transaction recorded %s whole", order.orderId()).isTrue();
        assertThat(recorded.invoices()).hasSize(2);
      }
      FakeSigner signer = new FakeSigner();
      LicenseFulfillment survivor = instance(ledger, signer, request -> inbox.accept(request, clock));
      clock.advance(LEASE.plusSeconds(1));
      assertThat(survivor.redeliverPending().delivered()).as("the first was sent, its receipt never recorded").isEqualTo(3);

      List<FulfillmentOutcome> rerun = survivor.fulfillAll(orders);
      assertThat(rerun).allMatch(o -> o.fulfilled().orElseThrow().replayed());
      assertThat(rerun).allMatch(o -> o.fulfilled().orElseThrow().deliveryStatus().orElseThrow() == DeliveryStatus.DELIVERED);
      assertThat(signer.calls()).as("nothing is signed twice").isZero();
      assertThat(inbox.all()).hasSize(3);
      List<Inbox.Message> first = inbox.of(aboutToSend.get(0).deliveryId());
      assertThat(first).as("the same mail, twice").hasSize(2);
      assertThat(first.get(1)).isEqualTo(first.get(0));
      assertThat(inbox.all().values()).filteredOn(messages -> messages.size() == 1).hasSize(2);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aLedgerThatFailsMidBatchLeavesNothingHalfDoneAndARerunFinishes(TestDatabase.Kind kind) {
    List<Order> orders = List.of(SampleOrders.numbered(1), SampleOrders.numbered(2), SampleOrders.numbered(3));
    try (TestDatabase database = TestDatabase.of(kind)) {
      JdbcProofLedger real = database.newLedger();
      ProofLedger failing = new KillableLedger(real) {
        @Override
        public List<FulfilledOrder> recordIssuedProofs(List<ProofIssue> issues) {
          throw new LedgerException(LedgerException.Reason.LEDGER_UNAVAILABLE, "the database went away", null);
        }

        @Override
        public List<IssuedProof> recordIssuedProofs(List<ProofIssue> issues, @Nullable String deliveryOwner,
            Duration deliveryLease) {
          throw new LedgerException(LedgerException.Reason.LEDGER_UNAVAILABLE, "the database went away", null);
        }
      };
      FakeSigner signer = new FakeSigner();
      List<FulfillmentOutcome> failed = instance(failing, signer, request -> inbox.accept(request, clock)).fulfillAll(orders);

      assertThat(failed).allSatisfy(o -> assertThat(((FulfillmentOutcome.Failed) o).reasonCode()).isEqualTo("LEDGER_UNAVAILABLE"));
      for (Order order : orders) {
        OrderRecord recorded = real.findOrder(order.orderId()).orElseThrow();
        assertThat(recorded.completed()).isFalse();
        assertThat(recorded.invoices()).isEmpty();
        assertThat(recorded.issuedProofId()).isEmpty();
      }
      assertThat(inbox.all()).isEmpty();

      List<FulfillmentOutcome> rerun = instance(real, signer, request -> inbox.accept(request, clock)).fulfillAll(orders);
      assertThat(rerun).allMatch(o -> o.fulfilled().filter(r -> !r.replayed()).isPresent());
      assertThat(inbox.all()).hasSize(3).allSatisfy((id, messages) -> assertThat(messages).hasSize(1));
      assertThat(real.findOrders(orders.stream().map(Order::orderId).toList()).values())
          .allMatch(r -> r.completed() && r.invoices().size() == 2 && r.issuedProofId().isPresent());
    }
  }
}
