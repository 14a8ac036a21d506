package dev.openproof.mail;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A composed message, ready to send.
 *
 * @param messageId its Message-ID, angle brackets included
 * @param message the message
 * @param recipient the one envelope recipient
 */
record Outgoing(String messageId, MimeMessage message, InternetAddress recipient) {}
