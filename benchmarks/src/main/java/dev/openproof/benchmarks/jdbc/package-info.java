/**
 * Benchmarks of the JDBC ledger: orders fulfilled per second with the ledger on H2 (an embedded
 * file) and on PostgreSQL, against the in-memory ledger, with the same cheap signer.
 */
@NullMarked
package dev.openproof.benchmarks.jdbc;

import org.jspecify.annotations.NullMarked;
