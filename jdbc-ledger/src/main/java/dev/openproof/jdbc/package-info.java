/**
 * A durable {@link dev.openproof.core.port.ProofLedger} over JDBC, on H2 (embedded) or PostgreSQL
 * (shared by several instances): {@link dev.openproof.jdbc.JdbcProofLedger} is the entry point.
 */
@org.jspecify.annotations.NullMarked
package dev.openproof.jdbc;
