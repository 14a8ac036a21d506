package dev.openproof.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.openproof.core.model.DeliveryReceipt;
import dev.openproof.core.exchange.DeliveryRequest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProofMessageStructureTest {
  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL = GreenMailServers.smtp();

  private MimeMessage deliverRussian() throws Exception {
    DeliveryRequest request = Mails.russian("d-structure-1");
    Mails.delivery(GREEN_MAIL.getSmtp().getPort()).deliver(request);
    MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
    assertThat(received).hasSize(1);
    return received[0];
  }

  @Test
  void isMixedWithAlternativeTextAndHtmlThenTheAttachment() throws Exception {
    MimeMessage message = deliverRussian();

    assertThat(message.isMimeType("multipart/mixed")).isTrue();
    Multipart mixed = (Multipart) message.getContent();
    assertThat(mixed.getCount()).isEqualTo(2);
    BodyPart alternativePart = mixed.getBodyPart(0);
    assertThat(alternativePart.isMimeType("multipart/alternative")).isTrue();
    Multipart alternative = (Multipart) alternativePart.getContent();
    assertThat(alternative.getCount()).isEqualTo(2);
    assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
    assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
    for (int i = 0; i < 2; i++) {
      assertThat(new ContentType(alternative.getBodyPart(i).getContentType()).getParameter("charset"))
          .isEqualToIgnoringCase("UTF-8");
    }
    assertThat(mixed.getBodyPart(1).isMimeType("application/jwt")).isTrue();
  }

  @Test
  void attachesTheExactTokenAsLicenseProofJwt() throws Exception {
    DeliveryRequest request = Mails.russian("d-structure-2");
    Mails.delivery(GREEN_MAIL.getSmtp().getPort()).deliver(request);
    MimeMessage message = GREEN_MAIL.getReceivedMessages()[0];

    BodyPart attachment = Mails.find(message, "application/jwt");
    assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(attachment.getFileName()).isEqualTo("license-proof-" + request.proof().licenseNumber().value() + ".jwt");
    assertThat(Mails.bytes(attachment)).isEqualTo(request.signedProof().token());
  }

  @Test
  void carriesTheHeadersOfAnAutomaticMessage() throws Exception {
    MimeMessage message = deliverRussian();

    assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    assertThat(message.getHeader("Content-Language")).containsExactly("ru");
    assertThat(message.getMessageID()).isEqualTo("<d-structure-1@" + Mails.DOMAIN + ">");
    assertThat(message.getSentDate().toInstant()).isEqualTo(Mails.NOW);
    InternetAddress from = (InternetAddress) message.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("licensing@vendor.example.test");
    assertThat(from.getPersonal()).isEqualTo("Vendor Licensing");
  }

  @Test
  void encodesTheSubjectAndTheCustomersNamePerRfc2047() throws Exception {
    MimeMessage message = deliverRussian();

    String rawSubject = message.getHeader("Subject")[0];
    String rawTo = message.getHeader("To")[0];
    assertThat(rawSubject).contains("=?UTF-8?").matches("[\\x20-\\x7e\\r\\n\\t]+");
    assertThat(rawTo).contains("=?UTF-8?").matches("[\\x20-\\x7e\\r\\n\\t]+");
    assertThat(message.getSubject()).isEqualTo("Ваше подтверждение лицензии 1234567897 (Open License)");
    InternetAddress to = (InternetAddress) message.getRecipients(MimeMessage.RecipientType.TO)[0];
    assertThat(to.getPersonal()).isEqualTo("ООО «Ромашка»");
    assertThat(to.getAddress()).isEqualTo("it@romashka.example.test");
  }

  @Test
  void usesTheEnvelopeSenderForBounces() throws Exception {
    MimeMessage message = deliverRussian();

    assertThat(message.getHeader("Return-Path")[0]).contains("bounces@vendor.example.test");
  }

  @Test
  void returnsAReceiptWithTheMessageId() {
    DeliveryRequest request = Mails.russian("d-structure-3");
    DeliveryReceipt receipt = Mails.delivery(GREEN_MAIL.getSmtp().getPort()).deliver(request);

    assertThat(receipt.messageId()).isEqualTo("<d-structure-3@" + Mails.DOMAIN + ">");
    assertThat(receipt.recipient()).isEqualTo("it@romashka.example.test");
    assertThat(receipt.proofId()).isEqualTo(request.proof().proofId());
    assertThat(receipt.deliveredAt()).isEqualTo(Mails.NOW);
  }

  @Test
  void writesTheSameMessageWithoutSendingIt() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Mails.delivery(1).writeMessage(Mails.russian("d-structure-4"), out);

    String eml = out.toString(StandardCharsets.UTF_8);
    assertThat(eml).contains("Message-ID: <d-structure-4@" + Mails.DOMAIN + ">", "Auto-Submitted: auto-generated",
        "multipart/mixed", "multipart/alternative", "application/jwt");
    assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
  }
}
