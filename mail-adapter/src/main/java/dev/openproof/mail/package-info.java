/**
 * Delivery of license proofs to the customer over SMTP (Jakarta Mail, Eclipse Angus), in the
 * customer's language. {@link dev.openproof.mail.SmtpProofDelivery} built from
 * {@link dev.openproof.mail.SmtpSettings} is the entry point; composers, renderers and the SMTP
 * connection handling are package-private.
 */
@NullMarked
package dev.openproof.mail;

import org.jspecify.annotations.NullMarked;
