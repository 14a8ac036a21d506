package dev.openproof.examples.cli;

import dev.openproof.core.fulfillment.FulfillmentResult;
import dev.openproof.core.fulfillment.LicenseFulfillment;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.Order;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.validation.InvalidOrderException;
import dev.openproof.core.validation.Violation;
import dev.openproof.examples.demo.Console;
import dev.openproof.examples.demo.DemoCertificates;
import dev.openproof.examples.demo.DemoMail;
import dev.openproof.examples.demo.FileInvoicing;
import dev.openproof.examples.demo.IssuerFolder;
import dev.openproof.examples.demo.MailOutcomes;
import dev.openproof.jdbc.JdbcProofLedger;
import dev.openproof.jwt.JwsProofSigner;
import dev.openproof.jwt.ProofFiles;
import dev.openproof.jwt.key.KeyFolder;
import dev.openproof.jwt.key.KeyRing;
import dev.openproof.jwt.key.SigningKey;
import dev.openproof.orderjson.OrderJson;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openproof issue --order FILE [--key FILE] [--smtp HOST:PORT] [--out DIR]}. */
@Command(name = "issue", header = "Fulfill one order given as JSON.", description =
    "Reads the order (order.schema.json), invoices both legs, then mails a signed proof and its certificate to"
        + " the customer, or records the paper route for an order placed before the cut-over. Idempotent per"
        + " --out folder: a rerun does not fulfill the order twice, and first sends the folder's mail that is"
        + " due, through the server given now. The folder has the demo's layout, so 'revoke' and 'status"
        + " publish' work on it.")
final class IssueCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--order", required = true, paramLabel = "FILE", description = "The order, as JSON.")
  Path orderFile;

  @Option(names = "--key", paramLabel = "FILE",
      description = "The private signing key (JWK, owner-only); default DIR/keys/" + KeyFolder.SIGNING_KEY + ".")
  @Nullable Path keyFile;

  @Option(names = "--out", defaultValue = "openproof-out", paramLabel = "DIR",
      description = "Folder of the ledger, invoices, proofs, status lists and outbox (default ${DEFAULT-VALUE}).")
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
      printRefusal(stderr, e);
      return ExitStatus.FAILED;
    }
    KeyRing keys = keys();
    Files.createDirectories(out);
    KeyFolder.writePublicJwks(out.resolve(KeyFolder.JWKS), keys);
    MailOutcomes outcomes = new MailOutcomes();
    FileInvoicing invoicing = new FileInvoicing(out.resolve("invoices"));
    try (DemoMail mail = DemoMail.open(mailServer.host(), mailServer.port(), mailServer.tls, mailServer.trust,
            out.resolve("outbox"), DemoCertificates.siteOf(issuer), DemoCertificates.of(issuer, out.resolve("certificates")));
        JdbcProofLedger ledger = JdbcProofLedger.h2File(out.resolve("ledger"))) {
      LicenseFulfillment fulfillment = LicenseFulfillment.builder()
          .signer(JwsProofSigner.of(keys, issuer))
          .delivery(mail.delivery())
          .invoicing(invoicing)
          .ledger(ledger)
          .statusLists(ledger.statusLists(IssuerFolder.statusBase(issuer)))
          .listener(outcomes::on)
          .listener(invoicing::on)
          .build();
      // The mail of earlier runs that is due goes first, through the server given now.
      fulfillment.redeliverPending();
      FulfillmentResult result;
      try {
        result = fulfillment.fulfill(order);
      } catch (InvalidOrderException e) {
        printRefusal(stderr, e);
        return ExitStatus.FAILED;
      }
      outcomes.track(result);
      result.invoices().forEach(invoicing::keep);
      mail.drain();
      IssuerFolder.publish(out, ledger.statusLists(IssuerFolder.statusBase(issuer)), keys.active(), issuer);
      stdout.println("order " + order.orderId() + (result.replayed() ? " was fulfilled before: " : " fulfilled: ")
          + result.route());
      for (Invoice invoice : result.invoices()) {
        stdout.println(Console.printable("  invoice  " + invoice.id() + "  " + invoice.total() + "  "
            + invoice.seller().name() + " -> " + invoice.buyer().name()));
      }
      result.physicalShipment().ifPresent(s ->
          stdout.println(Console.printable("  paper certificate shipped to the distributor " + s.distributor().name())));
      ProofRecord proof = result.issuedProof().orElse(null);
      if (proof != null) {
        Path file = ProofFiles.write(out.resolve("proofs"), proof.proof(), proof.signedProof());
        stdout.println("  proof    license " + proof.proof().licenseNumber() + ", authorization "
            + proof.proof().authorizationNumber() + ", " + file);
        DeliveryRecord delivery = ledger.findDelivery(result.firstDelivery().orElseThrow().request().deliveryId()).orElseThrow();
        stdout.println(Console.printable("  mail     " + delivery.status() + " to " + delivery.request().recipient().email()
            + (outcomes.attemptedNow(delivery.request().deliveryId()) ? " via " + mail.description() : " (not attempted now)")
            + delivery.deliveryFailure().map(f -> " (" + f.kind() + (f.replyCode() > 0 ? " " + f.replyCode() : "") + ": " + f.message() + ")")
                .orElse("")));
      }
      List<DeliveryRecord> undelivered = outcomes.undelivered(ledger);
      for (DeliveryRecord record : undelivered) {
        stdout.println("  not delivered   " + MailOutcomes.describe(record));
      }
      stdout.flush();
      if (outcomes.configurationFailure().isPresent()) {
        stderr.println(ExitStatus.mailConfigurationLines(Console.printable(outcomes.configurationFailure().get().message()),
            mailServer.tls));
        stderr.flush();
        return ExitStatus.MAIL_CONFIGURATION;
      }
      return undelivered.isEmpty() ? ExitStatus.OK : ExitStatus.UNDELIVERED;
    }
  }

  /** The key given, or the folder's; either must be readable by its owner only. */
  private KeyRing keys() {
    Path folderKeys = out.resolve("keys");
    if (keyFile != null) {
      SigningKey key = KeyFolder.readPrivate(keyFile);
      return KeyRing.of(key, earlierPublicKeys(key));
    }
    if (!Files.exists(folderKeys.resolve(KeyFolder.SIGNING_KEY))) {
      throw new IllegalArgumentException("no --key given and no " + folderKeys.resolve(KeyFolder.SIGNING_KEY)
          + ": give --key FILE, or run 'openproof keys generate --out " + folderKeys + "'");
    }
    return KeyFolder.ring(folderKeys);
  }

  /** The keys the folder published before, so proofs they signed stay verifiable. */
  private List<com.nimbusds.jose.jwk.JWK> earlierPublicKeys(SigningKey key) {
    Path jwks = out.resolve(KeyFolder.JWKS);
    if (!Files.exists(jwks)) {
      return List.of();
    }
    return dev.openproof.jwt.key.Jwks.read(jwks).getKeys().stream()
        .filter(k -> !k.getKeyID().equals(key.keyId())).toList();
  }

  private void printRefusal(PrintWriter stderr, InvalidOrderException e) {
    stderr.println(Console.printable("openproof: " + e.reasonCode() + ": " + orderFile + " was refused; nothing was stored or sent ("
        + e.violations().size() + (e.violations().size() == 1 ? " violation):" : " violations):")));
    for (Violation violation : e.violations()) {
      stderr.println("  " + Console.printable(violation.toString()));
    }
    stderr.flush();
  }
}
