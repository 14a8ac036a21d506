package dev.openproof.mail;

import static dev.openproof.mail.HeaderValues.oneLine;

import java.util.ArrayList;
import java.util.List;

/** Writes a distributor's notice that proofs now arrive digitally, straight to the customer. */
final class NoticeDocument {
  private NoticeDocument() {}

  static MailDocument of(DistributorNotice notice, MailTexts t, SupportContact contact) {
    String distributor = oneLine(notice.distributor().name());
    String audience = notice.audience() == DistributorNotice.Audience.RESELLER ? "reseller" : "customer";
    List<MailDocument.Block> blocks = new ArrayList<>();
    blocks.add(new MailDocument.Paragraph(t.text("notice.greeting", oneLine(notice.recipient().name()))));
    blocks.add(new MailDocument.Paragraph(t.text("notice.intro", t.date(notice.digitalFrom()), distributor)));
    blocks.add(new MailDocument.Heading(t.text("notice.heading")));
    blocks.add(new MailDocument.Items(List.of(
        t.text("notice." + audience + ".1", distributor),
        t.text("notice." + audience + ".2", distributor),
        t.text("notice." + audience + ".3", distributor))));
    blocks.add(new MailDocument.Heading(t.text("proof.section.contact")));
    blocks.add(new MailDocument.Paragraph(t.text("notice.contact", contact.name())));
    blocks.add(ProofDocument.contactFields(contact, t));
    blocks.add(new MailDocument.Paragraph(t.text("notice.signature", distributor)));
    blocks.add(new MailDocument.Paragraph(t.text("mail.footer")));
    return new MailDocument(t.locale(), t.text("notice.title"), blocks);
  }

  static String subject(DistributorNotice notice, MailTexts t) {
    return t.text("notice.subject", notice.distributor().name());
  }
}
