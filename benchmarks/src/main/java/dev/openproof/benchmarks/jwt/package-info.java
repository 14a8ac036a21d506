/**
 * Benchmarks of the {@code jwt-proof} module: signing and verifying license proofs per algorithm,
 * against a bare JCA signature check of the same bytes as the baseline.
 */
@NullMarked
package dev.openproof.benchmarks.jwt;

import org.jspecify.annotations.NullMarked;
