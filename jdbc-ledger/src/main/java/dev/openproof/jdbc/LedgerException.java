package dev.openproof.jdbc;

import dev.openproof.core.OpenProofException;
import dev.openproof.core.ReasonCode;
import org.jspecify.annotations.Nullable;

/**
 * The database behind a {@link JdbcProofLedger} failed. The message names the operation and the
 * SQLState, never a password or a connection URL; the driver's exception is the cause.
 *
 * <p>What the ledger recorded before the failure stays recorded, and every ledger operation may be
 * repeated: a later call finishes the job.
 *
 * @since 0.1.0
 */
public final class LedgerException extends OpenProofException {
  private static final long serialVersionUID = 1L;

  /** Why the ledger failed. Adding a code is one line here. */
  public enum Reason implements ReasonCode {
    /** The database could not be reached, or the connection broke (SQLState class 08, or no connection). */
    LEDGER_UNAVAILABLE,
    /** The database refused or failed an operation. */
    LEDGER_FAILURE;

    @Override
    public String code() {
      return name();
    }
  }

  /**
   * Creates an exception.
   *
   * @param reason {@link Reason#LEDGER_UNAVAILABLE} or {@link Reason#LEDGER_FAILURE}
   * @param message what failed, one line
   * @param cause the driver's exception, or {@code null}
   */
  public LedgerException(Reason reason, String message, @Nullable Throwable cause) {
    super(reason, message, cause);
  }

  @Override
  public Reason reason() {
    return (Reason) super.reason();
  }
}
