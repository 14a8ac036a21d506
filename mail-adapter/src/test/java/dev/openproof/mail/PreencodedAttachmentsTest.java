package dev.openproof.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.activation.DataHandler;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** An attachment encoded when the message is composed goes out byte for byte as Jakarta Mail's encoder would write it. */
class PreencodedAttachmentsTest {
  private static final Session SESSION = Session.getInstance(new Properties());

  @Test
  void writesTheSameBytesAsJakartaMailsEncoderForEveryLengthAroundALine() throws Exception {
    Random random = new Random(16);
    for (int length = 0; length <= 600; length++) {
      assertSameAsEncoder(randomBytes(random, length));
    }
    for (int length = 48_000; length <= 48_120; length++) {
      assertSameAsEncoder(randomBytes(random, length));
    }
  }

  @Test
  void endsAFullLastLineWithCrlfAndAShortOneWithout() {
    assertThat(PreencodedAttachments.base64(new byte[0])).isEmpty();
    assertThat(text(PreencodedAttachments.base64(new byte[] {'s'}))).isEqualTo("cw==");
    byte[] fullLine = new byte[57];
    assertThat(text(PreencodedAttachments.base64(fullLine))).isEqualTo("A".repeat(76) + "\r\n");
    byte[] lineAndOne = new byte[58];
    assertThat(text(PreencodedAttachments.base64(lineAndOne))).isEqualTo("A".repeat(76) + "\r\nAA==");
  }

  @Test
  void decodesToTheFile() {
    byte[] file = randomBytes(new Random(3), 10_000);

    assertThat(Base64.getMimeDecoder().decode(PreencodedAttachments.base64(file))).isEqualTo(file);
  }

  private static void assertSameAsEncoder(byte[] content) throws Exception {
    MimeBodyPart encodedOnSend = new MimeBodyPart();
    encodedOnSend.setDataHandler(new DataHandler(new ByteArrayDataSource(content, "application/pdf")));
    encodedOnSend.setDisposition(Part.ATTACHMENT);
    encodedOnSend.setFileName("certificate-1.pdf");
    encodedOnSend.setHeader("Content-Transfer-Encoding", "base64");

    assertThat(written(PreencodedAttachments.of(content, "application/pdf", "certificate-1.pdf")))
        .as("%d bytes", content.length)
        .isEqualTo(written(encodedOnSend));
  }

  /** The multipart/mixed that holds the part, as a message writes it, its boundary replaced by a fixed one. */
  private static String written(MimeBodyPart part) throws Exception {
    MimeMessage message = new MimeMessage(SESSION);
    MimeMultipart mixed = new MimeMultipart("mixed", part);
    message.setContent(mixed);
    message.saveChanges();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    mixed.writeTo(out);
    String boundary = new ContentType(mixed.getContentType()).getParameter("boundary");
    return text(out.toByteArray()).replace(boundary, "BOUNDARY");
  }

  private static byte[] randomBytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
