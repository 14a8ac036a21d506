package dev.openproof.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP transport, telling how far the last message got and whether the connection is
 * open without asking the server (no {@code NOOP} before each message of a batch).
 *
 * <p>The phase is what makes a timeout classifiable: until the end-of-data line ({@code .}) is
 * written, the server cannot have accepted the message (RFC 5321 §4.1.1.4); once it is written, a
 * missing reply leaves it unknown whether the message was accepted.
 */
final class TrackingTransport extends SMTPTransport {
  /** How far the last message got. */
  enum Phase {
    /** Nothing of a message was sent yet. */
    IDLE,
    /** {@code MAIL FROM} was sent. */
    MAIL_FROM,
    /** {@code RCPT TO} was sent. */
    RCPT_TO,
    /** {@code DATA} was sent; the server has no content yet. */
    DATA_COMMAND,
    /** The server answered {@code DATA} with 354 and the content is being written. */
    CONTENT,
    /** The end-of-data line was (being) written; the server may have accepted the message. */
    END_OF_DATA,
    /** The server accepted the message. */
    ACCEPTED
  }

  private volatile Phase phase = Phase.IDLE;
  private volatile boolean open;

  TrackingTransport(Session session, boolean implicitTls) {
    super(session, new URLName("smtp", null, -1, null, null, null), "smtp", implicitTls);
  }

  Phase phase() {
    return phase;
  }

  boolean isOpen() {
    return open;
  }

  @Override
  protected synchronized void setConnected(boolean connected) {
    super.setConnected(connected);
    open = connected;
  }

  @Override
  public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
    phase = Phase.MAIL_FROM;
    super.sendMessage(message, addresses);
    phase = Phase.ACCEPTED;
  }

  @Override
  protected void mailFrom() throws MessagingException {
    phase = Phase.MAIL_FROM;
    super.mailFrom();
  }

  @Override
  protected void rcptTo() throws MessagingException {
    phase = Phase.RCPT_TO;
    super.rcptTo();
  }

  @Override
  protected OutputStream data() throws MessagingException {
    phase = Phase.DATA_COMMAND;
    OutputStream out = super.data();
    phase = Phase.CONTENT;
    return out;
  }

  @Override
  protected void finishData() throws IOException, MessagingException {
    phase = Phase.END_OF_DATA;
    super.finishData();
  }
}
