/** What the benchmarks' runners share: the median they report. */
@NullMarked
package dev.openproof.benchmarks;

import org.jspecify.annotations.NullMarked;
