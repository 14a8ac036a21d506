package dev.openproof.certificate;

import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.SignedProof;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Everything the page says, in one language, before it is laid out. */
record CertificateContent(
    String kicker,
    String title,
    String certifies,
    String licensee,
    String licensed,
    List<Field> left,
    List<Field> right,
    String productsHeading,
    List<String> columns,
    List<List<String>> rows,
    CertificateTexts texts,
    String verifyHeading,
    List<String> verifyLines,
    String tooLarge,
    String supportHeading,
    List<String> supportLines,
    String footer,
    String verificationLink) {

  /** A label and its value. */
  record Field(String label, String value, boolean emphasised) {}

  static CertificateContent of(LicenseProof proof, SignedProof signed, CertificateTexts t, Settings settings) {
    String license = proof.licenseNumber().value();
    List<Field> left = List.of(
        new Field(t.text("field.licenseNumber"), license, true),
        new Field(t.text("field.authorizationNumber"), proof.authorizationNumber().value(), false),
        new Field(t.text("field.program"), t.name(proof.program()), false),
        new Field(t.text("field.order"), proof.orderId().value(), false),
        new Field(t.text("field.orderDate"), t.longDate(LocalDate.ofInstant(proof.orderedAt(), ZoneOffset.UTC)), false));
    List<Field> right = List.of(
        new Field(t.text("field.reseller"), proof.reseller().name(), false),
        new Field(t.text("field.distributor"), proof.distributor().name(), false),
        new Field(t.text("field.issuer"), settings.issuer(), false),
        new Field(t.text("field.issuedAt"), t.dateTime(proof.issuedAt()), false),
        new Field(t.text("field.keyId"), signed.keyId() + " (" + signed.algorithm() + ")", false));
    List<List<String>> rows = new ArrayList<>();
    for (Entitlement e : proof.entitlements()) {
      rows.add(List.of(e.sku(), e.product(), Integer.toString(e.quantity()), t.name(e.type()), term(e, t)));
    }
    String link = settings.verificationLink(signed);
    List<String> verify = List.of(
        t.text("verify.scan"),
        t.text("verify.page", settings.verificationPage(), ProofCertificate.proofFileName(proof)),
        t.text("verify.keys", settings.jwksAddress()));
    CertificateContact contact = settings.contactFor(proof.customer().country());
    List<String> support = new ArrayList<>();
    support.add(t.text("support.intro", contact.name()));
    support.add(contact.email() + contact.phoneNumber().map(phone -> "  ·  " + phone).orElse(""));
    support.add(t.text("support.reseller", proof.reseller().name()));
    return new CertificateContent(
        t.text("kicker").toUpperCase(t.locale()), t.text("title"), t.text("certifies"), proof.customer().name(),
        t.text("licensed", t.name(proof.program())), left, right, t.text("section.products"),
        List.of(t.text("col.sku"), t.text("col.product"), t.text("col.quantity"), t.text("col.type"), t.text("col.term")),
        rows, t, t.text("section.verify"), verify, t.text("verify.tooLarge"), t.text("section.support"), support,
        t.text("footer", proof.proofId().value()), link);
  }

  String more(int hidden) {
    return texts.text("more", hidden);
  }

  private static String term(Entitlement e, CertificateTexts t) {
    @Nullable LocalDate starts = e.starts();
    @Nullable LocalDate ends = e.ends();
    if (starts != null && ends != null) {
      return t.text("term.range", t.mediumDate(starts), t.mediumDate(ends));
    }
    if (starts != null) {
      return t.text("term.from", t.mediumDate(starts));
    }
    if (ends != null) {
      return t.text("term.until", t.mediumDate(ends));
    }
    return t.text("term.perpetual");
  }
}
