package dev.openproof.mail;

import dev.openproof.core.exchange.DeliveryException;
import dev.openproof.core.exchange.FailureKind;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.jspecify.annotations.Nullable;

/**
 * Classifies what went wrong into a {@link DeliveryException}, keeping the SMTP reply code:
 *
 * <ul>
 *   <li>a 4xx reply: {@link FailureKind#TRANSIENT}; a 5xx reply: {@link FailureKind#PERMANENT};
 *   <li>no reply (timeout, reset, closed connection) before the end of the data: {@code TRANSIENT},
 *       the server cannot have accepted the message;
 *   <li>no reply after the end of the data was written: {@link FailureKind#UNKNOWN};
 *   <li>a host name that does not resolve, a TLS mode the server does not speak (no STARTTLS, no
 *       TLS on an implicit-TLS port, a failed handshake) or a refused login: {@link
 *       FailureKind#CONFIGURATION}, no attempt succeeds until the settings are fixed;
 *   <li>anything else while connecting (refused, timeout, greeting, even a 5xx): {@code TRANSIENT},
 *       it says nothing about this message and a later attempt may succeed;
 *   <li>an invalid address or a message that cannot be composed: {@code PERMANENT}.
 * </ul>
 */
final class Failures {
  private Failures() {}

  static DeliveryException ofSend(MessagingException e, TrackingTransport.Phase phase) {
    int code = replyCode(e);
    String step = step(e, phase);
    if (code >= 400) {
      FailureKind kind = code >= 500 ? FailureKind.PERMANENT : FailureKind.TRANSIENT;
      return new DeliveryException(kind, code, "the SMTP server replied " + code + " to " + step + ": " + serverText(e), e);
    }
    if (phase == TrackingTransport.Phase.END_OF_DATA) {
      return new DeliveryException(FailureKind.UNKNOWN,
          "no reply from the SMTP server after the message was sent, it may have been accepted: " + cause(e), e);
    }
    return new DeliveryException(FailureKind.TRANSIENT,
        "the connection to the SMTP server failed at " + step + ", before the message was handed over: " + cause(e), e);
  }

  static DeliveryException ofConnect(MessagingException e, String server, int lastReturnCode, TlsMode tls) {
    DeliveryException certificate = TlsProblems.of(e, server.substring(0, Math.max(0, server.lastIndexOf(':'))), server);
    if (certificate != null) {
      return certificate;
    }
    int code = replyCode(e) > 0 ? replyCode(e) : validCode(lastReturnCode);
    String problem = configurationProblem(e, tls);
    if (problem != null) {
      return new DeliveryException(FailureKind.CONFIGURATION, code,
          "the mail settings do not fit " + server + ": " + problem, e);
    }
    return new DeliveryException(FailureKind.TRANSIENT, code,
        "could not open an SMTP session with " + server + (code > 0 ? " (reply " + code + ")" : "") + ": " + cause(e), e);
  }

  /** What is wrong with the settings, when the failure to connect says so; else {@code null}. */
  private static @Nullable String configurationProblem(Throwable e, TlsMode tls) {
    int depth = 0;
    for (@Nullable Throwable t = e; t != null && depth < 16; t = next(t), depth++) {
      if (t instanceof java.net.UnknownHostException) {
        return "the host name is not known (" + cause(t) + ")";
      }
      if (t instanceof jakarta.mail.AuthenticationFailedException) {
        return "the server refused the login (" + cause(t) + ")";
      }
      if (t instanceof javax.net.ssl.SSLException) {
        return tls == TlsMode.IMPLICIT
            ? "no TLS session could be set up on this port (" + cause(t) + "); is it a STARTTLS or plain port?"
            : "the TLS handshake failed (" + cause(t) + ")";
      }
      String text = t.getMessage();
      if (text != null && text.contains("STARTTLS is required")) {
        return "the server does not offer STARTTLS, which TLS mode " + tls + " requires"
            + " (only a local test server may be used without TLS)";
      }
    }
    return null;
  }

  static DeliveryException unreachable(DeliveryException first) {
    FailureKind kind = first.kind() == FailureKind.CONFIGURATION ? FailureKind.CONFIGURATION : FailureKind.TRANSIENT;
    return new DeliveryException(kind, first.replyCode().orElse(0),
        "not attempted, the SMTP server could not be reached earlier in this batch: " + first.getMessage(), first);
  }

  static DeliveryException invalidAddress(String what, IllegalArgumentException e) {
    return new DeliveryException(FailureKind.PERMANENT, what + ": " + e.getMessage(), e);
  }

  static DeliveryException notComposed(MessagingException e) {
    return new DeliveryException(FailureKind.PERMANENT, "the message could not be composed: " + cause(e), e);
  }

  /** Whether the connection is no longer usable after this failure: no reply at all, or a 421. */
  static boolean connectionLost(DeliveryException e) {
    return e.replyCode().isEmpty() || e.replyCode().getAsInt() == 421;
  }

  /** The first SMTP reply code (200 to 599) in the chain of causes, or 0. */
  static int replyCode(Throwable e) {
    int depth = 0;
    for (@Nullable Throwable t = e; t != null && depth < 16; t = next(t), depth++) {
      int code = 0;
      if (t instanceof SMTPAddressFailedException a) {
        code = a.getReturnCode();
      } else if (t instanceof SMTPSenderFailedException s) {
        code = s.getReturnCode();
      } else if (t instanceof SMTPSendFailedException f) {
        code = f.getReturnCode();
      }
      if (validCode(code) > 0) {
        return code;
      }
    }
    return 0;
  }

  private static String step(MessagingException e, TrackingTransport.Phase phase) {
    for (@Nullable Throwable t = e; t != null; t = next(t)) {
      if (t instanceof SMTPAddressFailedException) {
        return "RCPT TO";
      }
      if (t instanceof SMTPSenderFailedException) {
        return "MAIL FROM";
      }
    }
    return switch (phase) {
      case IDLE, MAIL_FROM -> "MAIL FROM";
      case RCPT_TO -> "RCPT TO";
      case DATA_COMMAND -> "DATA";
      case CONTENT -> "the message content";
      case END_OF_DATA, ACCEPTED -> "the end of the data";
    };
  }

  private static String serverText(Throwable e) {
    for (@Nullable Throwable t = e; t != null; t = next(t)) {
      if (t instanceof SMTPSendFailedException || t instanceof SMTPAddressFailedException
          || t instanceof SMTPSenderFailedException) {
        String text = t.getMessage();
        if (text != null && !text.isBlank()) {
          return HeaderValues.printable(text.strip());
        }
      }
    }
    return cause(e);
  }

  /** The deepest cause, as {@code Type: message}, on one line. */
  static String cause(Throwable e) {
    Throwable deepest = e;
    int depth = 0;
    for (@Nullable Throwable t = next(e); t != null && depth < 16; t = next(t), depth++) {
      deepest = t;
    }
    String message = deepest.getMessage();
    return deepest.getClass().getSimpleName() + (message == null ? "" : ": " + HeaderValues.printable(message.strip()));
  }

  private static int validCode(int code) {
    return code >= 200 && code <= 599 ? code : 0;
  }

  private static @Nullable Throwable next(Throwable t) {
    Throwable next = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause();
    return next == t ? null : next;
  }
}
