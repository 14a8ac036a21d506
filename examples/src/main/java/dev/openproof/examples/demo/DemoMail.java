package dev.openproof.examples.demo;

import dev.openproof.core.port.CustomerNotices;
import dev.openproof.core.port.ProofAttachments;
import dev.openproof.core.port.ProofDelivery;
import dev.openproof.mail.SmtpProofDelivery;
import dev.openproof.mail.SmtpSettings;
import dev.openproof.mail.TlsMode;
import java.io.IOException;
import java.net.URI;
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
  private final SmtpProofDelivery smtp;
  private final Path outbox;
  private final String description;

  private DemoMail(@Nullable SmtpSandbox sandbox, ProofDelivery delivery, SmtpProofDelivery smtp, Path outbox,
      String description) {
    this.sandbox = sandbox;
    this.delivery = delivery;
    this.smtp = smtp;
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
    return open(host, port, tls, null, outbox, null, ProofAttachments.none());
  }

  /**
   * Opens the mail side, trusting the CA certificates of a file for the real server.
   *
   * @param host a real SMTP server's host, or {@code null} for the in-process sandbox
   * @param port the real server's port
   * @param tls how to secure the connection to the real server (the sandbox speaks plain SMTP)
   * @param trust a PEM file or PKCS#12 store of the CA certificates the real server's certificate
   *     comes from, or {@code null} for the JVM's trusted certificates
   * @param outbox the folder that receives a {@code .eml} file per mail
   * @return the mail side; close it when done
   * @throws IOException if the outbox cannot be created
   * @throws IllegalArgumentException if the trust file is no PEM file or PKCS#12 store, or is given
   *     without a real server
   */
  public static DemoMail open(@Nullable String host, int port, TlsMode tls, @Nullable Path trust, Path outbox)
      throws IOException {
    return open(host, port, tls, trust, outbox, null, ProofAttachments.none());
  }

  /**
   * Opens the mail side, its proof mails linking to the issuer's site and carrying extra files.
   *
   * @param host a real SMTP server's host, or {@code null} for the in-process sandbox
   * @param port the real server's port
   * @param tls how to secure the connection to the real server (the sandbox speaks plain SMTP)
   * @param outbox the folder that receives a {@code .eml} file per mail
   * @param site the issuer's site (verification page, {@code jwks.json}), or {@code null}
   * @param attachments the extra files of each proof mail, such as its certificate
   * @return the mail side; close it when done
   * @throws IOException if the outbox cannot be created
   */
  public static DemoMail open(@Nullable String host, int port, TlsMode tls, Path outbox, @Nullable URI site,
      ProofAttachments attachments) throws IOException {
    return open(host, port, tls, null, outbox, site, attachments);
  }

  /**
   * Opens the mail side: the real server (trusting a file's CA certificates) or the sandbox, its
   * proof mails linking to the issuer's site and carrying extra files.
   *
   * @param host a real SMTP server's host, or {@code null} for the in-process sandbox
   * @param port the real server's port
   * @param tls how to secure the connection to the real server (the sandbox speaks plain SMTP)
   * @param trust a PEM file or PKCS#12 store of the CA certificates the real server's certificate
   *     comes from, or {@code null} for the JVM's trusted certificates
   * @param outbox the folder that receives a {@code .eml} file per mail
   * @param site the issuer's site (verification page, {@code jwks.json}), or {@code null}
   * @param attachments the extra files of each proof mail, such as its certificate
   * @return the mail side; close it when done
   * @throws IOException if the outbox cannot be created
   * @throws IllegalArgumentException if the trust file is no PEM file or PKCS#12 store, or is given
   *     without a real server
   */
  public static DemoMail open(@Nullable String host, int port, TlsMode tls, @Nullable Path trust, Path outbox,
      @Nullable URI site, ProofAttachments attachments) throws IOException {
    Files.createDirectories(Objects.requireNonNull(outbox, "outbox"));
    SmtpSettings.Builder settings = SmtpSettings.builder()
        .from("licensing@vendor.example.test", "Licensing Operations")
        .messageIdDomain("proofs.vendor.example.test");
    if (trust != null) {
      if (host == null) {
        throw new IllegalArgumentException("a trust file is for a real SMTP server (--smtp), not for the sandbox");
      }
      settings.trustStore(trust);
    }
    if (site != null) {
      settings.issuerSite(site);
    }
    SmtpSandbox sandbox = host == null ? SmtpSandbox.start(outbox) : null;
    SmtpProofDelivery smtp = SmtpProofDelivery.create(settings
        .host(sandbox != null || host == null ? "127.0.0.1" : host)
        .port(sandbox != null ? sandbox.port() : port)
        .tls(sandbox != null ? TlsMode.NONE : tls)
        .build(), attachments);
    return sandbox != null
        ? new DemoMail(sandbox, smtp, smtp, outbox, "the in-process SMTP sandbox on 127.0.0.1:" + sandbox.port())
        : new DemoMail(null, Outbox.copying(smtp, outbox), smtp, outbox, host + ":" + port);
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
   * The notices to customers after the sale (returns, reminders) to plug into the workflow; each
   * ends up in the outbox like a proof's mail.
   *
   * @return the notices
   * @since 0.2.0
   */
  public CustomerNotices notices() {
    return sandbox != null ? smtp : Outbox.copying(smtp, outbox, smtp);
  }

  /**
   * How many mails the sandbox saved in the outbox since the last call: it writes each one there
   * before it accepts it (a real server's mails are copied there as they are sent, and not counted).
   *
   * @return how many files were written since the last call
   */
  public int drain() {
    return sandbox == null ? 0 : sandbox.drain();
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
