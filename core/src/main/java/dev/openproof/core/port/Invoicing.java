package dev.openproof.core.port;

import dev.openproof.core.exchange.CreditNoteRequest;
import dev.openproof.core.model.CreditNote;
import dev.openproof.core.exchange.InvoiceRequest;
import dev.openproof.core.exchange.InvoicingException;
import dev.openproof.core.model.Invoice;

/**
 * Issues the invoice of one leg of the chain: the host's billing system. The invoicing process is
 * the one that existed before digital proofs; OpenProof only triggers it.
 *
 * <p>Implementations must be thread-safe and idempotent by {@link InvoiceRequest#invoiceId()}: a
 * repeated request returns the invoice already issued rather than a second one.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Invoicing {
  /**
   * Issues an invoice, or returns the one already issued for this request's id.
   *
   * @param request the leg and order to invoice
   * @return the invoice
   * @throws InvoicingException if the billing system failed; the request may be repeated
   */
  Invoice issue(InvoiceRequest request);

  /**
   * Issues a credit note that cancels some or all lines of an invoice, or returns the one already
   * issued for this request's id. The default computes it from the invoice as it was issued, the
   * amounts exactly as invoiced ({@link CreditNote#cancelling}); a billing system overrides this to
   * record the credit note in its books too.
   *
   * @param request the invoice and the lines to credit
   * @return the credit note
   * @throws InvoicingException if the billing system failed; the request may be repeated
   * @since 0.2.0
   */
  default CreditNote credit(CreditNoteRequest request) {
    return CreditNote.cancelling(request.creditNoteId(), request.cancelled(), request.skus(), request.reason(),
        request.issuedAt());
  }
}
