/**
 * Benchmarks of the mail adapter: composing proof mails in memory, and sending a batch over one SMTP
 * connection against one connection per message, to a server on 127.0.0.1.
 */
@NullMarked
package dev.openproof.benchmarks.mail;

import org.jspecify.annotations.NullMarked;
