/**
 * The printable certificate of a signed proof: one PDF/A-2b page in the customer's language, with a
 * QR code that opens the issuer's verification page; and the license summary as a PDF/A-2b document.
 * {@link dev.openproof.certificate.ProofCertificate} and {@link dev.openproof.certificate.SummaryDocument}
 * are the entry points; everything else here is their workers.
 */
@NullMarked
package dev.openproof.certificate;

import org.jspecify.annotations.NullMarked;
