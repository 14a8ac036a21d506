package dev.openproof.mail;

/**
 * How the connection to the SMTP server is protected.
 *
 * @since 0.1.0
 */
public enum TlsMode {
  /** Plain text; only for a server on the same host or a trusted network. Default port 25. */
  NONE(25),
  /** Plain connection upgraded with STARTTLS; fails when the server does not offer it. Default port 587. */
  STARTTLS_REQUIRED(587),
  /** TLS from the first byte (SMTPS, RFC 8314). Default port 465. */
  IMPLICIT(465);

  private final int defaultPort;

  TlsMode(int defaultPort) {
    this.defaultPort = defaultPort;
  }

  /**
   * The port used when the settings name none.
   *
   * @return the default port of this mode
   */
  public int defaultPort() {
    return defaultPort;
  }
}
