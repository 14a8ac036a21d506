package dev.openproof.core.fulfillment;

import dev.openproof.core.exchange.DeliveryKind;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.FulfilledOrder;
import dev.openproof.core.exchange.InvoiceRequest;
import dev.openproof.core.exchange.OrderRecord;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.exchange.SigningException;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.InvoiceId;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.PhysicalShipment;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.Recipient;
import dev.openproof.core.model.SignedProof;
import dev.openproof.core.model.StatusReference;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The steps of issuing that a single order and a batch share; each touches the ports, never the ledger. */
final class IssuingSteps {
  private static final System.Logger LOG = System.getLogger(LicenseFulfillment.class.getName());

  private IssuingSteps() {}

  /** The invoices of the legs the ledger has none of, issued by the invoicing port. */
  static List<Invoice> issueMissing(FulfillmentSettings settings, Order order, OrderRecord record, Instant now,
      List<Invoice> issued) {
    for (InvoiceLeg leg : InvoiceLeg.values()) {
      if (record.invoice(leg).isEmpty()) {
        issued.add(settings.invoicing().issue(new InvoiceRequest(invoiceId(order.orderId(), leg), leg, order, now)));
      }
    }
    return issued;
  }

  /**
   * The status list places of a batch's proofs, given in one step where lists are published. Empty if
   * they are not, or if the step failed: each proof then asks for its own place while it is signed, so
   * that a failure stays the failure of the orders it hits, as for a single order.
   */
  static Map<ProofId, StatusReference> places(FulfillmentSettings settings, Collection<ProofId> proofIds) {
    if (!settings.statusLists().publishes() || proofIds.isEmpty()) {
      return Map.of();
    }
    List<ProofId> ids = List.copyOf(proofIds);
    try {
      List<StatusReference> refs = settings.statusLists().allocateAll(ids);
      Map<ProofId, StatusReference> places = new HashMap<>();
      for (int i = 0; i < ids.size(); i++) {
        places.put(ids.get(i), refs.get(i));
      }
      return places;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "the status list places of a batch could not be given at once; each proof asks"
          + " for its own", e);
      return Map.of();
    }
  }

  /** Builds and signs an order's proof (with its status entry where lists are published); returns its first delivery. */
  static DeliveryRequest signedFirstDelivery(FulfillmentSettings settings, Order order, ProofId proofId, Instant now) {
    return signedFirstDelivery(settings, order, proofId, now, null);
  }

  /**
   * Builds and signs an order's proof; returns its first delivery. Where lists are published the proof
   * has the place given, or, if none was given, the one it is allocated now.
   */
  static DeliveryRequest signedFirstDelivery(FulfillmentSettings settings, Order order, ProofId proofId, Instant now,
      @Nullable StatusReference place) {
    LicenseProof proof = LicenseProof.of(order, proofId, settings.ids().newLicenseNumber(),
        order.existingAuthorization().orElseGet(settings.ids()::newAuthorizationNumber), now);
    if (settings.statusLists().publishes()) {
      proof = proof.withStatus(place != null ? place : settings.statusLists().allocate(proof.proofId()));
    }
    SignedProof signed = settings.signer().sign(proof);
    if (!signed.proofId().equals(proof.proofId())) {
      throw new SigningException("the signer returned proof " + signed.proofId() + " for proof " + proof.proofId(), null);
    }
    return new DeliveryRequest(settings.ids().newDeliveryId(), DeliveryKind.ORIGINAL, null, Recipient.of(order.customer()),
        proof, signed);
  }

  /** The invoices an order had before, with the ones recorded now, in the order of the legs. */
  static List<Invoice> merged(OrderRecord record, List<Invoice> kept) {
    List<Invoice> all = new java.util.ArrayList<>(record.invoices());
    all.addAll(kept);
    all.sort(java.util.Comparator.comparing(Invoice::leg));
    return all;
  }

  /** The result of an order as the ledger holds it. */
  static FulfillmentResult result(FulfilledOrder fulfilled, boolean replayed) {
    OrderRecord record = fulfilled.order();
    ProofRecord proof = fulfilled.proof();
    DeliveryRecord first = fulfilled.delivery();
    if (proof != null && first != null) {
      return new FulfillmentResult.Digital(record.orderId(), record.invoices(), proof, first, replayed);
    }
    PhysicalShipment shipment = record.physicalShipment().orElseThrow(() -> new IllegalStateException(
        "the ledger holds order " + record.orderId() + " completed with neither proof nor shipment"));
    return new FulfillmentResult.Physical(record.orderId(), record.invoices(), shipment, replayed);
  }

  /** The refusal of an order whose id was fulfilled before with other content. */
  static FulfillmentException conflict(OrderId orderId, String recorded, String digest) {
    return new FulfillmentException(FulfillmentException.Reason.ORDER_CONFLICT, "order " + orderId
        + " was fulfilled before with other content: " + String.join(", ", OrderDigest.differences(recorded, digest))
        + " differ; an order id names one order, so nothing was done now");
  }

  static InvoiceId invoiceId(OrderId orderId, InvoiceLeg leg) {
    return InvoiceId.of((leg == InvoiceLeg.VENDOR_TO_DISTRIBUTOR ? "VD-" : "DR-") + orderId.value());
  }
}
