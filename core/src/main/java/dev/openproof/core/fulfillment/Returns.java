package dev.openproof.core.fulfillment;

import dev.openproof.core.event.FulfillmentEvent;
import dev.openproof.core.model.CreditNote;
import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.Revocation;
import dev.openproof.core.model.Route;
import dev.openproof.core.exchange.CreditNoteRequest;
import dev.openproof.core.exchange.CustomerNotice;
import dev.openproof.core.exchange.OrderRecord;
import dev.openproof.core.port.ProofLedger;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.exchange.ReturnRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Returns of digital orders, in whole or in part, within the return window: the proof in force is
 * revoked (a partial return replaces it by a proof of the lines kept), each leg of the chain gets a
 * credit note naming the invoice it cancels, and the customer is told. Each step is recorded in the
 * ledger before the next, so a call that failed halfway is finished by the next one. Thread-safe.
 */
final class Returns {
  private final AfterSale steps;
  private final FulfillmentSettings settings;
  private final ProofLedger ledger;

  Returns(AfterSale steps) {
    this.steps = steps;
    this.settings = steps.settings();
    this.ledger = settings.ledger();
  }

  ReturnResult returnOrder(OrderId orderId, List<String> skus, String reason) {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(skus, "skus");
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank");
    }
    OrderRecord order = ledger.findOrder(orderId).filter(OrderRecord::completed).orElseThrow(() ->
        new FulfillmentException(FulfillmentException.Reason.UNKNOWN_ORDER, "no order " + orderId + " was fulfilled"));
    if (order.route() != Route.DIGITAL || order.issuedProofId().isEmpty()) {
      throw new FulfillmentException(FulfillmentException.Reason.NOT_DIGITAL,
          "order " + orderId + " took the paper route; it has no digital proof to return");
    }
    ReturnRecord recorded = ledger.findReturn(orderId).orElse(null);
    if (recorded != null && recorded.completed()) {
      throw new FulfillmentException(FulfillmentException.Reason.ALREADY_RETURNED,
          "order " + orderId + " was returned on " + day(recorded.returnedAt()));
    }
    if (recorded == null) {
      recorded = ledger.recordReturn(newReturn(order, skus, reason));
    }
    return finish(order, recorded);
  }

  /** Checks the window and the lines, and makes the return's record. */
  private ReturnRecord newReturn(OrderRecord order, List<String> skus, String reason) {
    OrderId orderId = order.orderId();
    ProofRecord first = ledger.findProof(order.issuedProofId().orElseThrow()).orElseThrow();
    Instant now = steps.now();
    Instant closes = first.proof().issuedAt().plus(settings.afterSale().returnWindow());
    if (now.isAfter(closes)) {
      throw new FulfillmentException(FulfillmentException.Reason.RETURN_WINDOW_CLOSED, "order " + orderId + " was fulfilled on "
          + day(first.proof().issuedAt()) + "; its return window closed on " + day(closes));
    }
    ProofRecord current = inForce(first);
    Set<String> held = new LinkedHashSet<>();
    current.proof().entitlements().forEach(e -> held.add(e.sku()));
    Set<String> asked = new LinkedHashSet<>(skus);
    List<String> unknown = asked.stream().filter(s -> !held.contains(s)).toList();
    if (!unknown.isEmpty()) {
      throw new FulfillmentException(FulfillmentException.Reason.UNKNOWN_LINE, "order " + orderId + " has no line of SKU "
          + String.join(", ", unknown) + " on its proof in force (it holds " + String.join(", ", held) + ")");
    }
    List<String> returned = asked.isEmpty() || asked.containsAll(held) ? List.of() : List.copyOf(asked);
    return new ReturnRecord(orderId, current.proof().proofId(), returned, reason, now, false);
  }

  private ReturnResult finish(OrderRecord order, ReturnRecord returned) {
    OrderId orderId = order.orderId();
    List<CreditNote> notes = new ArrayList<>();
    for (InvoiceLeg leg : InvoiceLeg.values()) {
      Invoice invoice = order.invoice(leg).orElseThrow(() ->
          new IllegalStateException("order " + orderId + " has no invoice of leg " + leg));
      notes.add(creditNote(invoice, returned));
    }
    ProofRecord proof = ledger.findProof(returned.proofId()).orElseThrow();
    ProofRecord replacement = null;
    if (!returned.whole()) {
      replacement = ledger.findReplacement(proof.proof().proofId()).orElse(null);
      if (replacement == null) {
        LicenseProof old = proof.proof();
        List<Entitlement> kept = old.entitlements().stream().filter(e -> !returned.skus().contains(e.sku())).toList();
        replacement = steps.recordReplacement(old.replacedBy(settings.ids().newProofId(), settings.ids().newLicenseNumber(),
            old.authorizationNumber(), old.customer(), kept, steps.now()), proof.recipient());
      }
    }
    Revocation revocation = steps.revoke(proof, "returned: " + returned.reason());
    if (replacement != null) {
      steps.deliverFirst(replacement);
    }
    List<Entitlement> gone = proof.proof().entitlements().stream()
        .filter(e -> returned.whole() || returned.skus().contains(e.sku())).toList();
    String messageId = settings.afterSale().notices().send(new CustomerNotice.ReturnNotice("return-" + orderId.value(),
        proof.recipient(), proof.proof().customer(), proof.proof().reseller(), orderId, proof.proof().licenseNumber(), gone,
        replacement == null ? null : replacement.proof().licenseNumber(), returned.returnedAt().atZone(ZoneOffset.UTC).toLocalDate()));
    ledger.completeReturn(orderId);
    steps.publish(new FulfillmentEvent.OrderReturned(orderId, returned.skus(), notes, steps.now()));
    return new ReturnResult(orderId, returned.skus(), revocation, notes, replacement, messageId);
  }

  private CreditNote creditNote(Invoice invoice, ReturnRecord returned) {
    var id = CreditNote.idFor(invoice.id());
    Optional<CreditNote> recorded = ledger.creditNotes(returned.orderId()).stream().filter(c -> c.id().equals(id)).findFirst();
    if (recorded.isPresent()) {
      return recorded.get();
    }
    Instant now = steps.now();
    CreditNote issued = settings.invoicing().credit(new CreditNoteRequest(id, invoice, returned.skus(), returned.reason(), now));
    CreditNote kept = ledger.recordCreditNote(issued);
    steps.publish(new FulfillmentEvent.CreditNoteIssued(returned.orderId(), kept, now));
    return kept;
  }

  /** The last proof of the chain of replacements that starts at {@code first}. */
  private ProofRecord inForce(ProofRecord first) {
    ProofRecord current = first;
    for (int i = 0; i < 1000; i++) {
      Optional<ProofRecord> next = ledger.findReplacement(current.proof().proofId());
      if (next.isEmpty()) {
        return current;
      }
      current = next.get();
    }
    throw new IllegalStateException("proof " + first.proof().proofId() + " was replaced more than 1000 times");
  }

  private static String day(Instant instant) {
    return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
  }
}
