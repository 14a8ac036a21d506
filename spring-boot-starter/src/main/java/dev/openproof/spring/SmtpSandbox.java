package dev.openproof.spring;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real SMTP server inside the application, on 127.0.0.1 and a free port, for the embedded
 * defaults: proofs are really sent, and what it receives is saved as {@code .eml} files in its
 * outbox folder. Not for production.
 *
 * @since 0.1.0
 */
public final class SmtpSandbox implements AutoCloseable {
  private final GreenMail server;
  private final Path outbox;

  private SmtpSandbox(GreenMail server, Path outbox) {
    this.server = server;
    this.outbox = outbox;
  }

  /**
   * Starts a sandbox.
   *
   * @param outbox the folder of the received mail, created where missing
   * @return the running sandbox
   */
  public static SmtpSandbox start(Path outbox) {
    try {
      Files.createDirectories(outbox);
    } catch (IOException e) {
      throw new UncheckedIOException("the sandbox's outbox " + outbox + " cannot be created", e);
    }
    GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return new SmtpSandbox(server, outbox);
  }

  /**
   * The port it listens on.
   *
   * @return the port
   */
  public int port() {
    return server.getSmtp().getPort();
  }

  /**
   * The folder of the received mail.
   *
   * @return the folder
   */
  public Path outbox() {
    return outbox;
  }

  /**
   * Saves the mail received since the last call in the outbox, one {@code .eml} per Message-ID.
   *
   * @return how many were saved
   */
  public synchronized int drain() {
    MimeMessage[] received = server.getReceivedMessages();
    try {
      for (MimeMessage message : received) {
        String id = message.getMessageID() == null ? "message-" + System.nanoTime() : message.getMessageID();
        String name = id.replaceAll("[^A-Za-z0-9._@-]", "_") + ".eml";
        try (OutputStream out = Files.newOutputStream(outbox.resolve(name))) {
          message.writeTo(out);
        }
      }
      server.purgeEmailFromAllMailboxes();
    } catch (IOException e) {
      throw new UncheckedIOException("the sandbox's mail cannot be saved in " + outbox, e);
    } catch (MessagingException | FolderException e) {
      throw new IllegalStateException("the sandbox's mail cannot be read: " + e.getMessage(), e);
    }
    return received.length;
  }

  @Override
  public void close() {
    drain();
    server.stop();
  }

  @Override
  public String toString() {
    return "SmtpSandbox[127.0.0.1:" + port() + ", outbox=" + outbox + "]";
  }
}
