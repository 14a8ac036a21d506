package dev.openproof.spring;

/**
 * The {@code openproof.certificate.*} properties: the PDF certificate that the proof mail carries
 * where the {@code openproof-certificate} module is on the class path. Its QR code opens {@code
 * verify.html} under {@code openproof.site-url} when that is {@code https}, else under the issuer.
 *
 * @since 0.1.0
 */
public class CertificateProperties {
  /** Whether the proof mail carries the PDF certificate, when the certificate module is on the class path. */
  private boolean enabled = true;

  /** Creates the properties with their defaults. */
  public CertificateProperties() {}

  /** @return whether the proof mail carries the certificate */
  public boolean isEnabled() {
    return enabled;
  }

  /** @param enabled whether the proof mail carries the certificate */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }
}
