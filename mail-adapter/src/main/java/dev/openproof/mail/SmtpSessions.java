package dev.openproof.mail;

import jakarta.mail.Session;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Turns {@link SmtpSettings} into a Jakarta Mail {@link Session}: Angus Mail's {@code mail.smtp.*}
 * properties for timeouts, TLS, authentication and the envelope sender.
 */
final class SmtpSessions {
  private SmtpSessions() {}

  static Session create(SmtpSettings settings) {
    return Session.getInstance(properties(settings));
  }

  static Properties properties(SmtpSettings settings) {
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", settings.host());
    p.setProperty("mail.smtp.port", Integer.toString(settings.port()));
    p.setProperty("mail.smtp.connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
    p.setProperty("mail.smtp.timeout", Long.toString(settings.readTimeout().toMillis()));
    p.setProperty("mail.smtp.writetimeout", Long.toString(settings.writeTimeout().toMillis()));
    p.put("mail.smtp.executor.writetimeout", WriteTimeouts.EXECUTOR);
    p.setProperty("mail.smtp.from", settings.envelopeSender());
    p.setProperty("mail.smtp.quitwait", "false");
    p.put("mail.smtp.socketFactory", NoDelaySockets.plain());
    p.setProperty("mail.smtp.socketFactory.fallback", "false");
    p.put("mail.smtp.ssl.socketFactory", NoDelaySockets.tls(settings.sslSocketFactory()));
    settings.heloName().ifPresent(name -> p.setProperty("mail.smtp.localhost", name));
    switch (settings.tls()) {
      case NONE -> {
        p.setProperty("mail.smtp.starttls.enable", "false");
        p.setProperty("mail.smtp.ssl.enable", "false");
      }
      case STARTTLS_REQUIRED -> {
        p.setProperty("mail.smtp.starttls.enable", "true");
        p.setProperty("mail.smtp.starttls.required", "true");
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        p.setProperty("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
      }
      case IMPLICIT -> {
        p.setProperty("mail.smtp.ssl.enable", "true");
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        p.setProperty("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
      }
    }
    p.setProperty("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
    if (settings.smtpUtf8()) {
      p.setProperty("mail.mime.allowutf8", "true");
      p.setProperty("mail.smtp.allow8bitmime", "true");
    }
    return p;
  }

  /** One daemon thread, shared by every connection, that enforces write timeouts. */
  private static final class WriteTimeouts {
    static final ScheduledExecutorService EXECUTOR = create();

    private static ScheduledExecutorService create() {
      ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "openproof-smtp-write-timeout");
        thread.setDaemon(true);
        return thread;
      });
      executor.setRemoveOnCancelPolicy(true);
      return executor;
    }
  }
}
