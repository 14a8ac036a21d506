package dev.openproof.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Locale;

/** Builds the MIME parts every message of this module shares: headers, the alternative body, the attachment. */
final class MimeParts {
  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private MimeParts() {}

  /**
   * A message with its headers set: From, To, Subject (neutralized, then RFC 2047 encoded; always
   * encoded when it looks like an encoded-word itself), Date,
   * Message-ID, {@code Auto-Submitted: auto-generated} and {@code Content-Language}.
   */
  static MimeMessage message(Session session, SmtpSettings settings, String messageId, InternetAddress to,
      String subject, Locale language) throws MessagingException {
    MimeMessage message = new FixedIdMimeMessage(session, messageId);
    message.setFrom(settings.from());
    message.setRecipient(Message.RecipientType.TO, to);
    String phrase = HeaderValues.phrase(subject);
    if (EncodedWords.needed(phrase)) {
      message.setHeader("Subject", MimeUtility.fold(9, EncodedWords.encode(phrase)));
    } else {
      message.setSubject(phrase, UTF_8);
    }
    message.setSentDate(Date.from(settings.clock().instant()));
    message.setHeader("Auto-Submitted", "auto-generated");
    message.setHeader("Content-Language", language.toLanguageTag());
    return message;
  }

  /** The document as {@code multipart/alternative}: plain text first, HTML last (the preferred). */
  static MimeMultipart alternative(MailDocument document) throws MessagingException {
    return new MimeMultipart("alternative",
        text(PlainTextRenderer.render(document), "plain"), text(HtmlRenderer.render(document), "html"));
  }

  /**
   * A UTF-8 text part, its transfer encoding chosen here once from the bytes: 7bit for short ASCII
   * lines, quoted-printable for mostly ASCII, base64 for mostly non-ASCII (Cyrillic) text.
   */
  static MimeBodyPart text(String content, String subtype) throws MessagingException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, "text/" + subtype + "; charset=UTF-8")));
    part.setHeader("Content-Transfer-Encoding", transferEncoding(bytes));
    return part;
  }

  static String transferEncoding(byte[] bytes) {
    int nonAscii = 0;
    int line = 0;
    int longest = 0;
    for (byte b : bytes) {
      if (b < 0 || b == 0) {
        nonAscii++;
      }
      line = b == '\n' ? 0 : line + 1;
      longest = Math.max(longest, line);
    }
    if (nonAscii == 0 && longest <= 900) {
      return "7bit";
    }
    return nonAscii * 3 < bytes.length ? "quoted-printable" : "base64";
  }

  /** The body part that holds a multipart. */
  static MimeBodyPart wrap(MimeMultipart multipart) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setContent(multipart);
    return part;
  }

  /** The signed proof as an {@code application/jwt} attachment, its bytes exactly those of the token. */
  static MimeBodyPart jwtAttachment(String token, String fileName) throws MessagingException {
    return PreencodedAttachments.of(token.getBytes(StandardCharsets.UTF_8), "application/jwt", fileName);
  }
}
