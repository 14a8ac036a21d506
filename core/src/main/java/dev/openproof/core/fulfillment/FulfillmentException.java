package dev.openproof.core.fulfillment;

import dev.openproof.core.OpenProofException;

/**
 * The workflow could not do what was asked, for a reason named by its code: {@value #ORDER_IN_PROGRESS},
 * {@value #ORDER_CONFLICT}, {@value #UNKNOWN_PROOF} or {@value #PROOF_REVOKED}.
 *
 * @since 0.1.0
 */
public final class FulfillmentException extends OpenProofException {
  private static final long serialVersionUID = 1L;

  /** Another instance holds the order and did not finish within the wait; try again later. */
  public static final String ORDER_IN_PROGRESS = "ORDER_IN_PROGRESS";
  /** The order id was fulfilled (or begun) before with other content; nothing was done now. */
  public static final String ORDER_CONFLICT = "ORDER_CONFLICT";
  /** No proof with that id was issued. */
  public static final String UNKNOWN_PROOF = "UNKNOWN_PROOF";
  /** The proof was revoked, so it is not sent again. */
  public static final String PROOF_REVOKED = "PROOF_REVOKED";

  /** No proof carries that license number. */
  public static final String UNKNOWN_LICENSE = "UNKNOWN_LICENSE";
  /** No order with that id was fulfilled. */
  public static final String UNKNOWN_ORDER = "UNKNOWN_ORDER";
  /** The order took the paper route: it has no digital proof to return. */
  public static final String NOT_DIGITAL = "NOT_DIGITAL";
  /** The order was returned before. */
  public static final String ALREADY_RETURNED = "ALREADY_RETURNED";
  /** The order's return window has closed. */
  public static final String RETURN_WINDOW_CLOSED = "RETURN_WINDOW_CLOSED";
  /** A line to return is not on the order's proof in force. */
  public static final String UNKNOWN_LINE = "UNKNOWN_LINE";
  /** No proof was issued under that authorization number. */
  public static final String UNKNOWN_AUTHORIZATION = "UNKNOWN_AUTHORIZATION";
  /** Every proof of the authorization was revoked: there is nothing to transfer. */
  public static final String NOTHING_TO_TRANSFER = "NOTHING_TO_TRANSFER";

  FulfillmentException(String reasonCode, String message) {
    super(reasonCode, message, null);
  }
}
