package dev.openproof.core.exchange;

import dev.openproof.core.OpenProofException;
import org.jspecify.annotations.Nullable;

/**
 * A proof could not be signed. Nothing was recorded for it; fulfilling the order again retries.
 *
 * @since 0.1.0
 */
public class SigningException extends OpenProofException {
  private static final long serialVersionUID = 1L;

  /** Reason code for a signer that failed. */
  public static final String SIGNING_FAILED = "SIGNING_FAILED";

  /**
   * Creates the exception with reason {@value #SIGNING_FAILED}.
   *
   * @param message what went wrong; never key material
   * @param cause the underlying failure, or {@code null}
   */
  public SigningException(String message, @Nullable Throwable cause) {
    this(SIGNING_FAILED, message, cause);
  }

  /**
   * Creates the exception.
   *
   * @param reasonCode stable reason code
   * @param message what went wrong; never key material
   * @param cause the underlying failure, or {@code null}
   */
  public SigningException(String reasonCode, String message, @Nullable Throwable cause) {
    super(reasonCode, message, cause);
  }
}
