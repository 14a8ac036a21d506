package dev.openproof.mail;

import dev.openproof.core.model.DeliveryId;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.Recipient;
import dev.openproof.core.exchange.CustomerNotice;
import dev.openproof.core.exchange.Attachment;
import dev.openproof.core.exchange.DeliveryRequest;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.List;

/**
 * Composes the two kinds of message: a proof to its customer ({@code multipart/mixed}: the
 * alternative text and HTML body, then the proof as {@code license-proof-<n>.jwt}, then the host's
 * extra attachments such as the certificate), and a
 * distributor's notice ({@code multipart/alternative}). Thread-safe.
 */
final class MailComposer {
  private final Session session;
  private final SmtpSettings settings;
  private final ExtraAttachments attachments;

  MailComposer(Session session, SmtpSettings settings, ExtraAttachments attachments) {
    this.session = session;
    this.settings = settings;
    this.attachments = attachments;
  }

  /**
   * The message of a delivery; its Message-ID derives from the delivery id. An invalid address or a
   * message that cannot be composed is a PERMANENT {@code DeliveryException}.
   */
  Outgoing proof(DeliveryRequest request) {
    InternetAddress to = recipient(request.recipient());
    LicenseProof proof = request.proof();
    MailTexts texts = MailTexts.forLanguage(request.recipient().language());
    String fileName = fileName(proof);
    SupportContact contact = settings.supportDirectory().contactFor(proof.customer().country());
    List<Attachment> extra = attachments.of(request, fileName);
    MailDocument document = ProofDocument.of(request, texts, contact, settings, fileName, extra);
    String messageId = MessageIds.ofDelivery(request.deliveryId(), settings.messageIdDomain());
    try {
      MimeMessage message = MimeParts.message(session, settings, messageId, to, ProofDocument.subject(request, texts), texts.locale());
      DeliveryId first = request.resendOf();
      if (first != null) {
        String firstId = MessageIds.ofDelivery(first, settings.messageIdDomain());
        message.setHeader("In-Reply-To", firstId);
        message.setHeader("References", firstId);
      }
      MimeMultipart mixed = new MimeMultipart("mixed",
          MimeParts.wrap(MimeParts.alternative(document)),
          MimeParts.jwtAttachment(request.signedProof().token(), fileName));
      for (MimeBodyPart part : ExtraAttachments.parts(extra)) {
        mixed.addBodyPart(part);
      }
      message.setContent(mixed);
      message.saveChanges();
      return new Outgoing(messageId, message, to);
    } catch (MessagingException e) {
      throw Failures.notComposed(e);
    }
  }

  /** The message of a notice; its Message-ID derives from the notice id. */
  Outgoing notice(DistributorNotice notice) {
    InternetAddress to = recipient(notice.recipient());
    MailTexts texts = MailTexts.forLanguage(notice.recipient().language());
    SupportContact contact = settings.supportDirectory().contactFor(notice.distributor().country());
    MailDocument document = NoticeDocument.of(notice, texts, contact);
    String messageId = MessageIds.ofNotice(notice.noticeId(), settings.messageIdDomain());
    try {
      MimeMessage message = MimeParts.message(session, settings, messageId, to, NoticeDocument.subject(notice, texts), texts.locale());
      message.setContent(MimeParts.alternative(document));
      message.saveChanges();
      return new Outgoing(messageId, message, to);
    } catch (MessagingException e) {
      throw Failures.notComposed(e);
    }
  }

  /** The message of a customer's notice after the sale; its Message-ID derives from the notice id. */
  Outgoing customerNotice(CustomerNotice notice) {
    InternetAddress to = recipient(notice.recipient());
    MailTexts texts = MailTexts.forLanguage(notice.recipient().language());
    String country = notice instanceof CustomerNotice.ReturnNotice r ? r.customer().country()
        : ((CustomerNotice.RenewalReminder) notice).customer().country();
    SupportContact contact = settings.supportDirectory().contactFor(country);
    MailDocument document = AfterSaleDocument.of(notice, texts, contact);
    String messageId = MessageIds.ofNotice(notice.noticeId(), settings.messageIdDomain());
    try {
      MimeMessage message = MimeParts.message(session, settings, messageId, to, AfterSaleDocument.subject(notice, texts), texts.locale());
      message.setContent(MimeParts.alternative(document));
      message.saveChanges();
      return new Outgoing(messageId, message, to);
    } catch (MessagingException e) {
      throw Failures.notComposed(e);
    }
  }

  /** {@code license-proof-<license number>.jwt}, the number reduced to safe characters. */
  static String fileName(LicenseProof proof) {
    return "license-proof-" + HeaderValues.fileNamePart(proof.licenseNumber().value()) + ".jwt";
  }

  private InternetAddress recipient(Recipient recipient) {
    try {
      return MailAddresses.mailbox(recipient.email(), recipient.name(), settings.smtpUtf8());
    } catch (IllegalArgumentException e) {
      throw Failures.invalidAddress("the recipient's address is refused", e);
    }
  }
}
