package dev.openproof.examples.cli;

import dev.openproof.core.fulfillment.TransferResult;
import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.exchange.ProofRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code openproof transfer AUTHORIZATION --to CUSTOMER.json --dir DIR [--reason TEXT]}. */
@Command(name = "transfer", header = "Transfer an authorization's licenses to a new owner.", description =
    "Transfer every license under an authorization of the demo's folder to a new owner: each proof"
        + " is revoked as 'transferred' and replaced by a proof of the same entitlements to the new"
        + " customer, under a new authorization number, written to DIR/proofs/ and mailed. Exit 1 if a new"
        + " proof was not delivered.")
final class TransferCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "AUTHORIZATION", description = "The authorization number whose licenses move.")
  String authorization;

  @Option(names = "--to", required = true, paramLabel = "CUSTOMER.json",
      description = "The new owner, as JSON: {\"id\", \"name\", \"country\", \"email\", \"language\"}.")
  Path customerFile;

  @Option(names = "--dir", defaultValue = "openproof-demo", description = "The demo's folder; default ${DEFAULT-VALUE}.")
  Path dir;

  @Option(names = "--reason", defaultValue = "licenses transferred", description = "Why; default ${DEFAULT-VALUE}.")
  String reason;

  @Option(names = "--issuer", defaultValue = OpenProofCommand.DEFAULT_ISSUER, description = "The issuer; default ${DEFAULT-VALUE}.")
  String issuer;

  @Mixin
  MailServerOptions mailServer;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    var customer = CustomerFile.read(customerFile);
    boolean allDelivered;
    try (AfterSaleFolder folder = AfterSaleFolder.open(dir, issuer, mailServer)) {
      TransferResult result = folder.fulfillment().afterSale().transfer(AuthorizationNumber.of(authorization), customer, reason);
      out.println("transferred authorization " + result.from() + " to " + customer.id() + " (" + customer.name()
          + ") under authorization " + result.to());
      for (int i = 0; i < result.newProofs().size(); i++) {
        ProofRecord proof = result.newProofs().get(i);
        DeliveryRecord delivery = result.deliveries().get(i);
        out.println("  new proof  license " + proof.proof().licenseNumber() + " replaces "
            + proof.proof().replacesProof().map(Object::toString).orElse("?") + ", " + folder.writeProof(proof)
            + ", mail " + delivery.status() + " to " + delivery.request().recipient().email());
      }
      for (Path file : folder.publish()) {
        out.println("  published  " + file);
      }
      allDelivered = result.deliveries().stream().allMatch(d -> d.status() == DeliveryStatus.DELIVERED);
    }
    return allDelivered ? 0 : 1;
  }
}
