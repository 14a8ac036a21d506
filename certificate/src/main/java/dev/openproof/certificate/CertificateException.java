package dev.openproof.certificate;

import dev.openproof.core.OpenProofException;
import dev.openproof.core.ReasonCode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A certificate that could not be made. Reason codes: {@code CERTIFICATE_INVALID_INPUT} (the proof and the
 * signed proof given do not go together; the message lists every violation) and {@code CERTIFICATE_FAILED}
 * (the PDF could not be written).
 *
 * @since 0.1.0
 */
public final class CertificateException extends OpenProofException {
  /** Why no certificate was made. Adding a code is one line here. */
  public enum Reason implements ReasonCode {
    /** The proof and the signed proof do not go together. */
    CERTIFICATE_INVALID_INPUT,
    /** The PDF could not be written. */
    CERTIFICATE_FAILED;

    @Override
    public String code() {
      return name();
    }
  }

  private static final long serialVersionUID = 1L;

  private final List<String> violations;

  private CertificateException(Reason reason, String message, List<String> violations, @Nullable Throwable cause) {
    super(reason, message, cause);
    this.violations = List.copyOf(violations);
  }

  static CertificateException invalid(List<String> violations) {
    return new CertificateException(Reason.CERTIFICATE_INVALID_INPUT, "cannot make a certificate: " + String.join("; ", violations), violations, null);
  }

  static CertificateException failed(String message, Throwable cause) {
    return new CertificateException(Reason.CERTIFICATE_FAILED, message, List.of(), cause);
  }

  /**
   * What was wrong with the input, one entry per violation.
   *
   * @return the violations; empty for a {@code CERTIFICATE_FAILED}
   */
  public List<String> violations() {
    return violations;
  }
}
