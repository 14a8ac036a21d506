package dev.openproof.core.exchange;

import dev.openproof.core.OpenProofException;
import org.jspecify.annotations.Nullable;

/**
 * The billing system could not issue an invoice. Reason code {@value #INVOICING_FAILED}. The order
 * stays unfinished; fulfilling it again retries.
 *
 * @since 0.1.0
 */
public class InvoicingException extends OpenProofException {
  private static final long serialVersionUID = 1L;

  /** The reason code. */
  public static final String INVOICING_FAILED = "INVOICING_FAILED";

  /**
   * Creates the exception.
   *
   * @param message what went wrong
   * @param cause the underlying failure, or {@code null}
   */
  public InvoicingException(String message, @Nullable Throwable cause) {
    super(INVOICING_FAILED, message, cause);
  }
}
