package dev.openproof.examples.cli;

import dev.openproof.core.fulfillment.AfterSaleOptions;
import dev.openproof.core.fulfillment.LicenseFulfillment;
import dev.openproof.core.fulfillment.LicenseFulfillmentBuilder;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.examples.demo.DemoMail;
import dev.openproof.examples.demo.FileInvoicing;
import dev.openproof.examples.demo.IssuerFolder;
import dev.openproof.jdbc.JdbcProofLedger;
import dev.openproof.jdbc.JdbcStatusLists;
import dev.openproof.jwt.JwsProofSigner;
import dev.openproof.jwt.key.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The demo's folder opened for the work after the sale: its ledger and status lists, its active
 * key, its invoices folder and its mail (the outbox). Close it to close the ledger and the mail.
 */
final class AfterSaleFolder implements AutoCloseable {
  private final Path dir;
  private final String issuer;
  private final SigningKey key;
  private final DemoMail mail;
  private final JdbcProofLedger ledger;
  private final JdbcStatusLists lists;
  private final LicenseFulfillment fulfillment;

  private AfterSaleFolder(Path dir, String issuer, MailServerOptions smtp, UnaryOperator<LicenseFulfillmentBuilder> more)
      throws IOException {
    this.dir = dir;
    this.issuer = issuer;
    this.key = IssuerFolder.activeKey(dir);
    this.mail = DemoMail.open(smtp.host(), smtp.port(), smtp.tls, dir.resolve("outbox"));
    JdbcProofLedger opened;
    try {
      opened = JdbcProofLedger.h2File(dir.resolve("ledger"));
    } catch (RuntimeException e) {
      mail.close();
      throw e;
    }
    this.ledger = opened;
    this.lists = ledger.statusLists(IssuerFolder.statusBase(issuer));
    this.fulfillment = more.apply(LicenseFulfillment.builder()
        .signer(JwsProofSigner.of(key, issuer))
        .delivery(mail.delivery())
        .afterSale(AfterSaleOptions.defaults().withNotices(mail.notices()))
        .invoicing(new FileInvoicing(dir.resolve("invoices")))
        .ledger(ledger)
        .statusLists(lists)).build();
  }

  static AfterSaleFolder open(Path dir, String issuer, MailServerOptions smtp) throws IOException {
    return new AfterSaleFolder(dir, issuer, smtp, UnaryOperator.identity());
  }

  static AfterSaleFolder open(Path dir, String issuer, MailServerOptions smtp, UnaryOperator<LicenseFulfillmentBuilder> more)
      throws IOException {
    return new AfterSaleFolder(dir, issuer, smtp, more);
  }

  LicenseFulfillment fulfillment() {
    return fulfillment;
  }

  SigningKey key() {
    return key;
  }

  String describeMail() {
    return mail.description();
  }

  /** Writes a proof to {@code proofs/<license number>.jwt}, as the demo does. */
  Path writeProof(ProofRecord proof) throws IOException {
    Path file = Files.createDirectories(dir.resolve("proofs")).resolve(proof.proof().licenseNumber().value() + ".jwt");
    if (!Files.exists(file)) {
      Files.writeString(file, proof.signedProof().token() + "\n", StandardCharsets.US_ASCII);
    }
    return file;
  }

  /** Signs and writes the status lists, and saves the mail sent so far in the outbox. */
  List<Path> publish() throws IOException {
    mail.drain();
    return IssuerFolder.publish(dir, lists, key, issuer);
  }

  @Override
  public void close() {
    try {
      ledger.close();
    } finally {
      mail.close();
    }
  }
}
