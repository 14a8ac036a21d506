package dev.openproof.core.exchange;

import dev.openproof.core.model.InvoiceId;
import dev.openproof.core.model.Invoice;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A request to credit some or all lines of an invoice, because its order was returned.
 *
 * @param creditNoteId the credit note's identifier: the same for every retry, so that the invoicing
 *     system can recognise a repeated request
 * @param cancelled the invoice to cancel, as it was issued
 * @param skus the SKUs of the lines to credit; empty to credit every line
 * @param reason why, in a few words
 * @param issuedAt the credit note's date
 * @since 0.2.0
 */
public record CreditNoteRequest(InvoiceId creditNoteId, Invoice cancelled, List<String> skus, String reason, Instant issuedAt) {
  /** Checks that the parts are present. */
  public CreditNoteRequest {
    Objects.requireNonNull(creditNoteId, "creditNoteId");
    Objects.requireNonNull(cancelled, "cancelled");
    skus = List.copyOf(Objects.requireNonNull(skus, "skus"));
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(issuedAt, "issuedAt");
  }
}
