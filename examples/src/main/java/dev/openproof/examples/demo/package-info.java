/**
 * The demo of the whole job on embedded defaults: sample orders, invoices written as files, signed
 * proofs, mail through an in-process SMTP sandbox, and every proof verified.
 */
@NullMarked
package dev.openproof.examples.demo;

import org.jspecify.annotations.NullMarked;
