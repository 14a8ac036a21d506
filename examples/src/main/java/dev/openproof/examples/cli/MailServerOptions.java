package dev.openproof.examples.cli;

import dev.openproof.mail.TlsMode;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options {@code --smtp HOST:PORT}, {@code --smtp-tls} and {@code --smtp-trust}, shared by the commands that send mail. */
final class MailServerOptions {
  @Option(names = "--smtp", converter = SmtpServerOption.Converter.class, paramLabel = "HOST:PORT",
      description = "A real SMTP server; default: an SMTP sandbox in process, the mail saved in the outbox folder.")
  @Nullable SmtpServerOption server;

  @Option(names = "--smtp-tls", defaultValue = "STARTTLS_REQUIRED",
      description = "With --smtp: NONE, STARTTLS_REQUIRED (default) or IMPLICIT.")
  TlsMode tls;

  @Option(names = "--smtp-trust", paramLabel = "FILE",
      description = "With --smtp: trust the CA certificates of this PEM file or PKCS#12 store (no password) instead of"
          + " the JVM's, as for a company's mail relay. The host name is verified all the same.")
  @Nullable Path trust;

  /** The real server's host, or {@code null} for the sandbox. */
  @Nullable String host() {
    return server == null ? null : server.host();
  }

  /** The real server's port, or {@code 0} for the sandbox. */
  int port() {
    return server == null ? 0 : server.port();
  }

  /** Where mail goes, for the first line a command prints. */
  String describe() {
    return server == null ? "the in-process SMTP sandbox" : server.host() + ":" + server.port();
  }
}
