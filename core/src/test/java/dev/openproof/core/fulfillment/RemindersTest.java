package dev.openproof.core.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.event.FulfillmentEvent;
import dev.openproof.core.memory.RecordingCustomerNotices;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.Recipient;
import dev.openproof.core.exchange.CustomerNotice;
import dev.openproof.core.exchange.DeliveryException;
import dev.openproof.core.exchange.FailureKind;
import dev.openproof.core.testing.SampleOrders;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RemindersTest {
  private static final Instant THIRTY_DAYS_BEFORE = Instant.parse("2024-03-01T08:00:00Z");
  private final WorkflowFixture fx = new WorkflowFixture();
  private final RecordingCustomerNotices notices = RecordingCustomerNotices.create();
  private final LicenseFulfillment workflow = fx.builder().afterSale(AfterSaleOptions.defaults().withNotices(notices)).build();

  @Test
  void aCustomerIsRemindedOnceThirtyAndOnceSevenDaysBeforeTheTermEnds() {
    LicenseProof proof = workflow.fulfill(SampleOrders.germanSubscription()).issuedProof().orElseThrow().proof();
    workflow.fulfill(SampleOrders.russian());

    assertThat(workflow.afterSale().remindExpiring(Instant.parse("2024-02-20T08:00:00Z")).sent()).isZero();
    assertThat(workflow.afterSale().remindExpiring(THIRTY_DAYS_BEFORE)).isEqualTo(new ReminderReport(1, 0, 0));
    CustomerNotice.RenewalReminder first = (CustomerNotice.RenewalReminder) notices.sent().get(0);
    assertThat(first.daysLeft()).isEqualTo(30);
    assertThat(first.endsOn()).isEqualTo(LocalDate.parse("2024-03-31"));
    assertThat(first.ending()).hasSize(2);
    assertThat(first.licenseNumber()).isEqualTo(proof.licenseNumber());
    assertThat(first.recipient().language()).isEqualTo(Locale.GERMAN);
    assertThat(first.resellerCopy()).isFalse();

    assertThat(workflow.afterSale().remindExpiring(THIRTY_DAYS_BEFORE).sent()).isZero();
    assertThat(workflow.afterSale().remindExpiring(Instant.parse("2024-03-20T08:00:00Z")).sent()).isZero();
    assertThat(workflow.afterSale().remindExpiring(Instant.parse("2024-03-25T08:00:00Z")).sent()).isEqualTo(1);
    assertThat(((CustomerNotice.RenewalReminder) notices.sent().get(1)).daysLeft()).isEqualTo(6);
    assertThat(workflow.afterSale().remindExpiring(Instant.parse("2024-03-26T08:00:00Z")).sent()).isZero();
    assertThat(workflow.afterSale().remindExpiring(Instant.parse("2024-04-02T08:00:00Z")).sent()).isZero();
    assertThat(fx.events(FulfillmentEvent.ReminderSent.class)).hasSize(2);
  }

  @Test
  void anotherInstanceOnTheSameLedgerSendsNothingAgain() {
    workflow.fulfill(SampleOrders.germanSubscription());
    RecordingCustomerNotices second = RecordingCustomerNotices.create();
    LicenseFulfillment other = fx.builder().afterSale(AfterSaleOptions.defaults().withNotices(second)).build();
    assertThat(workflow.afterSale().remindExpiring(THIRTY_DAYS_BEFORE).sent()).isEqualTo(1);
    assertThat(other.afterSale().remindExpiring(THIRTY_DAYS_BEFORE).sent()).isZero();
    assertThat(second.sent()).isEmpty();
  }

  @Test
  void theResellerGetsACopyWhenConfigured() {
    Recipient reseller = new Recipient("Müller & Söhne IT", "bestellung@mueller-it.example.test", Locale.GERMAN);
    LicenseFulfillment copying = fx.builder().afterSale(AfterSaleOptions.defaults().withNotices(notices)
        .withResellerCopies(r -> r.id().equals("R-301") ? Optional.of(reseller) : Optional.empty())).build();
    copying.fulfill(SampleOrders.germanSubscription());
    assertThat(copying.afterSale().remindExpiring(THIRTY_DAYS_BEFORE)).isEqualTo(new ReminderReport(1, 1, 0));
    CustomerNotice.RenewalReminder copy = (CustomerNotice.RenewalReminder) notices.sent().get(1);
    assertThat(copy.resellerCopy()).isTrue();
    assertThat(copy.recipient()).isEqualTo(reseller);
    assertThat(copy.noticeId()).isNotEqualTo(notices.sent().get(0).noticeId());
  }

  @Test
  void aReminderThatCouldNotBeSentIsSentByTheNextRunAndARevokedProofGetsNone() {
    AtomicInteger calls = new AtomicInteger();
    LicenseFulfillment flaky = fx.builder().afterSale(AfterSaleOptions.defaults().withNotices(n -> {
      if (calls.incrementAndGet() == 1) {
        throw new DeliveryException(FailureKind.TRANSIENT, "busy", null);
      }
      return notices.send(n);
    }).withReminderDays(45, 10)).build();
    flaky.fulfill(SampleOrders.germanSubscription());
    assertThat(flaky.afterSale().remindExpiring(THIRTY_DAYS_BEFORE)).isEqualTo(new ReminderReport(0, 0, 1));
    assertThat(flaky.afterSale().remindExpiring(THIRTY_DAYS_BEFORE)).isEqualTo(new ReminderReport(1, 0, 0));
    assertThat(((CustomerNotice.RenewalReminder) notices.sent().get(0)).daysLeft()).isEqualTo(30);

    LicenseFulfillment plain = new WorkflowFixture().builder().afterSale(AfterSaleOptions.defaults().withNotices(notices)).build();
    LicenseProof proof = plain.fulfill(SampleOrders.germanSubscription()).issuedProof().orElseThrow().proof();
    plain.revoke(proof.proofId(), "returned");
    assertThat(plain.afterSale().remindExpiring(THIRTY_DAYS_BEFORE).sent()).isZero();
  }
}
