/**
 * The ports through which the workflow reaches the outside world: signing, delivery, invoicing, the
 * ledger, status lists and listeners. Only interfaces live here; the values they carry are in
 * {@link dev.openproof.core.exchange}. Adapters implement them.
 */
@NullMarked
package dev.openproof.core.port;

import org.jspecify.annotations.NullMarked;
