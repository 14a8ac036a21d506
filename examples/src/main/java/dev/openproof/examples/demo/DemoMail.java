package dev.openproof.examples.demo;

import dev.openproof.core.port.ProofDelivery;
import dev.openproof.mail.SmtpProofDelivery;
import dev.openproof.mail.SmtpSettings;
import dev.openproof.mail.TlsMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The mail side of the demo and of {@code openproof issue}: SMTP delivery to a real server, or to an
 * in-process sandbox when none is named; either way each mail ends up as a file in the outbox folder.
 *
 * @since 0.1.0
 */
public final class DemoMail implements AutoCloseable {
  private final @Nullable SmtpSandbox sandbox;
  private final ProofDelivery delivery;
  private final Path outbox;
  private final String description;

  private DemoMail(@Nullable SmtpSandbox sandbox, ProofDelivery delivery, Path outbox, String description) {
    this.sandbox = sandbox;
    this.delivery = delivery;
    this.outbox = outbox;
    this.description = description;
  }

  /**
   * Opens the mail side.
   *
   * @param host a real SMTP server's host, or {@code null} for the in-process sandbox
   * @param port the real server's port
   * @param tls how to secure the connection to the real server (the sandbox speaks plain SMTP)
   * @param outbox the folder that receives a {@code .eml} file per mail
   * @return the mail side; close it when done
   * @throws IOException if the outbox cannot be created
   */
  public static DemoMail open(@Nullable String host, int port, TlsMode tls, Path outbox) throws IOException {
    Files.createDirectories(Objects.requireNonNull(outbox, "outbox"));
    SmtpSandbox sandbox = host == null ? SmtpSandbox.start() : null;
    SmtpProofDelivery smtp = SmtpProofDelivery.create(SmtpSettings.builder()
        .host(sandbox != null || host == null ? "127.0.0.1" : host)
        .port(sandbox != null ? sandbox.port() : port)
        .tls(sandbox != null ? TlsMode.NONE : tls)
        .from("licensing@vendor.example.test", "Licensing Operations")
        .messageIdDomain("proofs.vendor.example.test")
        .build());
    return sandbox != null
        ? new DemoMail(sandbox, smtp, outbox, "the in-process SMTP sandbox on 127.0.0.1:" + sandbox.port())
        : new DemoMail(null, Outbox.copying(smtp, outbox), outbox, host + ":" + port);
  }

  /**
   * The delivery to plug into the workflow.
   *
   * @return the delivery
   */
  public ProofDelivery delivery() {
    return delivery;
  }

  /**
   * Saves in the outbox what the sandbox received since the last call (a real server's mails are
   * copied there as they are sent).
   *
   * @return how many files were written now
   * @throws IOException if a file cannot be written
   */
  public int drain() throws IOException {
    return sandbox == null ? 0 : sandbox.drainTo(outbox);
  }

  /**
   * Where mail goes, for a person to read.
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  @Override
  public void close() {
    if (sandbox != null) {
      sandbox.close();
    }
  }
}
