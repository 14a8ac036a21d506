package dev.openproof.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A MIME message whose Message-ID is chosen up front and survives every {@code saveChanges()}, so a
 * retry of a delivery carries the same Message-ID as the first attempt.
 */
final class FixedIdMimeMessage extends MimeMessage {
  private final String messageId;

  FixedIdMimeMessage(Session session, String messageId) {
    super(session);
    this.messageId = messageId;
  }

  @Override
  protected void updateMessageID() throws MessagingException {
    setHeader("Message-ID", messageId);
  }
}
