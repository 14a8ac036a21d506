package dev.openproof.core.model;

/**
 * A leg of the invoicing chain, which the move to digital proofs leaves as it was.
 *
 * @since 0.1.0
 */
public enum InvoiceLeg {
  /** The vendor invoices the distributor. */
  VENDOR_TO_DISTRIBUTOR,
  /** The distributor invoices its reseller. */
  DISTRIBUTOR_TO_RESELLER
}
