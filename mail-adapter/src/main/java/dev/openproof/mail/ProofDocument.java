package dev.openproof.mail;

import static dev.openproof.mail.HeaderValues.oneLine;

import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.exchange.Attachment;
import dev.openproof.core.exchange.DeliveryKind;
import dev.openproof.core.exchange.DeliveryRequest;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Writes the mail that carries a proof: what was licensed, how to verify the attached file, and whom
 * to ask. Every value from the proof is made one line; the renderers escape it.
 */
final class ProofDocument {
  private ProofDocument() {}

  static MailDocument of(DeliveryRequest request, MailTexts t, SupportContact contact, SmtpSettings settings, String fileName,
      List<Attachment> extra) {
    LicenseProof proof = request.proof();
    String license = proof.licenseNumber().value();
    List<MailDocument.Block> blocks = new ArrayList<>();
    blocks.add(new MailDocument.Paragraph(t.text("proof.greeting", oneLine(request.recipient().name()))));
    blocks.add(new MailDocument.Paragraph(request.kind() == DeliveryKind.RESEND
        ? t.text("proof.intro.resend", license, fileName)
        : t.text("proof.intro", oneLine(proof.orderId().value()), orderDate(proof, t), fileName)));

    blocks.add(new MailDocument.Heading(t.text("proof.section.license")));
    blocks.add(new MailDocument.Fields(List.of(
        new MailDocument.Field(t.text("proof.licenseNumber"), license),
        new MailDocument.Field(t.text("proof.authorizationNumber"), oneLine(proof.authorizationNumber().value())),
        new MailDocument.Field(t.text("proof.program"), t.name(proof.program())),
        new MailDocument.Field(t.text("proof.licensee"), oneLine(proof.customer().name())),
        new MailDocument.Field(t.text("proof.orderId"), oneLine(proof.orderId().value())),
        new MailDocument.Field(t.text("proof.orderedAt"), orderDate(proof, t)),
        new MailDocument.Field(t.text("proof.reseller"), oneLine(proof.reseller().name())),
        new MailDocument.Field(t.text("proof.distributor"), oneLine(proof.distributor().name())))));

    blocks.add(new MailDocument.Heading(t.text("proof.section.products")));
    List<List<String>> rows = new ArrayList<>();
    for (Entitlement e : proof.entitlements()) {
      rows.add(List.of(oneLine(e.product()), oneLine(e.sku()), Integer.toString(e.quantity()), t.name(e.type()), term(e, t)));
    }
    blocks.add(new MailDocument.Table(List.of(t.text("proof.col.product"), t.text("proof.col.sku"),
        t.text("proof.col.quantity"), t.text("proof.col.type"), t.text("proof.col.term")), rows));

    blocks.add(new MailDocument.Heading(t.text("proof.section.verify")));
    verifySection(blocks, t, settings, fileName, extra);

    blocks.add(new MailDocument.Heading(t.text("proof.section.contact")));
    blocks.add(new MailDocument.Paragraph(t.text("proof.contact.intro", contact.name())));
    blocks.add(contactFields(contact, t));
    blocks.add(new MailDocument.Paragraph(t.text("proof.contact.reseller", oneLine(proof.reseller().name()))));
    blocks.add(new MailDocument.Paragraph(t.text("mail.footer") + " " + t.text("proof.footer.id", oneLine(proof.proofId().value()))));
    return new MailDocument(t.locale(), t.text("proof.title"), blocks);
  }

  /** The page and the printable certificate first, for a person; the command line and the keys, for a developer. */
  private static void verifySection(List<MailDocument.Block> blocks, MailTexts t, SmtpSettings settings, String fileName,
      List<Attachment> extra) {
    settings.verificationPage().ifPresent(page ->
        blocks.add(new MailDocument.Paragraph(t.text("proof.verify.page", page.toASCIIString(), fileName))));
    extra.stream().filter(file -> file.mediaType().equals("application/pdf")).findFirst().ifPresent(pdf ->
        blocks.add(new MailDocument.Paragraph(t.text("proof.verify.certificate", pdf.fileName()))));
    blocks.add(new MailDocument.Paragraph(t.text("proof.verify.intro", fileName)));
    blocks.add(new MailDocument.Paragraph(t.text("proof.verify.cli")));
    Optional<URI> jwks = settings.publishedJwks();
    blocks.add(new MailDocument.Code("openproof verify --jwks jwks.json " + fileName));
    blocks.add(new MailDocument.Paragraph(t.text("proof.verify.jose")));
    jwks.ifPresent(uri -> blocks.add(new MailDocument.Paragraph(t.text("proof.verify.keys", uri.toASCIIString()))));
  }

  static String subject(DeliveryRequest request, MailTexts t) {
    String key = request.kind() == DeliveryKind.RESEND ? "proof.subject.resend" : "proof.subject";
    return t.text(key, request.proof().licenseNumber().value(), t.name(request.proof().program()));
  }

  static MailDocument.Fields contactFields(SupportContact contact, MailTexts t) {
    List<MailDocument.Field> fields = new ArrayList<>();
    fields.add(new MailDocument.Field(t.text("contact.email"), contact.email()));
    contact.phoneNumber().ifPresent(phone -> fields.add(new MailDocument.Field(t.text("contact.phone"), phone)));
    return new MailDocument.Fields(fields);
  }

  private static String orderDate(LicenseProof proof, MailTexts t) {
    return t.date(LocalDate.ofInstant(proof.orderedAt(), ZoneOffset.UTC));
  }

  static String term(Entitlement e, MailTexts t) {
    @Nullable LocalDate starts = e.starts();
    @Nullable LocalDate ends = e.ends();
    if (starts != null && ends != null) {
      return t.text("proof.term.range", t.date(starts), t.date(ends));
    }
    if (starts != null) {
      return t.text("proof.term.from", t.date(starts));
    }
    if (ends != null) {
      return t.text("proof.term.until", t.date(ends));
    }
    return t.text("proof.term.perpetual");
  }
}
