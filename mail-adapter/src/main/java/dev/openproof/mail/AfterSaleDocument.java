package dev.openproof.mail;

import static dev.openproof.mail.HeaderValues.oneLine;

import dev.openproof.core.model.Entitlement;
import dev.openproof.core.exchange.CustomerNotice;
import java.util.ArrayList;
import java.util.List;

/** Writes the notices after the sale: a returned order's, and a reminder that a term ends soon. */
final class AfterSaleDocument {
  private AfterSaleDocument() {}

  static MailDocument of(CustomerNotice notice, MailTexts t, SupportContact contact) {
    if (notice instanceof CustomerNotice.ReturnNotice returned) {
      return returned(returned, t, contact);
    }
    return reminder((CustomerNotice.RenewalReminder) notice, t, contact);
  }

  static String subject(CustomerNotice notice, MailTexts t) {
    if (notice instanceof CustomerNotice.ReturnNotice returned) {
      return t.text("return.subject", returned.orderId().value(), returned.licenseNumber().value());
    }
    CustomerNotice.RenewalReminder reminder = (CustomerNotice.RenewalReminder) notice;
    return reminder.resellerCopy()
        ? t.text("reminder.subject.copy", reminder.licenseNumber().value(), reminder.customer().name(), t.date(reminder.endsOn()))
        : t.text("reminder.subject", reminder.licenseNumber().value(), t.date(reminder.endsOn()));
  }

  private static MailDocument returned(CustomerNotice.ReturnNotice notice, MailTexts t, SupportContact contact) {
    List<MailDocument.Block> blocks = new ArrayList<>();
    blocks.add(new MailDocument.Paragraph(t.text("proof.greeting", oneLine(notice.recipient().name()))));
    blocks.add(new MailDocument.Paragraph(t.text("return.intro", oneLine(notice.orderId().value()),
        t.date(notice.returnedOn()), notice.licenseNumber().value())));
    notice.replacementLicense().ifPresent(kept ->
        blocks.add(new MailDocument.Paragraph(t.text("return.kept", kept.value()))));
    blocks.add(new MailDocument.Heading(t.text("return.section")));
    blocks.add(products(notice.returned(), t));
    blocks.add(new MailDocument.Heading(t.text("proof.section.contact")));
    blocks.add(new MailDocument.Paragraph(t.text("return.contact", oneLine(notice.reseller().name()))));
    blocks.add(new MailDocument.Paragraph(t.text("proof.contact.intro", contact.name())));
    blocks.add(ProofDocument.contactFields(contact, t));
    blocks.add(new MailDocument.Paragraph(t.text("mail.footer")));
    return new MailDocument(t.locale(), t.text("return.title"), blocks);
  }

  private static MailDocument reminder(CustomerNotice.RenewalReminder notice, MailTexts t, SupportContact contact) {
    List<MailDocument.Block> blocks = new ArrayList<>();
    String license = notice.licenseNumber().value();
    String order = oneLine(notice.orderId().value());
    String ends = t.date(notice.endsOn());
    blocks.add(new MailDocument.Paragraph(t.text("proof.greeting", oneLine(notice.recipient().name()))));
    blocks.add(new MailDocument.Paragraph(notice.resellerCopy()
        ? t.text("reminder.intro.copy", license, oneLine(notice.customer().name()), order, ends, notice.daysLeft())
        : t.text("reminder.intro", license, order, ends, notice.daysLeft())));
    blocks.add(new MailDocument.Heading(t.text("reminder.section")));
    blocks.add(products(notice.ending(), t));
    if (!notice.resellerCopy()) {
      blocks.add(new MailDocument.Paragraph(t.text("reminder.renew") + " "
          + t.text("proof.contact.reseller", oneLine(notice.reseller().name()))));
    }
    blocks.add(new MailDocument.Heading(t.text("proof.section.contact")));
    blocks.add(new MailDocument.Paragraph(t.text("proof.contact.intro", contact.name())));
    blocks.add(ProofDocument.contactFields(contact, t));
    blocks.add(new MailDocument.Paragraph(t.text("mail.footer")));
    return new MailDocument(t.locale(), t.text("reminder.title"), blocks);
  }

  private static MailDocument.Table products(List<Entitlement> entitlements, MailTexts t) {
    List<List<String>> rows = new ArrayList<>();
    for (Entitlement e : entitlements) {
      rows.add(List.of(oneLine(e.product()), oneLine(e.sku()), Integer.toString(e.quantity()), t.name(e.type()),
          ProofDocument.term(e, t)));
    }
    return new MailDocument.Table(List.of(t.text("proof.col.product"), t.text("proof.col.sku"),
        t.text("proof.col.quantity"), t.text("proof.col.type"), t.text("proof.col.term")), rows);
  }
}
