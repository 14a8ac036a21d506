package dev.openproof.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.openproof.core.exchange.DeliveryException;
import dev.openproof.core.exchange.FailureKind;
import java.net.URI;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpSettingsTest {
  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL = GreenMailServers.smtp()
      .withConfiguration(GreenMailConfiguration.aConfig().withUser("sender@vendor.example.test", "mailer", "s3cret"));

  private static SmtpSettings.Builder minimal() {
    return SmtpSettings.builder().host("smtp.vendor.example.test").from("licensing@vendor.example.test", "Licensing");
  }

  @Test
  void defaultsAreSecureAndEveryTimeoutIsFinite() {
    SmtpSettings settings = minimal().build();

    assertThat(settings.tls()).isEqualTo(TlsMode.STARTTLS_REQUIRED);
    assertThat(settings.port()).isEqualTo(587);
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.writeTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.envelopeSender()).isEqualTo("licensing@vendor.example.test");
    assertThat(settings.messageIdDomain()).isEqualTo("vendor.example.test");
    assertThat(settings.smtpUtf8()).isFalse();
    Properties p = SmtpSessions.properties(settings);
    assertThat(p.getProperty("mail.smtp.connectiontimeout")).isEqualTo("10000");
    assertThat(p.getProperty("mail.smtp.timeout")).isEqualTo("30000");
    assertThat(p.getProperty("mail.smtp.writetimeout")).isEqualTo("30000");
    assertThat(p.getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
    assertThat(p.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
    assertThat(p.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("true");
    assertThat(p.getProperty("mail.smtp.from")).isEqualTo("licensing@vendor.example.test");
    assertThat(p.getProperty("mail.smtp.auth")).isEqualTo("false");
  }

  @Test
  void implicitTlsUsesSmtpsPortAndSsl() {
    SmtpSettings settings = minimal().tls(TlsMode.IMPLICIT).build();

    assertThat(settings.port()).isEqualTo(465);
    Properties p = SmtpSessions.properties(settings);
    assertThat(p.getProperty("mail.smtp.ssl.enable")).isEqualTo("true");
    assertThat(p.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("true");
    assertThat(minimal().tls(TlsMode.NONE).build().port()).isEqualTo(25);
  }

  @Test
  void thePasswordNeverShows() {
    SmtpSettings settings = minimal().authentication("mailer", "hunter2-secret").build();

    assertThat(settings.toString()).contains("mailer").doesNotContain("hunter2-secret").contains("****");
    assertThat(SmtpProofDelivery.create(settings).toString()).doesNotContain("hunter2-secret");
    assertThat(SmtpSessions.properties(settings).toString()).doesNotContain("hunter2-secret");
    assertThat(SmtpSessions.properties(settings).getProperty("mail.smtp.auth")).isEqualTo("true");
  }

  @Test
  void requiredPartsAndBadValuesAreRefused() {
    assertThatThrownBy(() -> SmtpSettings.builder().from("a@b.test", "A").build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> SmtpSettings.builder().host("h").build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> minimal().connectTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> minimal().readTimeout(Duration.ofDays(365))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> minimal().port(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> minimal().host("smtp.example.test\r\nX").build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> minimal().jwksUri(URI.create("http://keys.example.test/jwks.json")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theJwksAddressIsNamedInTheMail() throws Exception {
    SmtpProofDelivery delivery = SmtpProofDelivery.create(Mails.settings(GREEN_MAIL.getSmtp().getPort())
        .jwksUri(URI.create("https://keys.vendor.example.test/jwks.json")).build());

    delivery.deliver(Mails.russian("d-jwks"));

    assertThat(Mails.text(GREEN_MAIL.getReceivedMessages()[0], "text/html")).contains("https://keys.vendor.example.test/jwks.json");
  }

  @Test
  void authenticatesWhenConfigured() {
    SmtpProofDelivery delivery = SmtpProofDelivery.create(Mails.settings(GREEN_MAIL.getSmtp().getPort())
        .authentication("mailer", "s3cret").build());

    delivery.deliver(Mails.russian("d-auth"));

    assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aRefusedLoginIsAConfigurationErrorItSaysNothingAboutTheMessage() {
    SmtpProofDelivery delivery = SmtpProofDelivery.create(Mails.settings(GREEN_MAIL.getSmtp().getPort())
        .authentication("mailer", "wrong").build());

    DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> delivery.deliver(Mails.russian("d-auth-bad")));

    assertThat(e.kind()).isEqualTo(FailureKind.CONFIGURATION);
    assertThat(e.replyCode()).isPresent();
    assertThat(e.replyCode().getAsInt()).isBetween(500, 599);
    assertThat(e.getMessage()).contains("refused the login").doesNotContain("wrong");
    assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void theSupportDirectoryPicksTheCustomersRegion() {
    SupportDirectory directory = SupportDirectory.defaults();

    assertThat(directory.contactFor("RU").email()).isEqualTo("roc-emea@example.com");
    assertThat(directory.contactFor("us").email()).isEqualTo("roc-americas@example.com");
    assertThat(directory.contactFor("JP").email()).isEqualTo("roc-apac@example.com");
    assertThat(directory.contactFor(null).email()).isEqualTo("roc-emea@example.com");
    SupportContact local = new SupportContact("ROC Moscow desk", "roc-ru@vendor.example.test", null);
    SupportDirectory custom = SupportDirectory.builder(local).country("DE", directory.contactFor("DE")).build();
    assertThat(custom.contactFor("RU")).isEqualTo(local);
    assertThat(custom.contactFor("DE").email()).isEqualTo("roc-emea@example.com");
  }
}
