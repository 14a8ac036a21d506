package dev.openproof.core.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.event.FulfillmentEvent;
import dev.openproof.core.memory.InMemoryStatusLists;
import dev.openproof.core.memory.RecordingCustomerNotices;
import dev.openproof.core.model.CreditNote;
import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.InvoiceId;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.exchange.CustomerNotice;
import dev.openproof.core.exchange.DeliveryException;
import dev.openproof.core.exchange.FailureKind;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.testing.SampleOrders;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReturnsTest {
  private final WorkflowFixture fx = new WorkflowFixture();
  private final InMemoryStatusLists lists = InMemoryStatusLists.create("https://licensing.example.test/status", 1024, new Random(5));
  private final RecordingCustomerNotices notices = RecordingCustomerNotices.create();
  private final LicenseFulfillment workflow = fx.builder().statusLists(lists).afterSale(AfterSaleOptions.defaults().withNotices(notices)).build();

  private static void refused(Runnable call, String code) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(FulfillmentException.class, e -> assertThat(e.reasonCode()).isEqualTo(code));
  }

  @Test
  void aWholeReturnRevokesTheProofCreditsBothLegsExactlyAndTellsTheCustomer() {
    FulfillmentResult sold = workflow.fulfill(SampleOrders.russian());
    LicenseProof proof = sold.issuedProof().orElseThrow().proof();
    fx.clock.advance(Duration.ofDays(59));
    ReturnResult returned = workflow.afterSale().returnOrder(sold.orderId(), "customer changed its mind");
    assertThat(returned.revocation().proofId()).isEqualTo(proof.proofId());
    assertThat(lists.status(proof.proofId())).contains(ProofStatus.INVALID);
    assertThat(returned.replacementProof()).isEmpty();
    assertThat(returned.creditNotes()).extracting(CreditNote::id)
        .containsExactly(InvoiceId.of("CN-VD-PO-2020-0815-001"), InvoiceId.of("CN-DR-PO-2020-0815-001"));
    for (CreditNote note : returned.creditNotes()) {
      Invoice cancelled = sold.invoices().stream().filter(i -> i.leg() == note.leg()).findFirst().orElseThrow();
      assertThat(note.cancels()).isEqualTo(cancelled.id());
      assertThat(note.total()).isEqualTo(cancelled.total());
      assertThat(note.lines()).isEqualTo(cancelled.lines());
      assertThat(note.seller()).isEqualTo(cancelled.seller());
      assertThat(note.buyer()).isEqualTo(cancelled.buyer());
    }
    assertThat(returned.creditNotes().get(0).leg()).isEqualTo(InvoiceLeg.VENDOR_TO_DISTRIBUTOR);
    assertThat(fx.ledger.creditNotes(sold.orderId())).isEqualTo(returned.creditNotes());
    CustomerNotice.ReturnNotice notice = (CustomerNotice.ReturnNotice) notices.sent().get(0);
    assertThat(notice.recipient().language()).isEqualTo(Locale.forLanguageTag("ru"));
    assertThat(notice.licenseNumber()).isEqualTo(proof.licenseNumber());
    assertThat(notice.returned()).isEqualTo(proof.entitlements());
    assertThat(notice.replacementLicense()).isEmpty();
    assertThat(fx.events(FulfillmentEvent.CreditNoteIssued.class)).hasSize(2);
    assertThat(fx.events(FulfillmentEvent.OrderReturned.class)).singleElement()
        .extracting(FulfillmentEvent.OrderReturned::creditNotes).isEqualTo(returned.creditNotes());
    assertThat(fx.ledger.findReturn(sold.orderId()).orElseThrow().completed()).isTrue();
  }

  @Test
  void aSecondReturnIsRefusedAndIssuesNothing() {
    OrderId orderId = workflow.fulfill(SampleOrders.russian()).orderId();
    workflow.afterSale().returnOrder(orderId, "returned");
    refused(() -> workflow.afterSale().returnOrder(orderId, "returned"), "ALREADY_RETURNED");
    assertThat(fx.ledger.creditNotes(orderId)).hasSize(2);
    assertThat(notices.sent()).hasSize(1);
    assertThat(fx.events(FulfillmentEvent.ProofRevoked.class)).hasSize(1);
  }

  @Test
  void aPartialReturnCreditsThoseLinesAndReplacesTheProofByOneOfTheRest() {
    FulfillmentResult sold = workflow.fulfill(SampleOrders.russian());
    LicenseProof old = sold.issuedProof().orElseThrow().proof();
    ReturnResult returned = workflow.afterSale().returnLines(sold.orderId(), List.of("P73-07788"), "one server too many");
    for (CreditNote note : returned.creditNotes()) {
      Invoice cancelled = sold.invoices().stream().filter(i -> i.leg() == note.leg()).findFirst().orElseThrow();
      assertThat(note.lines()).singleElement().isEqualTo(cancelled.lines().get(1));
      assertThat(note.total()).isEqualTo(cancelled.lines().get(1).amount());
    }
    ProofRecord replacement = returned.replacementProof().orElseThrow();
    LicenseProof kept = replacement.proof();
    assertThat(kept.replacesProof()).contains(old.proofId());
    assertThat(kept.entitlements()).extracting(Entitlement::sku).containsExactly("021-10609");
    assertThat(kept.authorizationNumber()).isEqualTo(old.authorizationNumber());
    assertThat(kept.licenseNumber()).isNotEqualTo(old.licenseNumber());
    assertThat(kept.customer()).isEqualTo(old.customer());
    assertThat(kept.statusReference()).isPresent();
    assertThat(lists.status(kept.proofId())).contains(ProofStatus.VALID);
    assertThat(lists.status(old.proofId())).contains(ProofStatus.INVALID);
    assertThat(fx.delivery.delivered()).extracting(d -> d.proof().proofId()).containsExactly(old.proofId(), kept.proofId());
    assertThat(((CustomerNotice.ReturnNotice) notices.sent().get(0)).replacementLicense()).contains(kept.licenseNumber());
    assertThat(fx.events(FulfillmentEvent.ProofReplaced.class)).singleElement()
        .extracting(FulfillmentEvent.ProofReplaced::replacement).isEqualTo(kept.proofId());
  }

  @Test
  void namingEveryLineIsAWholeReturn() {
    OrderId orderId = workflow.fulfill(SampleOrders.russian()).orderId();
    ReturnResult returned = workflow.afterSale().returnLines(orderId, List.of("P73-07788", "021-10609"), "all of it");
    assertThat(returned.skus()).isEmpty();
    assertThat(returned.replacementProof()).isEmpty();
    assertThat(returned.creditNotes().get(0).lines()).hasSize(2);
  }

  @Test
  void unknownPaperLateAndUnknownLineReturnsAreRefusedWithTheirCodes() {
    OrderId digital = workflow.fulfill(SampleOrders.russian()).orderId();
    OrderId paper = workflow.fulfill(SampleOrders.beforeCutover()).orderId();
    refused(() -> workflow.afterSale().returnOrder(OrderId.of("PO-NONE"), "x"), "UNKNOWN_ORDER");
    refused(() -> workflow.afterSale().returnOrder(paper, "x"), "NOT_DIGITAL");
    refused(() -> workflow.afterSale().returnLines(digital, List.of("NOPE-1", "NOPE-2"), "x"), "UNKNOWN_LINE");
    assertThatThrownBy(() -> workflow.afterSale().returnLines(digital, List.of("NOPE-1", "NOPE-2"), "x")).hasMessageContaining("NOPE-1, NOPE-2");
    fx.clock.advance(Duration.ofDays(60).plusSeconds(1));
    refused(() -> workflow.afterSale().returnOrder(digital, "x"), "RETURN_WINDOW_CLOSED");
    assertThat(fx.ledger.findReturn(digital)).isEmpty();
    assertThat(notices.sent()).isEmpty();
  }

  @Test
  void theReturnWindowIsConfigurable() {
    LicenseFulfillment shortWindow = fx.builder().afterSale(AfterSaleOptions.defaults().withReturnWindow(Duration.ofDays(10))).build();
    OrderId orderId = shortWindow.fulfill(SampleOrders.russian()).orderId();
    fx.clock.advance(Duration.ofDays(11));
    refused(() -> shortWindow.afterSale().returnOrder(orderId, "x"), "RETURN_WINDOW_CLOSED");
    assertThatThrownBy(() -> AfterSaleOptions.defaults().withReturnWindow(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aReturnStoppedByAFailedNoticeIsFinishedByTheNextCallWithoutDoingAnythingTwice() {
    AtomicInteger calls = new AtomicInteger();
    LicenseFulfillment flaky = fx.builder().afterSale(AfterSaleOptions.defaults().withNotices(n -> {
      if (calls.incrementAndGet() == 1) {
        throw new DeliveryException(FailureKind.TRANSIENT, "mail server busy", null);
      }
      return "<ok>";
    })).build();
    OrderId orderId = flaky.fulfill(SampleOrders.russian()).orderId();
    assertThatThrownBy(() -> flaky.afterSale().returnOrder(orderId, "returned")).isInstanceOf(DeliveryException.class);
    assertThat(fx.ledger.findReturn(orderId).orElseThrow().completed()).isFalse();
    fx.clock.advance(Duration.ofDays(90)); // past the window: a return begun in time is still finished
    ReturnResult finished = flaky.afterSale().returnOrder(orderId, "returned");
    assertThat(finished.noticeMessageId()).isEqualTo("<ok>");
    assertThat(fx.ledger.creditNotes(orderId)).hasSize(2);
    assertThat(fx.events(FulfillmentEvent.CreditNoteIssued.class)).hasSize(2);
    assertThat(fx.events(FulfillmentEvent.ProofRevoked.class)).hasSize(1);
    assertThat(fx.events(FulfillmentEvent.OrderReturned.class)).hasSize(1);
  }

  @Test
  void aBlankReasonIsRefused() {
    OrderId orderId = workflow.fulfill(SampleOrders.russian()).orderId();
    assertThatThrownBy(() -> workflow.afterSale().returnOrder(orderId, " ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> workflow.afterSale().returnLines(orderId, List.of(), "x")).isInstanceOf(IllegalArgumentException.class);
  }
}
