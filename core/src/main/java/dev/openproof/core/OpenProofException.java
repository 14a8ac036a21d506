package dev.openproof.core;

import java.util.Objects;

/**
 * Base of the library's unchecked family of operational failures (signing, delivery, invoicing,
 * verification, the ledger). Each carries a stable {@linkplain #reason() reason}, an enum constant
 * of its family whose {@linkplain #reasonCode() code} callers may switch on and log; the message is one line, fit for a log, and never holds key material.
 *
 * <p>Programming errors of a caller (a null argument, an impossible value) are reported with the
 * JDK's exceptions instead.
 *
 * @since 0.1.0
 */
public abstract class OpenProofException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ReasonCode reason;

  /**
   * Creates an exception.
   *
   * @param reason the stable reason, such as {@code SigningException.Reason.SIGNING_FAILED}
   * @param message one-line description of what went wrong
   * @param cause underlying failure, or {@code null}
   */
  protected OpenProofException(ReasonCode reason, String message, @org.jspecify.annotations.Nullable Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * The reason of this failure, typed: an enum constant of the exception's family.
   *
   * @return the reason
   */
  public ReasonCode reason() {
    return reason;
  }

  /**
   * The stable reason code of this failure.
   *
   * @return the reason code, never empty
   */
  public String reasonCode() {
    return reason.code();
  }
}
