package dev.openproof.core.fulfillment;

import dev.openproof.core.OpenProofException;
import dev.openproof.core.ReasonCode;

/**
 * The workflow could not do what was asked, for a {@link Reason}: {@code ORDER_IN_PROGRESS},
 * {@code UNKNOWN_PROOF} or {@code PROOF_REVOKED}.
 *
 * @since 0.1.0
 */
public final class FulfillmentException extends OpenProofException {
  private static final long serialVersionUID = 1L;

  /** Why the workflow refused. Adding a code is one line here. */
  public enum Reason implements ReasonCode {
    /** Another instance holds the order and did not finish within the wait; try again later. */
    ORDER_IN_PROGRESS,
    /** No proof with that id was issued. */
    UNKNOWN_PROOF,
    /** The proof was revoked, so it is not sent again and its status stays invalid. */
    PROOF_REVOKED;

    @Override
    public String code() {
      return name();
    }
  }

  FulfillmentException(Reason reason, String message) {
    super(reason, message, null);
  }

  @Override
  public Reason reason() {
    return (Reason) super.reason();
  }
}
