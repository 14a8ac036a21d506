/**
 * OpenProof core: the root package holds the library's exception family; the domain model, the ports
 * and the fulfillment workflow live in the sub-packages.
 */
@NullMarked
package dev.openproof.core;

import org.jspecify.annotations.NullMarked;
