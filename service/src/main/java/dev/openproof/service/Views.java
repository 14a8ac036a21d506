package dev.openproof.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.openproof.core.fulfillment.FulfillmentResult;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.model.Revocation;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.spring.IssuedProof;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The JSON bodies of API v1, in the wire contract's snake_case; built from the workflow's records here only. */
final class Views {
  private Views() {}

  /** An order's result. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record OrderView(
      @JsonProperty("order_id") String orderId,
      @JsonProperty("route") String route,
      @JsonProperty("replayed") boolean replayed,
      @JsonProperty("proof_id") @Nullable String proofId,
      @JsonProperty("license_number") @Nullable String licenseNumber,
      @JsonProperty("authorization_number") @Nullable String authorizationNumber,
      @JsonProperty("delivery") @Nullable DeliveryView delivery,
      @JsonProperty("invoices") List<InvoiceView> invoices) {

    static OrderView of(FulfillmentResult result) {
      LicenseProof proof = result.issuedProof().map(ProofRecord::proof).orElse(null);
      return new OrderView(result.orderId().value(), result.route().name(), result.replayed(),
          proof == null ? null : proof.proofId().value(),
          proof == null ? null : proof.licenseNumber().value(),
          proof == null ? null : proof.authorizationNumber().value(),
          result.firstDelivery().map(DeliveryView::of).orElse(null),
          result.invoices().stream().map(InvoiceView::of).toList());
    }
  }

  /** One invoice of the chain. */
  record InvoiceView(
      @JsonProperty("invoice_id") String invoiceId,
      @JsonProperty("leg") String leg,
      @JsonProperty("total") String total,
      @JsonProperty("currency") String currency) {

    static InvoiceView of(Invoice invoice) {
      return new InvoiceView(invoice.id().value(), invoice.leg().name(), invoice.total().amount().toPlainString(),
          invoice.total().currency().getCurrencyCode());
    }
  }

  /** One delivery of a proof. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DeliveryView(
      @JsonProperty("delivery_id") String deliveryId,
      @JsonProperty("kind") String kind,
      @JsonProperty("status") String status,
      @JsonProperty("attempts") int attempts,
      @JsonProperty("resend_of") @Nullable String resendOf,
      @JsonProperty("message_id") @Nullable String messageId,
      @JsonProperty("delivered_at") @Nullable String deliveredAt,
      @JsonProperty("last_failure") @Nullable String lastFailure) {

    static DeliveryView of(DeliveryRecord d) {
      return new DeliveryView(d.request().deliveryId().value(), d.request().kind().name(), d.status().name(),
          d.attempts(), d.request().original().map(id -> id.value()).orElse(null),
          d.deliveryReceipt().map(r -> r.messageId()).orElse(null),
          d.deliveryReceipt().map(r -> r.deliveredAt().toString()).orElse(null),
          d.deliveryFailure().map(f -> f.kind() + ": " + f.message()).orElse(null));
    }
  }

  /** An issued proof. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ProofView(
      @JsonProperty("proof_id") String proofId,
      @JsonProperty("order_id") String orderId,
      @JsonProperty("license_number") String licenseNumber,
      @JsonProperty("authorization_number") String authorizationNumber,
      @JsonProperty("issued_at") String issuedAt,
      @JsonProperty("expires_at") @Nullable String expiresAt,
      @JsonProperty("status") String status,
      @JsonProperty("status_list") @Nullable StatusListView statusList,
      @JsonProperty("revocation") @Nullable RevocationView revocation,
      @JsonProperty("token") String token,
      @JsonProperty("deliveries") List<DeliveryView> deliveries) {

    static ProofView of(IssuedProof issued) {
      LicenseProof p = issued.record().proof();
      Revocation r = issued.record().revoked().orElse(null);
      String status = r != null ? "REVOKED" : issued.listStatus().map(Views::statusName).orElse("VALID");
      return new ProofView(p.proofId().value(), p.orderId().value(), p.licenseNumber().value(),
          p.authorizationNumber().value(), p.issuedAt().toString(),
          p.expiresAt() == null ? null : p.expiresAt().toString(), status,
          p.statusReference().map(s -> new StatusListView(s.uri(), s.index())).orElse(null),
          r == null ? null : RevocationView.of(r), issued.record().signedProof().token(),
          issued.deliveries().stream().map(DeliveryView::of).toList());
    }
  }

  /** Where a proof's status is published. */
  record StatusListView(@JsonProperty("uri") String uri, @JsonProperty("idx") long index) {}

  /** A revocation. */
  record RevocationView(
      @JsonProperty("proof_id") String proofId,
      @JsonProperty("reason") String reason,
      @JsonProperty("revoked_at") String revokedAt) {

    static RevocationView of(Revocation r) {
      return new RevocationView(r.proofId().value(), r.reason(), r.revokedAt().toString());
    }
  }

  /** A proof's status after a change. */
  record StatusView(@JsonProperty("proof_id") String proofId, @JsonProperty("status") String status) {}

  /** The body of a revocation. */
  record RevokeRequest(@JsonProperty("reason") @Nullable String reason) {}

  static String statusName(ProofStatus status) {
    return status == ProofStatus.INVALID ? "REVOKED" : status.name().toUpperCase(Locale.ROOT);
  }
}
