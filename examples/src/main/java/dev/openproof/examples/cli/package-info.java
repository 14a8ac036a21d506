/**
 * The {@code openproof} command: {@code demo}, {@code keys generate}, {@code issue} and
 * {@code verify}, built on picocli.
 */
@NullMarked
package dev.openproof.examples.cli;

import org.jspecify.annotations.NullMarked;
