package dev.openproof.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.PreencodedMimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Arrays;
import java.util.Base64;

/**
 * Attachments whose base64 is made once, when the message is composed, by the JDK's encoder: sending
 * then copies those bytes instead of passing the file through Jakarta Mail's encoder stream byte
 * by byte (and looking its stream provider up for each part). The bytes on the wire are the same as
 * that encoder's: lines of 76 characters ended by CRLF, and a last line ended by CRLF only when it
 * is full, as the encoder leaves it when the part is written.
 */
final class PreencodedAttachments {
  private static final int LINE = 76;
  private static final byte[] CRLF = {'\r', '\n'};
  private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(LINE, CRLF);

  private PreencodedAttachments() {}

  /** The file as an attachment part: {@code Content-Type}, {@code Content-Transfer-Encoding: base64}, {@code Content-Disposition}. */
  static MimeBodyPart of(byte[] content, String mediaType, String fileName) throws MessagingException {
    MimeBodyPart part = new PreencodedMimeBodyPart("base64");
    part.setDataHandler(new DataHandler(new ByteArrayDataSource(base64(content), mediaType)));
    part.setDisposition(Part.ATTACHMENT);
    part.setFileName(fileName);
    part.setHeader("Content-Transfer-Encoding", "base64");
    return part;
  }

  /** The content in base64 lines, byte for byte what Jakarta Mail's base64 encoder writes for a part. */
  static byte[] base64(byte[] content) {
    byte[] lines = ENCODER.encode(content);
    if (lines.length % (LINE + CRLF.length) != LINE) {
      return lines;
    }
    byte[] ended = Arrays.copyOf(lines, lines.length + CRLF.length);
    System.arraycopy(CRLF, 0, ended, lines.length, CRLF.length);
    return ended;
  }
}
