package dev.openproof.examples.cli;

import dev.openproof.examples.demo.DemoOptions;
import dev.openproof.examples.demo.DemoRun;
import dev.openproof.examples.demo.DemoSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code openproof demo [--out DIR] [--smtp HOST:PORT] [--orders N] [--workers N]}. */
@Command(name = "demo", header = "Run the whole job on embedded defaults.", description =
    "Reads the bundled sample orders, invoices both legs of the chain, signs a proof for each digital order,"
        + " mails it straight to each customer and verifies every proof with the published keys, on a worker per processor."
        + " The summary gives orders/s against the one-core crypto bound (one ES256 sign and verify an order, measured"
        + " in the same run) and the memory used. Run it again on the same folder: it adds nothing.")
final class DemoCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--out", defaultValue = "openproof-demo", description = "Folder to write to (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--orders", defaultValue = "0", paramLabel = "N",
      description = "Generated orders to add to the bundled samples, for a load run.")
  int orders;

  @Option(names = "--workers", paramLabel = "N", description = "Threads that fulfil the orders, each 100 at a time"
      + " (default: one per processor, here ${DEFAULT-VALUE}).")
  int workers = DemoOptions.defaultWorkers();

  @Mixin
  MailServerOptions mailServer;

  @Option(names = "--issuer", defaultValue = OpenProofCommand.DEFAULT_ISSUER, description = "Issuer (iss) of the proofs.")
  String issuer;

  @Override
  public Integer call() throws Exception {
    if (orders < 0) {
      throw new ParameterException(spec.commandLine(), "--orders must not be negative");
    }
    if (workers < 1 || workers > DemoOptions.MAX_WORKERS) {
      throw new ParameterException(spec.commandLine(), "--workers must be 1 to " + DemoOptions.MAX_WORKERS);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println("OpenProof demo in " + out.toAbsolutePath().normalize()
        + " (mail through " + mailServer.describe() + ")");
    DemoSummary summary = DemoRun.run(new DemoOptions(out, mailServer.host(), mailServer.port(), mailServer.tls, orders, issuer,
        mailServer.trust, workers), stdout);
    stdout.println(summary.render());
    stdout.println("verify a proof:   java -jar openproof.jar verify --jwks " + out.resolve("jwks.json") + " " + out.resolve("proofs") + "/*.jwt");
    stdout.println("or in a browser:  serve " + out.resolve("site") + "/ and open verify.html#<the proof's token>");
    stdout.flush();
    int status = summary.refused() == 0 ? ExitStatus.OK : ExitStatus.FAILED;
    if (summary.mailsPending() + summary.mailsFailed() > 0) {
      status = ExitStatus.UNDELIVERED;
    }
    if (summary.mailConfigurationError().isPresent()) {
      PrintWriter stderr = spec.commandLine().getErr();
      stderr.println(ExitStatus.mailConfigurationLines(summary.mailConfigurationError().get(), mailServer.tls));
      stderr.flush();
      status = ExitStatus.MAIL_CONFIGURATION;
    }
    return status;
  }
}
