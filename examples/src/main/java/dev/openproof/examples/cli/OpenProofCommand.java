package dev.openproof.examples.cli;

import dev.openproof.core.OpenProofException;
import jakarta.mail.util.StreamProvider;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.util.MailStreamProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code openproof} command. Exit codes: 0 on success, 1 when the work failed (or, for
 * {@code verify}, when a token is invalid), 2 on a usage error, 3 when {@code demo} or {@code issue}
 * left a proof undelivered, 4 when the mail settings are wrong (the README's table). A failure
 * prints one line; the stack trace only with {@code --verbose}.
 *
 * @since 0.1.0
 */
@Command(
    name = "openproof",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT, // --help on every subcommand
    version = "openproof 0.1.0-SNAPSHOT",
    header = "Digital proofs of license for Open agreements: issue, mail and verify them.",
    description = "Each command prints one line per failure and exits 0 when it did all it was asked, 1 when"
        + " any of the work failed (for verify: when a token is invalid) and 2 on a usage error. Add --verbose"
        + " for stack traces, and --help to any command for its options.",
    subcommands = {DemoCommand.class, KeysCommand.class, IssueCommand.class, VerifyCommand.class, StatusCommand.class,
        RevokeCommand.class, SiteCommand.class, CertificateCommand.class,
        ReturnCommand.class, TransferCommand.class, SummaryCommand.class, RemindCommand.class})
public final class OpenProofCommand implements Runnable {
  /** The default issuer ({@code iss}) of the demo and of the tools. */
  public static final String DEFAULT_ISSUER = "https://licensing.example.test";

  @Spec
  private CommandSpec spec;

  @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of failures.")
  boolean verbose;

  /** Creates the command; picocli calls it. */
  public OpenProofCommand() {}

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required: see openproof --help for the list");
  }

  /**
   * Runs the command and exits the JVM with its exit code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    nameMailStreamProvider();
    System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Names Jakarta Mail's stream provider (Angus Mail's, the one its service file names) in the system
   * property Jakarta Mail reads first, unless the JVM was given one: otherwise every MIME part, encoder
   * and decoder stream looks it up with {@link java.util.ServiceLoader}, reading and parsing the
   * service file each time (about half a megabyte of buffers per proof mail). The command owns its
   * JVM, so it may set the property; a library does not.
   */
  static void nameMailStreamProvider() {
    String property = StreamProvider.class.getName();
    if (System.getProperty(property) == null) {
      System.setProperty(property, MailStreamProvider.class.getName());
    }
  }

  /**
   * Runs the command with the given streams.
   *
   * @param out standard output
   * @param err standard error
   * @param args the arguments
   * @return the exit code
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine line = new CommandLine(new OpenProofCommand());
    // A key id is base64url and may start with '-': take what is no known option as a parameter.
    line.setUnmatchedOptionsArePositionalParams(true);
    line.setHelpSectionKeys(usageFirst(line.getHelpSectionKeys()));
    line.setOut(out);
    line.setErr(err);
    line.setExecutionExceptionHandler((e, cmd, parsed) -> {
      boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
      err.println("openproof: " + dev.openproof.examples.demo.Console.printable(describe(e)));
      if (verbose) {
        e.printStackTrace(err);
      }
      err.flush();
      return CommandLine.ExitCode.SOFTWARE;
    });
    return line.execute(args);
  }

  /** The help sections with the usage line first, then the one-line summary, then the description. */
  private static List<String> usageFirst(List<String> keys) {
    List<String> ordered = new ArrayList<>(keys);
    List<String> summary = List.of(UsageMessageSpec.SECTION_KEY_HEADER_HEADING, UsageMessageSpec.SECTION_KEY_HEADER);
    ordered.removeAll(summary);
    ordered.addAll(ordered.indexOf(UsageMessageSpec.SECTION_KEY_SYNOPSIS) + 1, summary);
    return ordered;
  }

  private static String describe(Exception e) {
    if (e instanceof OpenProofException failure) {
      return failure.reasonCode() + ": " + failure.getMessage();
    }
    if (e instanceof UncheckedIOException io && io.getCause() != null) {
      return String.valueOf(io.getMessage());
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
