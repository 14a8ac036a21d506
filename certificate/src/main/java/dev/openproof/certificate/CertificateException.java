package dev.openproof.certificate;

import dev.openproof.core.OpenProofException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A certificate that could not be made. Reason codes: {@value #INVALID_INPUT} (the proof and the
 * signed proof given do not go together; the message lists every violation) and {@value #FAILED}
 * (the PDF could not be written).
 *
 * @since 0.1.0
 */
public final class CertificateException extends OpenProofException {
  /** The proof and the signed proof do not go together. */
  public static final String INVALID_INPUT = "CERTIFICATE_INVALID_INPUT";
  /** The PDF could not be written. */
  public static final String FAILED = "CERTIFICATE_FAILED";

  private static final long serialVersionUID = 1L;

  private final List<String> violations;

  private CertificateException(String reasonCode, String message, List<String> violations, @Nullable Throwable cause) {
    super(reasonCode, message, cause);
    this.violations = List.copyOf(violations);
  }

  static CertificateException invalid(List<String> violations) {
    return new CertificateException(INVALID_INPUT, "cannot make a certificate: " + String.join("; ", violations), violations, null);
  }

  static CertificateException failed(String message, Throwable cause) {
    return new CertificateException(FAILED, message, List.of(), cause);
  }

  /**
   * What was wrong with the input, one entry per violation.
   *
   * @return the violations; empty for a {@value #FAILED}
   */
  public List<String> violations() {
    return violations;
  }
}
