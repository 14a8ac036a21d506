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

  FulfillmentException(String reasonCode, String message) {
    super(reasonCode, message, null);
  }
}
