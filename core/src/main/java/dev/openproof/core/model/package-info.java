/**
 * The domain model: orders as the ordering chain hands them over, the parties of the chain,
 * invoices of each leg, and the license proofs that replace the paper certificate. All values are
 * immutable records.
 */
@NullMarked
package dev.openproof.core.model;

import org.jspecify.annotations.NullMarked;
