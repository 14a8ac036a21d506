package dev.openproof.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.CreditNote;
import dev.openproof.core.model.DeliveryId;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.InvoiceId;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.InvoiceLine;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.Money;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.PartyRef;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.Revocation;
import dev.openproof.core.model.StatusReference;
import dev.openproof.core.exchange.DeliveryKind;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.port.ProofLedger;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.exchange.ReturnRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProofLedger} must do after the sale: find proofs by license number,
 * authorization and customer; record replacements, returns, credit notes and reminders once. An
 * implementation's test extends this class and says how to make a new, empty ledger.
 */
public abstract class AfterSaleLedgerContract {
  protected static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final AuthorizationNumber AUTH = AuthorizationNumber.of("A00000000001");
  private static final AuthorizationNumber NEW_AUTH = AuthorizationNumber.of("A00000000002");

  protected ProofLedger ledger;

  /** A new, empty ledger. */
  protected abstract ProofLedger newLedger() throws Exception;

  @BeforeEach
  void createLedger() throws Exception {
    ledger = newLedger();
  }

  private ProofRecord issued(Order order, String proofId, String licensePayload, Instant at) {
    ledger.claimOrder(order.orderId(), "a", at, LEASE);
    LicenseProof proof = LicenseProof.of(order, ProofId.of(proofId), LicenseNumber.withCheckDigit(licensePayload), AUTH, at);
    DeliveryRequest first = SampleProofs.firstDelivery(order, proof, "d-" + proofId);
    return ledger.recordProof(proof, first.signedProof(), first, at);
  }

  private ProofRecord replace(ProofRecord old, String proofId, String licensePayload, AuthorizationNumber auth,
      PartyRef customer, Instant at) {
    LicenseProof proof = old.proof().replacedBy(ProofId.of(proofId), LicenseNumber.withCheckDigit(licensePayload),
        auth, customer, old.proof().entitlements().subList(0, 1), at).withStatus(new StatusReference(7, "https://x.example.test/status/1"));
    DeliveryRequest first = new DeliveryRequest(DeliveryId.of("d-" + proofId),
        DeliveryKind.ORIGINAL, null, old.recipient(), proof, SampleProofs.signed(proof));
    return ledger.recordReplacement(proof, first.signedProof(), first, at);
  }

  @Test
  void proofsAreFoundByLicenseNumberAuthorizationAndCustomer() {
    ProofRecord one = issued(SampleOrders.numbered(1), "p-1", "100000001", T0);
    ProofRecord two = issued(SampleOrders.numbered(2), "p-2", "100000002", T0.plusSeconds(1));
    assertThat(ledger.findProof(one.proof().licenseNumber())).get().extracting(r -> r.proof().proofId()).isEqualTo(ProofId.of("p-1"));
    assertThat(ledger.findProof(LicenseNumber.withCheckDigit("999999999"))).isEmpty();
    assertThat(ledger.findProofs(AUTH)).extracting(r -> r.proof().proofId()).containsExactly(ProofId.of("p-1"), ProofId.of("p-2"));
    assertThat(ledger.findProofs(NEW_AUTH)).isEmpty();
    assertThat(ledger.findProofsOfCustomer("C-GEN-2")).extracting(r -> r.proof().proofId()).containsExactly(ProofId.of("p-2"));
    assertThat(ledger.findProofsOfCustomer("C-NONE")).isEmpty();
    assertThat(ledger.findProof(two.proof().licenseNumber()).orElseThrow().proof()).isEqualTo(two.proof());
  }

  @Test
  void aRevokedProofIsStillFoundWithItsRevocation() {
    ProofRecord one = issued(SampleOrders.numbered(1), "p-1", "100000001", T0);
    ledger.recordRevocation(new Revocation(ProofId.of("p-1"), "returned", T0));
    assertThat(ledger.findProof(one.proof().licenseNumber()).orElseThrow().revoked()).isPresent();
    assertThat(ledger.findProofsOfCustomer("C-GEN-1").get(0).revoked()).isPresent();
  }

  @Test
  void aReplacementIsRecordedOnceWithItsFirstDeliveryAndNamesWhatItReplaces() {
    ProofRecord old = issued(SampleOrders.numbered(1), "p-1", "100000001", T0);
    PartyRef newOwner = new PartyRef("C-NEW", "New Owner", "DE");
    ProofRecord kept = replace(old, "p-1b", "100000011", NEW_AUTH, newOwner, T0.plusSeconds(5));
    ProofRecord ignored = replace(old, "p-1c", "100000012", NEW_AUTH, newOwner, T0.plusSeconds(6));
    assertThat(ignored.proof().proofId()).isEqualTo(ProofId.of("p-1b"));
    assertThat(ledger.findProof(ProofId.of("p-1c"))).isEmpty();
    ProofRecord found = ledger.findProof(ProofId.of("p-1b")).orElseThrow();
    assertThat(found.proof()).isEqualTo(kept.proof());
    assertThat(found.proof().replacesProof()).contains(ProofId.of("p-1"));
    assertThat(found.proof().statusReference()).contains(new StatusReference(7, "https://x.example.test/status/1"));
    assertThat(ledger.findReplacement(ProofId.of("p-1"))).get().extracting(r -> r.proof().proofId()).isEqualTo(ProofId.of("p-1b"));
    assertThat(ledger.findReplacement(ProofId.of("p-1b"))).isEmpty();
    assertThat(ledger.findProofs(NEW_AUTH)).extracting(r -> r.proof().proofId()).containsExactly(ProofId.of("p-1b"));
    assertThat(ledger.findProofsOfCustomer("C-NEW")).hasSize(1);
    assertThat(ledger.findOrder(old.proof().orderId()).orElseThrow().issuedProofId()).contains(ProofId.of("p-1"));
    List<DeliveryRecord> deliveries = ledger.deliveries(ProofId.of("p-1b"));
    assertThat(deliveries).singleElement().extracting(DeliveryRecord::status).isEqualTo(DeliveryStatus.PENDING);
    assertThat(ledger.findDelivery(DeliveryId.of("d-p-1c"))).isEmpty();
  }

  @Test
  void aReplacementOfAnUnknownProofOrOfNoneIsRefused() {
    ProofRecord old = issued(SampleOrders.numbered(1), "p-1", "100000001", T0);
    LicenseProof stray = old.proof().replacedBy(ProofId.of("p-x"), LicenseNumber.withCheckDigit("1234"), AUTH,
        old.proof().customer(), old.proof().entitlements(), T0);
    LicenseProof orphan = new LicenseProof(ProofId.of("p-y"), stray.licenseNumber(), AUTH, stray.program(), stray.orderId(),
        stray.orderedAt(), stray.customer(), stray.reseller(), stray.distributor(), stray.entitlements(), T0, null, null,
        ProofId.of("p-unknown"));
    DeliveryRequest orphanDelivery = SampleProofs.firstDelivery(SampleOrders.numbered(1), orphan, "d-y");
    assertThatThrownBy(() -> ledger.recordReplacement(orphan, orphanDelivery.signedProof(), orphanDelivery, T0))
        .isInstanceOf(IllegalStateException.class);
    LicenseProof none = new LicenseProof(ProofId.of("p-z"), stray.licenseNumber(), AUTH, stray.program(), stray.orderId(),
        stray.orderedAt(), stray.customer(), stray.reseller(), stray.distributor(), stray.entitlements(), T0, null, null);
    DeliveryRequest noneDelivery = SampleProofs.firstDelivery(SampleOrders.numbered(1), none, "d-z");
    assertThatThrownBy(() -> ledger.recordReplacement(none, noneDelivery.signedProof(), noneDelivery, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eightConcurrentReplacementsOfOneProofKeepOne() throws Exception {
    ProofRecord old = issued(SampleOrders.numbered(1), "p-1", "100000001", T0);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<ProofRecord>> futures = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        int n = i;
        futures.add(pool.submit(() -> {
          start.await();
          return replace(old, "p-r" + n, "20000000" + n, NEW_AUTH, old.proof().customer(), T0);
        }));
      }
      start.countDown();
      List<ProofId> kept = new ArrayList<>();
      for (Future<ProofRecord> future : futures) {
        kept.add(future.get().proof().proofId());
      }
      assertThat(kept).containsOnly(kept.get(0));
      assertThat(ledger.findProofs(NEW_AUTH)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void onlyTheFirstReturnIsKeptAndItIsCompletedOnce() {
    Order order = SampleOrders.numbered(1);
    issued(order, "p-1", "100000001", T0);
    ReturnRecord first = new ReturnRecord(order.orderId(), ProofId.of("p-1"), List.of("021-10609"), "wrong product", T0, false);
    assertThat(ledger.recordReturn(first)).isEqualTo(first);
    assertThat(ledger.recordReturn(new ReturnRecord(order.orderId(), ProofId.of("p-1"), List.of(), "again", T0.plusSeconds(1), false)))
        .isEqualTo(first);
    assertThat(ledger.findReturn(order.orderId())).contains(first);
    ledger.completeReturn(order.orderId());
    assertThat(ledger.findReturn(order.orderId()).orElseThrow().completed()).isTrue();
    assertThat(ledger.findReturn(SampleOrders.numbered(2).orderId())).isEmpty();
    assertThatThrownBy(() -> ledger.completeReturn(SampleOrders.numbered(2).orderId())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ledger.recordReturn(new ReturnRecord(SampleOrders.numbered(3).orderId(), ProofId.of("p-1"),
        List.of(), "x", T0, false))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void onlyTheFirstCreditNoteOfAnIdIsKeptWithItsExactAmounts() {
    Order order = SampleOrders.germanSubscription();
    ledger.claimOrder(order.orderId(), "a", T0, LEASE);
    CreditNote vendor = creditNote(order, InvoiceLeg.VENDOR_TO_DISTRIBUTOR, "6.532", "261.28");
    CreditNote reseller = creditNote(order, InvoiceLeg.DISTRIBUTOR_TO_RESELLER, "7.10", "284.00");
    assertThat(ledger.recordCreditNote(vendor)).isEqualTo(vendor);
    assertThat(ledger.recordCreditNote(reseller)).isEqualTo(reseller);
    CreditNote again = new CreditNote(vendor.id(), vendor.leg(), vendor.orderId(), vendor.cancels(), vendor.seller(),
        vendor.buyer(), vendor.lines(), vendor.total(), "again", T0.plusSeconds(9));
    assertThat(ledger.recordCreditNote(again)).isEqualTo(vendor);
    List<CreditNote> notes = ledger.creditNotes(order.orderId());
    assertThat(notes).containsExactly(vendor, reseller);
    assertThat(notes.get(0).total().amount()).isEqualByComparingTo("261.28");
    assertThat(notes.get(0).total().amount().scale()).isEqualTo(2);
    assertThat(notes.get(0).lines().get(0).unitPrice()).isEqualTo(new BigDecimal("6.532"));
    assertThat(ledger.creditNotes(SampleOrders.russian().orderId())).isEmpty();
    assertThatThrownBy(() -> ledger.recordCreditNote(creditNote(SampleOrders.russian(), InvoiceLeg.VENDOR_TO_DISTRIBUTOR, "1", "1.00")))
        .isInstanceOf(IllegalStateException.class);
  }

  private static CreditNote creditNote(Order order, InvoiceLeg leg, String unit, String amount) {
    Invoice invoice = SampleProofs.invoice(order, leg, amount, T0);
    Money money = new Money(new BigDecimal(amount), order.currency());
    InvoiceLine line = new InvoiceLine("KW5-00360", "Windows 10 Enterprise E3 (subscription)", 40, new BigDecimal(unit), money);
    return new CreditNote(CreditNote.idFor(invoice.id()), leg, order.orderId(), invoice.id(), invoice.seller(), invoice.buyer(),
        List.of(line), money, "returned", T0);
  }

  @Test
  void aReminderIsRecordedOnceUntilForgotten() {
    issued(SampleOrders.numbered(1), "p-1", "100000001", T0);
    assertThat(ledger.recordReminder(ProofId.of("p-1"), "SA-2025-06-30-30", T0)).isTrue();
    assertThat(ledger.recordReminder(ProofId.of("p-1"), "SA-2025-06-30-30", T0.plusSeconds(1))).isFalse();
    assertThat(ledger.recordReminder(ProofId.of("p-1"), "SA-2025-06-30-7", T0)).isTrue();
    ledger.forgetReminder(ProofId.of("p-1"), "SA-2025-06-30-30");
    assertThat(ledger.recordReminder(ProofId.of("p-1"), "SA-2025-06-30-30", T0.plusSeconds(2))).isTrue();
    assertThatThrownBy(() -> ledger.recordReminder(ProofId.of("p-unknown"), "x", T0)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aCreditNoteIdNamesTheInvoiceItCancels() {
    assertThat(CreditNote.idFor(InvoiceId.of("VD-PO-1"))).isEqualTo(InvoiceId.of("CN-VD-PO-1"));
  }

  @Test
  void proofsEndingInAPeriodAreFound() {
    Order subscription = SampleOrders.germanSubscription();
    ledger.claimOrder(subscription.orderId(), "a", T0, LEASE);
    LicenseProof proof = LicenseProof.of(subscription, ProofId.of("p-sub"), LicenseNumber.withCheckDigit("300000001"), AUTH,
        Instant.parse("2021-03-02T14:00:00Z"));
    DeliveryRequest first = SampleProofs.firstDelivery(subscription, proof, "d-sub");
    ledger.recordProof(proof, first.signedProof(), first, T0);
    issued(SampleOrders.numbered(1), "p-perpetual", "100000001", T0);
    assertThat(ledger.findProofsEnding(LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-31")))
        .extracting(r -> r.proof().proofId()).containsExactly(ProofId.of("p-sub"));
    assertThat(ledger.findProofsEnding(LocalDate.parse("2024-03-31"), LocalDate.parse("2024-03-31"))).hasSize(1);
    assertThat(ledger.findProofsEnding(LocalDate.parse("2024-04-01"), LocalDate.parse("2030-01-01"))).isEmpty();
  }
}
