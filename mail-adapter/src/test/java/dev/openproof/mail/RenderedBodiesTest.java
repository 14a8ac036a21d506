package dev.openproof.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.exchange.DeliveryRequest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders the proof mail in every language as a customer would see it, keeps the bodies under
 * {@code target/rendered/} for review, and checks what every language must hold.
 */
class RenderedBodiesTest {
  private static final Path OUT = Path.of("target", "rendered");

  @ParameterizedTest
  @ValueSource(strings = {"en", "ru", "de", "fr", "es"})
  void everyLanguageNamesTheLicenseTheProductsHowToVerifyAndWhomToAsk(String language) throws Exception {
    DeliveryRequest request = Mails.to(Mails.german("d-render-" + language), "Bäckerei Schäfer KG",
        "it@baeckerei-schaefer.example.test", Locale.forLanguageTag(language));
    MimeMessage message = render(request);
    String text = Mails.text(message, "text/plain");
    String html = Mails.text(message, "text/html");
    Files.createDirectories(OUT);
    Files.writeString(OUT.resolve("proof-" + language + ".html"), html);
    Files.writeString(OUT.resolve("proof-" + language + ".txt"), text);

    LicenseProof proof = request.proof();
    for (String body : new String[] {text, html}) {
      assertThat(body).contains(proof.licenseNumber().value(), proof.authorizationNumber().value(), "Open Value Subscription",
          "KW5-00360", "T6A-00024", "40", "Müller &", "Beispiel Distribution GmbH", "OVS-2021-0302-9",
          "openproof verify --jwks jwks.json license-proof-" + proof.licenseNumber().value() + ".jwt",
          "roc-emea@example.com", "+353 1 555 0100");
    }
    assertThat(html).contains("<html lang=\"" + language + "\">", "Müller &amp; Söhne IT")
        .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("src=")
        .doesNotContainIgnoringCase("http:").doesNotContainIgnoringCase("https:").doesNotContainIgnoringCase("url(");
    assertThat(message.getHeader("Content-Language")).containsExactly(language);
  }

  private static MimeMessage render(DeliveryRequest request) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Mails.delivery(25).writeMessage(request, out);
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(out.toByteArray()));
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
