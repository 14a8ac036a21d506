package dev.openproof.examples.demo;

import dev.openproof.core.event.FulfillmentEvent;
import dev.openproof.core.model.ChainPricing;
import dev.openproof.core.model.CreditNote;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.exchange.CreditNoteRequest;
import dev.openproof.core.exchange.InvoiceRequest;
import dev.openproof.core.port.Invoicing;
import dev.openproof.core.exchange.InvoicingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The demo's billing system: each invoice, priced by {@link ChainPricing}, becomes a JSON file in a
 * folder once the ledger has recorded it ({@link #on}, {@link #keep}), written atomically and never
 * rewritten. Holds nothing in memory, so a long run stays flat. Thread-safe.
 *
 * @since 0.1.0
 */
public final class FileInvoicing implements Invoicing {
  private final Path dir;
  private final ChainPricing pricing = ChainPricing.standard();
  private final InvoiceJson json = new InvoiceJson();

  /**
   * Invoicing into a folder.
   *
   * @param dir the folder, created where missing
   * @throws IOException if the folder cannot be created
   */
  public FileInvoicing(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  /**
   * Writes the credit note to {@code CN-<invoice id>.json} beside the invoice it cancels; an existing
   * file is read back, never rewritten.
   */
  @Override
  public CreditNote credit(CreditNoteRequest request) {
    Path file = dir.resolve(request.creditNoteId().value() + ".json");
    try {
      if (Files.exists(file)) {
        return json.readCreditNote(Files.readString(file));
      }
      CreditNote note = Invoicing.super.credit(request);
      if (!writeOnce(file, json.write(note))) {
        return json.readCreditNote(Files.readString(file));
      }
      return note;
    } catch (IOException e) {
      throw new InvoicingException("credit note " + request.creditNoteId() + " could not be written to " + dir + ": "
          + e.getMessage(), e);
    }
  }

  /** Writes a file atomically unless it exists; {@code false} if another writer was first. */
  private boolean writeOnce(Path file, String content) throws IOException {
    Path temp = Files.createTempFile(dir, ".invoice", ".tmp");
    Files.writeString(temp, content, StandardCharsets.UTF_8);
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(temp);
      return false;
    }
  }

  /** Prices the invoice; its file is written by {@link #keep} once the ledger has recorded it. */
  @Override
  public Invoice issue(InvoiceRequest request) {
    return pricing.invoice(request.invoiceId(), request.leg(), request.order(), request.issuedAt());
  }

  /**
   * Writes the file of an invoice the ledger recorded, unless it is there: written beside its name
   * and renamed over it, so a crash leaves no half file and no file the ledger does not know.
   *
   * @param invoice the invoice as the ledger keeps it
   * @throws InvoicingException if the file cannot be written
   */
  public void keep(Invoice invoice) {
    Path file = dir.resolve(invoice.id().value() + ".json");
    try {
      if (Files.exists(file)) {
        return;
      }
      Path temp = Files.createTempFile(dir, ".invoice", ".tmp");
      try {
        Files.writeString(temp, json.write(invoice), StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        // Another run wrote it: the ledger's invoice is the same.
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new InvoicingException("invoice " + invoice.id() + " could not be written to " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * A listener that writes each invoice's file once the ledger has recorded it.
   *
   * @param event a workflow event
   */
  public void on(FulfillmentEvent event) {
    if (event instanceof FulfillmentEvent.InvoiceIssued issued) {
      keep(issued.invoice());
    }
  }
}
