package dev.openproof.examples.cli;

import dev.openproof.certificate.SummaryDocument;
import dev.openproof.core.fulfillment.LicenseFulfillment;
import dev.openproof.core.memory.RecordingProofDelivery;
import dev.openproof.core.model.PartyRef;
import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseSummary;
import dev.openproof.core.model.SummaryLine;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.examples.demo.IssuerFolder;
import dev.openproof.jdbc.JdbcProofLedger;
import dev.openproof.jwt.JwsProofSigner;
import dev.openproof.jwt.LicenseSummaryTokens;
import dev.openproof.jwt.key.SigningKey;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code openproof summary --customer ID | --authorization A --dir DIR [--out FILE.jwt] [--csv FILE.csv]
 * [--pdf FILE.pdf] [--all]}: what a customer or an authorization holds.
 */
@Command(name = "summary", header = "Print the license summary of a customer or an authorization.", description =
    "Print the license summary of a customer or of an authorization in the demo's folder: every"
        + " entitlement in force, with its term and Software Assurance ends and the proofs it rests on."
        + " --out writes it as a signed token (typ license-summary+jwt) that 'openproof verify' and any"
        + " JOSE library check; --csv as CSV; --pdf as a PDF/A document in the language of the holder's country.")
final class SummaryCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Subject subject;

  /** Exactly one of the two. */
  static final class Subject {
    @Option(names = "--customer", paramLabel = "ID", description = "The customer's id.")
    @Nullable String customer;

    @Option(names = "--authorization", paramLabel = "A", description = "The authorization number.")
    @Nullable String authorization;
  }

  @Option(names = "--dir", defaultValue = "openproof-demo", description = "The demo's folder; default ${DEFAULT-VALUE}.")
  Path dir;

  @Option(names = "--out", paramLabel = "FILE.jwt", description = "Write the signed summary token here.")
  @Nullable Path out;

  @Option(names = "--csv", paramLabel = "FILE.csv", description = "Write the summary as CSV here.")
  @Nullable Path csv;

  @Option(names = "--pdf", paramLabel = "FILE.pdf", description = "Write the summary as a PDF/A document here.")
  @Nullable Path pdf;

  @Option(names = "--all", description = "List returned, transferred and ended entitlements too, marked by their state.")
  boolean all;

  @Option(names = "--issuer", defaultValue = OpenProofCommand.DEFAULT_ISSUER, description = "The issuer; default ${DEFAULT-VALUE}.")
  String issuer;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    SigningKey key = IssuerFolder.activeKey(dir);
    LicenseSummary summary;
    @Nullable PartyRef holder;
    try (JdbcProofLedger ledger = JdbcProofLedger.h2File(dir.resolve("ledger"))) {
      LicenseFulfillment fulfillment = LicenseFulfillment.builder().signer(JwsProofSigner.of(key, issuer)).ledger(ledger)
          .delivery(RecordingProofDelivery.create(Clock.systemUTC())) // a summary sends nothing
          .build();
      summary = subject.customer != null
          ? fulfillment.afterSale().summaryOfCustomer(subject.customer, all)
          : fulfillment.afterSale().summaryOfAuthorization(AuthorizationNumber.of(Objects.requireNonNull(subject.authorization, "--customer or --authorization")), all);
      holder = pdf == null ? null : holder(subject.customer != null ? ledger.findProofsOfCustomer(subject.customer)
          : ledger.findProofs(AuthorizationNumber.of(Objects.requireNonNull(subject.authorization, "--customer or --authorization"))));
    }
    stdout.println("license summary of " + (subject.customer != null ? "customer " + subject.customer
        : "authorization " + subject.authorization) + " as of " + summary.asOf() + ": "
        + summary.lines().size() + (summary.lines().size() == 1 ? " entitlement" : " entitlements"));
    for (SummaryLine line : summary.lines()) {
      stdout.printf("  %-12s %5d  %-30s %-31s term %-10s SA %-10s %-11s proofs %s%n", line.sku(), line.quantity(),
          line.product().length() > 30 ? line.product().substring(0, 29) + "…" : line.product(), line.type(),
          line.termEnds() == null ? "-" : line.termEnds(), line.saEnds() == null ? "-" : line.saEnds(), line.state(),
          line.proofs().stream().map(LicenseNumber::value).collect(Collectors.joining(" ")));
    }
    if (out != null) {
      Files.writeString(out, LicenseSummaryTokens.sign(summary, key, issuer) + "\n", StandardCharsets.US_ASCII);
      stdout.println("signed summary: " + out);
    }
    if (csv != null) {
      Files.writeString(csv, summary.toCsv(), StandardCharsets.UTF_8);
      stdout.println("csv: " + csv);
    }
    if (pdf != null) {
      Files.write(pdf, holder != null ? SummaryDocument.render(summary, holder) : SummaryDocument.render(summary, Locale.ENGLISH));
      stdout.println("pdf: " + pdf);
    }
    return 0;
  }

  /** Who holds the entitlements now: the customer of the newest proof still standing, else of the newest. */
  private static @Nullable PartyRef holder(List<ProofRecord> proofs) {
    PartyRef newest = null;
    PartyRef standing = null;
    for (ProofRecord record : proofs) {
      newest = record.proof().customer();
      if (record.revoked().isEmpty()) {
        standing = newest;
      }
    }
    return standing != null ? standing : newest;
  }
}
