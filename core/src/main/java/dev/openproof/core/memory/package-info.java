/**
 * In-memory defaults of the ports, so that the library runs with nothing plugged in: a ledger,
 * invoicing of both legs, and a delivery that records what it was given.
 */
@NullMarked
package dev.openproof.core.memory;

import org.jspecify.annotations.NullMarked;
