/**
 * The printable certificate of a signed proof: one PDF/A-2b page in the customer's language, with a
 * QR code that opens the issuer's verification page. {@link dev.openproof.certificate.ProofCertificate}
 * is the entry point; everything else here is its workers.
 */
@NullMarked
package dev.openproof.certificate;

import org.jspecify.annotations.NullMarked;
