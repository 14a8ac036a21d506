package dev.openproof.examples.demo;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One SMTP connection to the sandbox (RFC 5321, the part a client that sends mail needs): {@code
 * EHLO}/{@code HELO}, {@code MAIL}, {@code RCPT}, {@code DATA}, {@code RSET}, {@code NOOP}, {@code
 * QUIT}. A message is answered {@code 250} once its file is in the outbox.
 */
final class SandboxSession {
  /** Commands that are refused in a row before the connection is closed. */
  private static final int MAX_ERRORS = 20;

  private final SandboxLines in;
  private final OutputStream out;
  private final Path outbox;
  private final Runnable onSaved;
  private final byte[] line = new byte[SmtpSandbox.MAX_LINE];
  private final byte[] data = new byte[8 * 1024];
  private boolean greeted;
  private boolean mailFrom;
  private int recipients;
  private int errors;

  SandboxSession(InputStream in, OutputStream out, Path outbox, Runnable onSaved) {
    this.in = new SandboxLines(in);
    this.out = out;
    this.outbox = outbox;
    this.onSaved = onSaved;
  }

  void run() throws IOException {
    reply("220 127.0.0.1 OpenProof SMTP sandbox ready");
    while (errors < MAX_ERRORS) {
      int n = in.read(line);
      if (n < 0) {
        return;
      }
      if (line[n - 1] != '\n') {
        reply("500 5.5.2 line too long");
        return;
      }
      String command = new String(line, 0, n, StandardCharsets.US_ASCII).strip();
      int space = command.indexOf(' ');
      String verb = (space < 0 ? command : command.substring(0, space)).toUpperCase(Locale.ROOT);
      if (!answer(verb, command)) {
        return;
      }
    }
    reply("421 4.7.0 too many errors, closing");
  }

  /** Answers one command; {@code false} when the session ends. */
  private boolean answer(String verb, String command) throws IOException {
    switch (verb) {
      case "EHLO" -> {
        reset();
        greeted = true;
        ok("250-127.0.0.1 greets you\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250-ENHANCEDSTATUSCODES\r\n250 SIZE "
            + SmtpSandbox.MAX_MESSAGE);
      }
      case "HELO" -> {
        reset();
        greeted = true;
        ok("250 127.0.0.1");
      }
      case "MAIL" -> {
        if (!greeted) {
          error("503 5.5.1 say EHLO first");
        } else if (!command.regionMatches(true, 0, "MAIL FROM:", 0, 10)) {
          error("501 5.5.4 syntax: MAIL FROM:<address>");
        } else {
          mailFrom = true;
          recipients = 0;
          ok("250 2.1.0 sender ok");
        }
      }
      case "RCPT" -> rcpt(command);
      case "DATA" -> {
        if (recipients == 0) {
          error("503 5.5.1 no recipients");
        } else {
          reply("354 end data with <CR><LF>.<CR><LF>");
          receive();
        }
      }
      case "RSET" -> {
        reset();
        ok("250 2.0.0 ok");
      }
      case "NOOP" -> ok("250 2.0.0 ok");
      case "VRFY" -> ok("252 2.5.0 cannot verify, send and see");
      case "QUIT" -> {
        reply("221 2.0.0 bye");
        return false;
      }
      default -> error("502 5.5.1 command not implemented");
    }
    return true;
  }

  private void rcpt(String command) throws IOException {
    if (!mailFrom) {
      error("503 5.5.1 MAIL first");
    } else if (!command.regionMatches(true, 0, "RCPT TO:", 0, 8)) {
      error("501 5.5.4 syntax: RCPT TO:<address>");
    } else if (recipients >= SmtpSandbox.MAX_RECIPIENTS) {
      reply("452 4.5.3 too many recipients");
    } else {
      recipients++;
      ok("250 2.1.5 recipient ok");
    }
  }

  /** Reads the message up to the line with a single dot, into its file, then answers. */
  private void receive() throws IOException {
    long size = 0;
    boolean lineStart = true;
    SandboxMessage message = SandboxMessage.begin(outbox);
    boolean saved = false;
    try {
      while (true) {
        int n = in.read(data);
        if (n < 0) {
          throw new EOFException("the connection closed in the middle of a message");
        }
        int offset = 0;
        if (lineStart && data[0] == '.') {
          if (n == 3 && data[1] == '\r' && data[2] == '\n' || n == 2 && data[1] == '\n') {
            break;
          }
          offset = 1; // a dot the client doubled
        }
        size += n - offset;
        if (size <= SmtpSandbox.MAX_MESSAGE) {
          message.write(data, offset, n - offset, lineStart);
        }
        lineStart = data[n - 1] == '\n';
      }
      reset();
      if (size > SmtpSandbox.MAX_MESSAGE) {
        error("552 5.3.4 message larger than " + SmtpSandbox.MAX_MESSAGE + " octets");
        return;
      }
      message.save();
      saved = true;
      onSaved.run();
      ok("250 2.0.0 saved");
    } finally {
      if (!saved) {
        message.discard();
      }
    }
  }

  private void reset() {
    mailFrom = false;
    recipients = 0;
  }

  private void ok(String text) throws IOException {
    errors = 0;
    reply(text);
  }

  private void error(String text) throws IOException {
    errors++;
    reply(text);
  }

  private void reply(String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
