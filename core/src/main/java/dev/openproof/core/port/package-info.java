/**
 * The ports through which the workflow reaches the outside world: signing, delivery, invoicing, the
 * ledger and listeners, with the values and failures that cross them. Adapters implement them.
 */
@NullMarked
package dev.openproof.core.port;

import org.jspecify.annotations.NullMarked;
