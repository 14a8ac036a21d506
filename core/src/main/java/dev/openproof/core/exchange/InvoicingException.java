package dev.openproof.core.exchange;

import dev.openproof.core.OpenProofException;
import dev.openproof.core.ReasonCode;
import org.jspecify.annotations.Nullable;

/**
 * The billing system could not issue an invoice. Reason {@link Reason#INVOICING_FAILED}. The order
 * stays unfinished; fulfilling it again retries.
 *
 * @since 0.1.0
 */
public class InvoicingException extends OpenProofException {
  private static final long serialVersionUID = 1L;

  /** Why an invoice was not issued. Adding a code is one line here. */
  public enum Reason implements ReasonCode {
    /** The billing system failed. */
    INVOICING_FAILED;

    @Override
    public String code() {
      return name();
    }
  }

  /**
   * Creates the exception.
   *
   * @param message what went wrong
   * @param cause the underlying failure, or {@code null}
   */
  public InvoicingException(String message, @Nullable Throwable cause) {
    super(Reason.INVOICING_FAILED, message, cause);
  }
}
