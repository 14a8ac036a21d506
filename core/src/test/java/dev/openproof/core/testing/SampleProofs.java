package dev.openproof.core.testing;

import dev.openproof.core.model.AuthorizationNumber;
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
import dev.openproof.core.model.Recipient;
import dev.openproof.core.model.SignedProof;
import dev.openproof.core.exchange.DeliveryKind;
import dev.openproof.core.exchange.DeliveryRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Proofs, signed proofs, deliveries and invoices of the sample orders, for tests of ports. */
public final class SampleProofs {
  private SampleProofs() {}

  /** A proof of the order, issued at {@code issuedAt}, with the given proof id. */
  public static LicenseProof proof(Order order, String proofId, Instant issuedAt) {
    return LicenseProof.of(order, ProofId.of(proofId), LicenseNumber.withCheckDigit("123456789"),
        order.existingAuthorization().orElse(AuthorizationNumber.of("A00000000001")), issuedAt);
  }

  /** The proof signed by a {@link FakeSigner}. */
  public static SignedProof signed(LicenseProof proof) {
    return new FakeSigner().sign(proof);
  }

  /** The first delivery of a proof to the order's customer. */
  public static DeliveryRequest firstDelivery(Order order, LicenseProof proof, String deliveryId) {
    return new DeliveryRequest(DeliveryId.of(deliveryId), DeliveryKind.ORIGINAL, null,
        Recipient.of(order.customer()), proof, signed(proof));
  }

  /** A resend of a proof, naming its first delivery. */
  public static DeliveryRequest resend(DeliveryRequest first, String deliveryId) {
    return new DeliveryRequest(DeliveryId.of(deliveryId), DeliveryKind.RESEND, first.deliveryId(),
        first.recipient(), first.proof(), first.signedProof());
  }

  /** A one-line invoice of a leg of the order, for the given total. */
  public static Invoice invoice(Order order, InvoiceLeg leg, String amount, Instant issuedAt) {
    Money total = new Money(new BigDecimal(amount), order.currency());
    PartyRef seller = leg == InvoiceLeg.VENDOR_TO_DISTRIBUTOR
        ? new PartyRef("VENDOR", "Software Vendor", null) : order.distributor().ref();
    PartyRef buyer = leg == InvoiceLeg.VENDOR_TO_DISTRIBUTOR ? order.distributor().ref() : order.reseller().ref();
    InvoiceLine line = new InvoiceLine("SKU-1", "Product", 1, new BigDecimal(amount), total);
    return new Invoice(InvoiceId.of(leg.name() + "-" + order.orderId()), leg, order.orderId(), seller, buyer,
        List.of(line), total, issuedAt);
  }
}
