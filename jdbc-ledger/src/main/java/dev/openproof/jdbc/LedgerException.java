package dev.openproof.jdbc;

import dev.openproof.core.OpenProofException;
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

  /** The database could not be reached, or the connection broke (SQLState class 08, or no connection). */
  public static final String LEDGER_UNAVAILABLE = "LEDGER_UNAVAILABLE";

  /** The database refused or failed an operation. */
  public static final String LEDGER_FAILURE = "LEDGER_FAILURE";

  /**
   * Creates an exception.
   *
   * @param reasonCode {@link #LEDGER_UNAVAILABLE} or {@link #LEDGER_FAILURE}
   * @param message what failed, one line
   * @param cause the driver's exception, or {@code null}
   */
  public LedgerException(String reasonCode, String message, @Nullable Throwable cause) {
    super(reasonCode, message, cause);
  }
}
