package dev.openproof.mail;

import dev.openproof.core.exchange.DeliveryException;
import dev.openproof.core.exchange.FailureKind;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.jspecify.annotations.Nullable;

/**
 * One SMTP connection that many messages go over, one after another. It opens on the first message,
 * and again when it breaks: a message that fails because a reused connection was lost before the end
 * of its data is sent once more on a fresh connection. When the server cannot be reached at all, the
 * remaining messages fail at once (TRANSIENT) instead of each waiting out the connect timeout.
 * Not thread-safe: one batch, one thread.
 */
final class SmtpConnection implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SmtpConnection.class.getName());

  private final Session session;
  private final SmtpSettings settings;
  private @Nullable TrackingTransport transport;
  private @Nullable DeliveryException unreachable;
  private int sentOnConnection;
  private int opened;

  SmtpConnection(Session session, SmtpSettings settings) {
    this.session = session;
    this.settings = settings;
  }

  /** Sends the message; throws a classified {@link DeliveryException} when it was not accepted. */
  void send(Outgoing outgoing) {
    if (unreachable != null) {
      throw Failures.unreachable(unreachable);
    }
    boolean reused = open();
    try {
      attempt(outgoing);
    } catch (DeliveryException e) {
      if (!reused || e.kind() != FailureKind.TRANSIENT || !Failures.connectionLost(e)) {
        throw e;
      }
      LOG.log(System.Logger.Level.DEBUG, "SMTP connection lost before {0} was handed over, reopening", outgoing.messageId());
      open();
      attempt(outgoing);
    }
  }

  /** How many connections were opened so far. */
  int connectionsOpened() {
    return opened;
  }

  private void attempt(Outgoing outgoing) {
    TrackingTransport t = current();
    try {
      t.sendMessage(outgoing.message(), new Address[] {outgoing.recipient()});
      sentOnConnection++;
    } catch (MessagingException e) {
      DeliveryException failure = Failures.ofSend(e, t.phase());
      if (Failures.connectionLost(failure)) {
        closeQuietly();
      }
      throw failure;
    } catch (IllegalStateException e) {
      closeQuietly();
      throw new DeliveryException(FailureKind.TRANSIENT, "the SMTP connection was closed before the message was sent", e);
    }
  }

  /** Opens a connection unless one is open; tells whether the open one had carried a message. */
  private boolean open() {
    TrackingTransport t = transport;
    if (t != null && t.isOpen()) {
      return sentOnConnection > 0;
    }
    closeQuietly();
    t = new TrackingTransport(session, settings.tls() == TlsMode.IMPLICIT);
    try {
      t.connect(settings.host(), settings.port(), settings.username().orElse(null), settings.password());
    } catch (MessagingException | IllegalStateException e) {
      int code = t.getLastReturnCode();
      close(t);
      MessagingException cause = e instanceof MessagingException m ? m : new MessagingException(e.getMessage(), e);
      DeliveryException failure = Failures.ofConnect(cause, settings.host() + ":" + settings.port(), code, settings.tls());
      unreachable = failure;
      throw failure;
    }
    transport = t;
    sentOnConnection = 0;
    opened++;
    return false;
  }

  private TrackingTransport current() {
    TrackingTransport t = transport;
    if (t == null) {
      throw new IllegalStateException("not connected");
    }
    return t;
  }

  private void closeQuietly() {
    TrackingTransport t = transport;
    transport = null;
    if (t != null) {
      close(t);
    }
  }

  private static void close(TrackingTransport t) {
    try {
      t.close();
    } catch (MessagingException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "closing the SMTP connection failed", e);
    }
  }

  @Override
  public void close() {
    closeQuietly();
  }
}
