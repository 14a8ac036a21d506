package dev.openproof.examples.cli;

import dev.openproof.core.fulfillment.ReminderReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openproof remind --dir DIR [--now INSTANT]}: renewal reminders, each sent once. */
@Command(name = "remind", header = "Mail reminders of terms and Software Assurance that end soon.", description =
    "Mail a reminder to each customer of the demo's folder whose subscription term or Software"
        + " Assurance ends within 30 or 7 days, in the customer's language; each reminder is sent once (the"
        + " ledger records it). The mails land in DIR/outbox/. Exit 1 if any reminder could not be sent (a"
        + " later run retries it).")
final class RemindCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--dir", defaultValue = "openproof-demo", description = "The demo's folder; default ${DEFAULT-VALUE}.")
  Path dir;

  @Option(names = "--now", paramLabel = "INSTANT", description = "Count the days from this instant, e.g. 2029-03-10T09:00:00Z; default: now.")
  @Nullable Instant now;

  @Option(names = "--issuer", defaultValue = OpenProofCommand.DEFAULT_ISSUER, description = "The issuer; default ${DEFAULT-VALUE}.")
  String issuer;

  @Mixin
  MailServerOptions mailServer;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Instant at = now != null ? now : Instant.now();
    ReminderReport report;
    try (AfterSaleFolder folder = AfterSaleFolder.open(dir, issuer, mailServer)) {
      report = folder.fulfillment().afterSale().remindExpiring(at);
      folder.publish();
      out.println("reminders as of " + at + ": " + report.sent() + " sent, " + report.copies() + " copies to resellers, "
          + report.failed() + " not sent, via " + folder.describeMail());
    }
    return report.failed() == 0 ? 0 : 1;
  }
}
