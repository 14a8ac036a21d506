package dev.openproof.mail;

import dev.openproof.core.exchange.DeliveryException;
import dev.openproof.core.exchange.FailureKind;
import jakarta.mail.MessagingException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Tells a TLS failure caused by the server's certificate from any other connect failure: a
 * certificate that no trusted CA signed, or one that does not name the host connected to. Either is
 * a configuration error that no retry cures, and its message says what to change.
 */
final class TlsProblems {
  private TlsProblems() {}

  /** The failure as a certificate problem, or {@code null} when it is none. */
  static @Nullable DeliveryException of(MessagingException e, String host, String server) {
    boolean untrusted = false;
    boolean wrongName = false;
    boolean tls = false;
    int depth = 0;
    for (@Nullable Throwable t = e; t != null && depth < 16; t = next(t), depth++) {
      String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      tls |= t instanceof SSLException || t instanceof CertificateException;
      untrusted |= t instanceof CertPathBuilderException || t instanceof CertPathValidatorException;
      wrongName |= (t instanceof CertificateException && (message.contains("no subject alternative")
          || message.contains("no name matching"))) || message.contains("can't verify identity of server");
    }
    if (wrongName) {
      return new DeliveryException(FailureKind.CONFIGURATION,
          "TLS configuration error: the certificate of the SMTP server " + server + " does not name the host '"
              + HeaderValues.printable(host) + "' (" + Failures.cause(e) + "); connect by a name the certificate holds",
          e);
    }
    if (untrusted || (tls && Failures.cause(e).toLowerCase(Locale.ROOT).contains("certificat"))) {
      return new DeliveryException(FailureKind.CONFIGURATION,
          "TLS configuration error: the certificate of the SMTP server " + server + " is not trusted ("
              + Failures.cause(e) + "); trust the CA that issued it with SmtpSettings.Builder.trustStore(…) or"
              + " sslContext(…), or --smtp-trust FILE on the command line",
          e);
    }
    return null;
  }

  private static @Nullable Throwable next(Throwable t) {
    Throwable next = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause();
    return next == t ? null : next;
  }
}
