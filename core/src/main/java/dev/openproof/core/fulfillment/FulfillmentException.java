package dev.openproof.core.fulfillment;

import dev.openproof.core.OpenProofException;
import dev.openproof.core.ReasonCode;

/**
 * The workflow could not do what was asked, for a {@link Reason}: {@code ORDER_IN_PROGRESS},
 * {@code ORDER_CONFLICT}, {@code UNKNOWN_PROOF}, {@code PROOF_REVOKED}, or one of the after-sale
 * reasons ({@code UNKNOWN_LICENSE}, {@code UNKNOWN_ORDER}, {@code NOT_DIGITAL}, {@code ALREADY_RETURNED},
 * {@code RETURN_WINDOW_CLOSED}, {@code UNKNOWN_LINE}, {@code UNKNOWN_AUTHORIZATION},
 * {@code NOTHING_TO_TRANSFER}).
 *
 * @since 0.1.0
 */
public final class FulfillmentException extends OpenProofException {
  private static final long serialVersionUID = 1L;

  /** Why the workflow refused. Adding a code is one line here. */
  public enum Reason implements ReasonCode {
    /** Another instance holds the order and did not finish within the wait; try again later. */
    ORDER_IN_PROGRESS,
    /** The order id was fulfilled (or begun) before with other content; nothing was done now. */
    ORDER_CONFLICT,
    /** No proof with that id was issued. */
    UNKNOWN_PROOF,
    /** The proof was revoked, so it is not sent again and its status stays invalid. */
    PROOF_REVOKED,
    /** No proof carries that license number. */
    UNKNOWN_LICENSE,
    /** No order with that id was fulfilled. */
    UNKNOWN_ORDER,
    /** The order took the paper route: it has no digital proof to return. */
    NOT_DIGITAL,
    /** The order was returned before. */
    ALREADY_RETURNED,
    /** The order's return window has closed. */
    RETURN_WINDOW_CLOSED,
    /** A line to return is not on the order's proof in force. */
    UNKNOWN_LINE,
    /** No proof was issued under that authorization number. */
    UNKNOWN_AUTHORIZATION,
    /** Every proof of the authorization was revoked: there is nothing to transfer. */
    NOTHING_TO_TRANSFER;

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
