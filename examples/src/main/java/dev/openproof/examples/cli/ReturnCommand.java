package dev.openproof.examples.cli;

import dev.openproof.core.fulfillment.ReturnResult;
import dev.openproof.core.model.CreditNote;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.exchange.ProofRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code openproof return ORDER_ID --dir DIR [--reason TEXT] [--line SKU]…}: returns an order of the
 * demo's folder, in whole or some of its lines, within the return window.
 */
@Command(name = "return", header = "Return an order: revoke its proof and credit both legs.", description =
    "Return an order of the demo's folder within its return window (60 days from fulfillment): its"
        + " proof is revoked, a credit note on each leg is written to DIR/invoices/CN-<invoice>.json, the"
        + " customer is told by mail, and the status lists in DIR/status/ are published again. With --line,"
        + " only those lines are returned and the customer gets a new proof of the rest. Refused (exit 1)"
        + " with a reason code when the order is unknown, paper, already returned or past its window.")
final class ReturnCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "ORDER_ID", description = "The order to return.")
  String orderId;

  @Option(names = "--dir", defaultValue = "openproof-demo", description = "The demo's folder; default ${DEFAULT-VALUE}.")
  Path dir;

  @Option(names = "--reason", defaultValue = "order returned", description = "Why; default ${DEFAULT-VALUE}.")
  String reason;

  @Option(names = "--line", paramLabel = "SKU", description = "Return only the line of this SKU (repeatable).")
  List<String> lines = List.of();

  @Option(names = "--issuer", defaultValue = OpenProofCommand.DEFAULT_ISSUER, description = "The issuer; default ${DEFAULT-VALUE}.")
  String issuer;

  @Mixin
  MailServerOptions mailServer;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (AfterSaleFolder folder = AfterSaleFolder.open(dir, issuer, mailServer)) {
      OrderId order = OrderId.of(orderId);
      ReturnResult result = lines.isEmpty()
          ? folder.fulfillment().afterSale().returnOrder(order, reason)
          : folder.fulfillment().afterSale().returnLines(order, lines, reason);
      out.println("returned order " + result.orderId() + (result.skus().isEmpty() ? "" : " (lines " + String.join(", ", result.skus()) + ")")
          + ": proof " + result.revocation().proofId() + " revoked");
      for (CreditNote note : result.creditNotes()) {
        out.println("  credit note  " + note.id() + "  cancels " + note.cancels() + "  " + note.total() + "  "
            + note.seller().name() + " -> " + note.buyer().name() + "  " + dir.resolve("invoices").resolve(note.id() + ".json"));
      }
      ProofRecord kept = result.replacement();
      if (kept != null) {
        out.println("  new proof    license " + kept.proof().licenseNumber() + " of the lines kept, " + folder.writeProof(kept));
      }
      out.println("  notice       mailed to the customer via " + folder.describeMail() + " (" + result.noticeMessageId() + ")");
      for (Path file : folder.publish()) {
        out.println("  published    " + file);
      }
    }
    return 0;
  }
}
