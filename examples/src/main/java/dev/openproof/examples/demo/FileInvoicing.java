package dev.openproof.examples.demo;

import dev.openproof.core.model.ChainPricing;
import dev.openproof.core.model.Invoice;
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
 * The demo's billing system: each invoice, priced by {@link ChainPricing}, is a JSON file in a
 * folder, written atomically. Idempotent by invoice id: an existing file is read back, never
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

  @Override
  public Invoice issue(InvoiceRequest request) {
    Path file = dir.resolve(request.invoiceId().value() + ".json");
    try {
      if (Files.exists(file)) {
        return json.read(Files.readString(file));
      }
      Invoice invoice = pricing.invoice(request.invoiceId(), request.leg(), request.order(), request.issuedAt());
      Path temp = Files.createTempFile(dir, ".invoice", ".tmp");
      Files.writeString(temp, json.write(invoice), StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        Files.deleteIfExists(temp);
        return json.read(Files.readString(file));
      }
      return invoice;
    } catch (IOException e) {
      throw new InvoicingException("invoice " + request.invoiceId() + " could not be written to " + dir + ": " + e.getMessage(), e);
    }
  }
}
