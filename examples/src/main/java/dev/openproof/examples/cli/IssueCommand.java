package dev.openproof.examples.cli;

import dev.openproof.core.fulfillment.FulfillmentResult;
import dev.openproof.core.fulfillment.LicenseFulfillment;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.Order;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.validation.InvalidOrderException;
import dev.openproof.core.validation.Violation;
import dev.openproof.examples.demo.DemoMail;
import dev.openproof.examples.demo.FileInvoicing;
import dev.openproof.orderjson.OrderJson;
import dev.openproof.jdbc.JdbcProofLedger;
import dev.openproof.jwt.JwsProofSigner;
import dev.openproof.jwt.key.KeyFiles;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openproof issue --order FILE --key FILE [--smtp HOST:PORT] [--out DIR]}. */
@Command(name = "issue", description = {
    "Fulfill one order given as JSON (order.schema.json): invoice both legs, then mail a signed proof to",
    "the customer, or record the paper route for an order placed before the cut-over. Idempotent per --out."})
final class IssueCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--order", required = true, paramLabel = "FILE", description = "The order, as JSON.")
  Path orderFile;

  @Option(names = "--key", required = true, paramLabel = "FILE", description = "The private signing key (JWK).")
  Path keyFile;

  @Option(names = "--out", defaultValue = "openproof-out", paramLabel = "DIR",
      description = "Folder of the ledger, invoices, proofs and outbox (default ${DEFAULT-VALUE}).")
  Path out;

  @Mixin
  MailServerOptions mailServer;

  @Option(names = "--issuer", defaultValue = OpenProofCommand.DEFAULT_ISSUER, description = "Issuer (iss) of the proof.")
  String issuer;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    Order order;
    try {
      order = OrderJson.create().read(orderFile);
    } catch (InvalidOrderException e) {
      stderr.println("openproof: " + e.reasonCode() + ": " + orderFile + " was refused; nothing was stored or sent ("
          + e.violations().size() + (e.violations().size() == 1 ? " violation):" : " violations):"));
      for (Violation violation : e.violations()) {
        stderr.println("  " + violation);
      }
      stderr.flush();
      return 1;
    }
    JwsProofSigner signer = JwsProofSigner.of(KeyFiles.readJwk(keyFile), issuer);
    try (DemoMail mail = DemoMail.open(mailServer.host(), mailServer.port(), mailServer.tls, out.resolve("outbox"));
        JdbcProofLedger ledger = JdbcProofLedger.h2File(out.resolve("ledger"))) {
      FulfillmentResult result = LicenseFulfillment.builder()
          .signer(signer)
          .delivery(mail.delivery())
          .invoicing(new FileInvoicing(out.resolve("invoices")))
          .ledger(ledger)
          .build()
          .fulfill(order);
      mail.drain();
      stdout.println("order " + order.orderId() + (result.replayed() ? " was fulfilled before: " : " fulfilled: ")
          + result.route());
      for (Invoice invoice : result.invoices()) {
        stdout.println("  invoice  " + invoice.id() + "  " + invoice.total() + "  " + invoice.seller().name() + " -> " + invoice.buyer().name());
      }
      result.physicalShipment().ifPresent(s ->
          stdout.println("  paper certificate shipped to the distributor " + s.distributor().name()));
      ProofRecord proof = result.issuedProof().orElse(null);
      if (proof != null) {
        Path file = Files.createDirectories(out.resolve("proofs")).resolve(proof.proof().licenseNumber() + ".jwt");
        Files.writeString(file, proof.signedProof().token() + "\n", StandardCharsets.US_ASCII);
        stdout.println("  proof    license " + proof.proof().licenseNumber() + ", authorization "
            + proof.proof().authorizationNumber() + ", " + file);
        DeliveryRecord delivery = result.firstDelivery().orElseThrow();
        stdout.println("  mail     " + delivery.status() + " to " + delivery.request().recipient().email()
            + " via " + mail.description()
            + delivery.deliveryFailure().map(f -> " (" + f.kind() + ": " + f.message() + ")").orElse(""));
      }
      stdout.flush();
      return 0;
    }
  }
}
