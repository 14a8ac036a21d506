package dev.openproof.examples.demo;

import dev.openproof.mail.TlsMode;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the demo is asked to do.
 *
 * @param out the folder it writes to and keeps its ledger and key in
 * @param smtpHost a real SMTP server's host, or {@code null} for the in-process sandbox
 * @param smtpPort that server's port
 * @param smtpTls how to secure the connection to that server
 * @param extraOrders how many generated orders to add to the bundled ones
 * @param issuer the issuer ({@code iss}) of the proofs
 * @param smtpTrust the CA certificates (PEM or PKCS#12) that server's certificate comes from, or
 *     {@code null} for the JVM's
 * @param workers the threads that fulfil orders, each a chunk at a time: 1 to {@value #MAX_WORKERS}
 * @since 0.1.0
 */
public record DemoOptions(
    Path out, @Nullable String smtpHost, int smtpPort, TlsMode smtpTls, int extraOrders, String issuer,
    @Nullable Path smtpTrust, int workers) {
  /** The most workers a run may have. */
  public static final int MAX_WORKERS = 64;

  /** Checks the parts. */
  public DemoOptions {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(smtpTls, "smtpTls");
    if (extraOrders < 0) {
      throw new IllegalArgumentException("extraOrders must not be negative: " + extraOrders);
    }
    if (smtpHost != null && (smtpPort < 1 || smtpPort > 65_535)) {
      throw new IllegalArgumentException("smtpPort must be 1 to 65535: " + smtpPort);
    }
    if (workers < 1 || workers > MAX_WORKERS) {
      throw new IllegalArgumentException("workers must be 1 to " + MAX_WORKERS + ": " + workers);
    }
  }

  /**
   * Options with a worker per available processor.
   *
   * @param out the folder it writes to and keeps its ledger and key in
   * @param smtpHost a real SMTP server's host, or {@code null} for the in-process sandbox
   * @param smtpPort that server's port
   * @param smtpTls how to secure the connection to that server
   * @param extraOrders how many generated orders to add to the bundled ones
   * @param issuer the issuer ({@code iss}) of the proofs
   * @param smtpTrust the CA certificates (PEM or PKCS#12) that server's certificate comes from, or
   *     {@code null} for the JVM's
   */
  public DemoOptions(Path out, @Nullable String smtpHost, int smtpPort, TlsMode smtpTls, int extraOrders, String issuer,
      @Nullable Path smtpTrust) {
    this(out, smtpHost, smtpPort, smtpTls, extraOrders, issuer, smtpTrust, defaultWorkers());
  }

  /**
   * A worker per available processor, at most {@value #MAX_WORKERS}.
   *
   * @return the default number of workers
   */
  public static int defaultWorkers() {
    return Math.max(1, Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Options with the JVM's trusted certificates for the SMTP server.
   *
   * @param out the folder it writes to and keeps its ledger and key in
   * @param smtpHost a real SMTP server's host, or {@code null} for the in-process sandbox
   * @param smtpPort that server's port
   * @param smtpTls how to secure the connection to that server
   * @param extraOrders how many generated orders to add to the bundled ones
   * @param issuer the issuer ({@code iss}) of the proofs
   */
  public DemoOptions(Path out, @Nullable String smtpHost, int smtpPort, TlsMode smtpTls, int extraOrders, String issuer) {
    this(out, smtpHost, smtpPort, smtpTls, extraOrders, issuer, null);
  }
}
