/**
 * Runnable examples of embedding OpenProof; the {@code openproof} command lives in the sub-packages.
 */
@NullMarked
package dev.openproof.examples;

import org.jspecify.annotations.NullMarked;
