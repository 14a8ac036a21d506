package dev.openproof.examples.demo;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real SMTP server inside the demo's process, on 127.0.0.1 and a free port, so that the demo sends
 * real mail without a mail server installed. What it receives is saved as {@code .eml} files.
 */
final class SmtpSandbox implements AutoCloseable {
  private final GreenMail server;

  private SmtpSandbox(GreenMail server) {
    this.server = server;
  }

  static SmtpSandbox start() {
    GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return new SmtpSandbox(server);
  }

  int port() {
    return server.getSmtp().getPort();
  }

  /**
   * Saves every message received since the last call in {@code outbox}, named after its Message-ID,
   * and forgets them, so that a long run holds no mail in memory.
   *
   * @return how many messages were saved
   */
  int drainTo(Path outbox) throws IOException {
    MimeMessage[] received = server.getReceivedMessages();
    for (MimeMessage message : received) {
      try (OutputStream out = Files.newOutputStream(outbox.resolve(Outbox.fileName(message.getMessageID())))) {
        message.writeTo(out);
      } catch (MessagingException e) {
        throw new IOException("a received message could not be saved: " + e.getMessage(), e);
      }
    }
    try {
      server.purgeEmailFromAllMailboxes();
    } catch (FolderException e) {
      throw new IOException("the sandbox's mailboxes could not be emptied", e);
    }
    return received.length;
  }

  @Override
  public void close() {
    server.stop();
  }
}
