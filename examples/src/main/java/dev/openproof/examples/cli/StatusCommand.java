package dev.openproof.examples.cli;

import dev.openproof.examples.demo.IssuerFolder;
import dev.openproof.examples.demo.SiteFolder;
import dev.openproof.jdbc.JdbcProofLedger;
import dev.openproof.jdbc.JdbcStatusLists;
import dev.openproof.jwt.key.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code openproof status}: the issuer's Token Status Lists. */
@Command(name = "status", header = "Publish the issuer's status lists.", description =
    "The status lists tell partners, offline, which proofs were revoked or suspended.",
    subcommands = StatusCommand.Publish.class)
final class StatusCommand implements Runnable {
  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a status command is required: publish");
  }

  /** {@code openproof status publish [--dir DIR] [--out FILE]}. */
  @Command(name = "publish", header = "Sign the status lists as tokens.", description =
      "Signs the status lists of the demo's folder as Status List Tokens (typ statuslist+jwt):"
          + " DIR/status/<n>.jwt for each list, or FILE when there is one list.")
  static final class Publish implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--dir", defaultValue = "openproof-demo", description = "The demo's folder; default ${DEFAULT-VALUE}.")
    Path dir;

    @Option(names = "--out", description = "Write the token to this file instead (one list only).")
    Path out;

    @Option(names = "--issuer", defaultValue = OpenProofCommand.DEFAULT_ISSUER, description = "The issuer; default ${DEFAULT-VALUE}.")
    String issuer;

    @Option(names = "--key", paramLabel = "FILE",
        description = "The signing key, when the folder has none of its own (an 'issue --key' folder).")
    @Nullable Path keyFile;

    @Override
    public Integer call() throws Exception {
      SigningKey key = IssuerFolder.activeKey(dir, keyFile);
      try (JdbcProofLedger ledger = JdbcProofLedger.h2File(dir.resolve("ledger"))) {
        JdbcStatusLists lists = ledger.statusLists(IssuerFolder.statusBase(issuer));
        List<Path> written = IssuerFolder.publish(dir, lists, key, issuer);
        java.util.Optional<Path> site = SiteFolder.refresh(dir, issuer);
        if (out != null) {
          if (written.size() != 1) {
            throw new IllegalStateException("there are " + written.size() + " status lists; --out takes one: use DIR/status/");
          }
          Files.writeString(out, Files.readString(written.get(0), StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
          written = List.of(out);
        }
        for (Path file : written) {
          spec.commandLine().getOut().println("published " + file);
        }
        site.ifPresent(folder -> spec.commandLine().getOut().println("refreshed " + folder));
      }
      return 0;
    }
  }
}
