/**
 * Events the fulfillment workflow emits to {@link dev.openproof.core.port.FulfillmentListener}s, for
 * audit and metrics: one per step that changed the ledger.
 */
@NullMarked
package dev.openproof.core.event;

import org.jspecify.annotations.NullMarked;
