/**
 * The fulfillment workflow: {@link dev.openproof.core.fulfillment.LicenseFulfillment} takes an order
 * through validation, invoicing of both legs, the physical or digital route, signing, recording and
 * delivery to the customer.
 */
@NullMarked
package dev.openproof.core.fulfillment;

import org.jspecify.annotations.NullMarked;
