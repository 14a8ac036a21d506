package dev.openproof.examples.demo;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One message the sandbox is receiving: its bytes go straight to a hidden file in the outbox, and
 * only its Message-ID is kept, read from its header (at most {@value #MAX_FIELD} characters of it).
 * {@link #save()} renames the file after the Message-ID, so the outbox never shows half a message.
 */
final class SandboxMessage implements AutoCloseable {
  static final int MAX_FIELD = 998;
  private static final AtomicLong NUMBERS = new AtomicLong();
  private static final String MESSAGE_ID = "message-id:";

  private final Path outbox;
  private final long number;
  private final Path partial;
  private final OutputStream out;
  private boolean inHeader = true;
  private boolean inMessageId;
  private final StringBuilder messageId = new StringBuilder();
  private boolean closed;

  private SandboxMessage(Path outbox, long number, Path partial, OutputStream out) {
    this.outbox = outbox;
    this.number = number;
    this.partial = partial;
    this.out = out;
  }

  static SandboxMessage begin(Path outbox) throws IOException {
    long number = NUMBERS.incrementAndGet();
    Path partial = outbox.resolve(".sandbox-" + ProcessHandle.current().pid() + "-" + number + ".part");
    return new SandboxMessage(outbox, number, partial, new BufferedOutputStream(Files.newOutputStream(partial), 32 * 1024));
  }

  /**
   * Appends bytes of the message, dot-unstuffed.
   *
   * @param lineStart whether the bytes start a line (or continue a line too long for one read)
   */
  void write(byte[] bytes, int offset, int length, boolean lineStart) throws IOException {
    out.write(bytes, offset, length);
    if (inHeader) {
      readHeader(bytes, offset, length, lineStart);
    }
  }

  private void readHeader(byte[] bytes, int offset, int length, boolean lineStart) {
    String text = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    if (lineStart) {
      if (text.equals("\r\n") || text.equals("\n")) {
        inHeader = false;
        inMessageId = false;
        return;
      }
      boolean continuation = text.charAt(0) == ' ' || text.charAt(0) == '\t';
      if (!continuation) {
        inMessageId = messageId.length() == 0 && text.regionMatches(true, 0, MESSAGE_ID, 0, MESSAGE_ID.length());
        if (inMessageId) {
          text = text.substring(MESSAGE_ID.length());
        }
      }
    }
    if (inMessageId) {
      messageId.append(text, 0, Math.min(text.length(), MAX_FIELD - messageId.length()));
    }
  }

  /** The Message-ID the header gave, or {@code null}. */
  @Nullable String messageId() {
    String id = messageId.toString().strip();
    return id.isEmpty() ? null : id;
  }

  /**
   * Closes the file and gives it its name: the Message-ID's, or {@code unnamed-<n>.eml}.
   *
   * @return the file
   */
  Path save() throws IOException {
    close();
    String id = messageId();
    Path file = outbox.resolve(Outbox.fileName(id != null ? id : "unnamed-" + number));
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  /** Drops what was received of a message that is not accepted. */
  void discard() throws IOException {
    close();
    Files.deleteIfExists(partial);
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      out.close();
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "message %d (%s)", number, partial.getFileName());
  }
}
