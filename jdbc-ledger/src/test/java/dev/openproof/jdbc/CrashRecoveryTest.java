package dev.openproof.jdbc;

import dev.openproof.core.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.fulfillment.FulfillmentResult;
import dev.openproof.core.fulfillment.LicenseFulfillment;
import dev.openproof.core.fulfillment.RandomIdGenerator;
import dev.openproof.core.fulfillment.RedeliveryReport;
import dev.openproof.core.model.Order;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.DeliveryStatus;
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
}
