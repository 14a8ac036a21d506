package dev.openproof.examples.cli;

import dev.openproof.mail.TlsMode;

/**
 * The exit statuses of {@code openproof} (the README's table). When several apply, the highest is
 * returned.
 */
final class ExitStatus {
  /** Everything asked was done: every order fulfilled, every proof of the run delivered. */
  static final int OK = 0;
  /** Something was refused or failed: an invalid or conflicting order, an unreadable file, a port. */
  static final int FAILED = 1;
  /** The command line was wrong (picocli's usage error). */
  static final int USAGE = 2;
  /** Every order was recorded, but a proof of the run is not delivered: pending (retried) or failed. */
  static final int UNDELIVERED = 3;
  /** The mail settings are wrong (host, TLS mode, login): nothing more was sent; proofs stay pending. */
  static final int MAIL_CONFIGURATION = 4;

  private ExitStatus() {}

  /** What to change, for a person reading a configuration error. */
  static String mailFix(String problem, TlsMode tls) {
    if (problem.contains("STARTTLS")) {
      return "use a server that offers STARTTLS, or --smtp-tls NONE for a local test server";
    }
    if (problem.contains("no TLS session")) {
      return "--smtp-tls STARTTLS_REQUIRED for a submission port (587), or --smtp-tls NONE for a local test server";
    }
    if (problem.contains("host name is not known")) {
      return "check the host of --smtp HOST:PORT";
    }
    if (problem.contains("login")) {
      return "check the user name and password of the mail account";
    }
    return tls == TlsMode.NONE ? "check --smtp HOST:PORT" : "check --smtp HOST:PORT and --smtp-tls (now " + tls + ")";
  }

  /** The lines that report a configuration error, for standard error. */
  static String mailConfigurationLines(String problem, TlsMode tls) {
    return "openproof: MAIL_CONFIGURATION: " + problem + System.lineSeparator()
        + "  fix: " + mailFix(problem, tls) + "; then run the same command again on the same folder:"
        + " the pending proofs are sent then, nothing is lost";
  }
}
