package dev.openproof.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.openproof.core.exchange.Attachment;
import dev.openproof.core.exchange.DeliveryException;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.FailureKind;
import dev.openproof.core.port.ProofAttachments;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The host's extra files (the certificate) ride beside the .jwt, and the mail links to the issuer's site. */
class ProofAttachmentsTest {
  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL = GreenMailServers.smtp();

  private static final byte[] PDF = "%PDF-1.7 a certificate\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  private static final ProofAttachments CERTIFICATE = request ->
      List.of(new Attachment("certificate-" + request.proof().licenseNumber().value() + ".pdf", "application/pdf", PDF));

  private SmtpProofDelivery delivery(ProofAttachments attachments) {
    return SmtpProofDelivery.create(Mails.settings(GREEN_MAIL.getSmtp().getPort())
        .issuerSite(URI.create("https://licensing.vendor.example.test")).build(), attachments);
  }

  @Test
  void theMailCarriesTheCertificateBesideTheJwt() throws Exception {
    DeliveryRequest request = Mails.russian("d-attach-1");
    delivery(CERTIFICATE).deliver(request);

    MimeMessage message = GREEN_MAIL.getReceivedMessages()[0];
    Multipart mixed = (Multipart) message.getContent();
    assertThat(mixed.getCount()).isEqualTo(3);
    assertThat(mixed.getBodyPart(1).isMimeType("application/jwt")).isTrue();
    BodyPart pdf = mixed.getBodyPart(2);
    assertThat(pdf.isMimeType("application/pdf")).isTrue();
    assertThat(pdf.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(pdf.getFileName()).isEqualTo("certificate-" + request.proof().licenseNumber().value() + ".pdf");
    try (InputStream in = pdf.getInputStream()) {
      assertThat(in.readAllBytes()).isEqualTo(PDF);
    }
  }

  @Test
  void theMailLinksToTheVerificationPageAndTheKeysInEveryLanguage() throws Exception {
    SmtpProofDelivery delivery = delivery(CERTIFICATE);
    List<String> languages = List.of("en", "ru", "de", "fr", "es");
    for (String language : languages) {
      delivery.deliver(Mails.to(Mails.russian("d-links-" + language), "ООО «Ромашка»", "it@romashka.example.test",
          Locale.forLanguageTag(language)));
    }

    MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
    assertThat(received).hasSize(languages.size());
    for (MimeMessage message : received) {
      for (String body : List.of(Mails.text(message, "text/plain"), Mails.text(message, "text/html"))) {
        assertThat(body).contains("https://licensing.vendor.example.test/verify.html", "https://licensing.vendor.example.test/jwks.json",
            "certificate-");
      }
      assertThat(Mails.text(message, "text/plain")).doesNotContainIgnoringCase("Regional Operations Center can tell")
          .doesNotContain("сообщит ваш региональный");
    }
  }

  @Test
  void aSourceThatFailsFailsTheDeliveryPermanently() {
    ProofAttachments broken = request -> {
      throw new IllegalStateException("no fonts");
    };

    assertThatThrownBy(() -> delivery(broken).deliver(Mails.russian("d-attach-broken")))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.PERMANENT))
        .hasMessageContaining("no fonts");
    assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void withNoSiteNorSourceTheMailIsAsBeforeWithoutAskingWhereTheKeysAre() throws Exception {
    Mails.delivery(GREEN_MAIL.getSmtp().getPort()).deliver(Mails.russian("d-plain"));

    MimeMessage message = GREEN_MAIL.getReceivedMessages()[0];
    assertThat(((Multipart) message.getContent()).getCount()).isEqualTo(2);
    assertThat(Mails.text(message, "text/plain")).contains("openproof verify --jwks jwks.json").doesNotContain("/verify ");
  }
}
