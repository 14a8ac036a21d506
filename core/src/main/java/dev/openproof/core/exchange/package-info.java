/**
 * The values that cross the ports: delivery requests, outcomes and failures, the ledger's records,
 * invoice requests, and the operational exceptions adapters throw. They depend on the model only.
 */
@NullMarked
package dev.openproof.core.exchange;

import org.jspecify.annotations.NullMarked;
