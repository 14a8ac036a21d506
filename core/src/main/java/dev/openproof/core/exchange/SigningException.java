package dev.openproof.core.exchange;

import dev.openproof.core.OpenProofException;
import dev.openproof.core.ReasonCode;
import org.jspecify.annotations.Nullable;

/**
 * A proof could not be signed. Nothing was recorded for it; fulfilling the order again retries.
 *
 * @since 0.1.0
 */
public class SigningException extends OpenProofException {
  private static final long serialVersionUID = 1L;

  /** Why a proof was not signed. Adding a code is one line here. */
  public enum Reason implements ReasonCode {
    /** The signer failed (a key store or HSM unavailable, a broken key). */
    SIGNING_FAILED,
    /** The proof would break the claims schema, so the signer refused it. */
    INVALID_PROOF;

    @Override
    public String code() {
      return name();
    }
  }

  /**
   * Creates the exception with reason {@link Reason#SIGNING_FAILED}.
   *
   * @param message what went wrong; never key material
   * @param cause the underlying failure, or {@code null}
   */
  public SigningException(String message, @Nullable Throwable cause) {
    this(Reason.SIGNING_FAILED, message, cause);
  }

  /**
   * Creates the exception.
   *
   * @param reason why
   * @param message what went wrong; never key material
   * @param cause the underlying failure, or {@code null}
   */
  public SigningException(Reason reason, String message, @Nullable Throwable cause) {
    super(reason, message, cause);
  }
}
