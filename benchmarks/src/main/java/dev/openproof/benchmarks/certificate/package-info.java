/** The certificate's cost per document: CPU time and allocation of rendering one PDF. */
package dev.openproof.benchmarks.certificate;
