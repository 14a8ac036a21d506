package dev.openproof.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.openproof.core.exchange.DeliveryException;
import dev.openproof.core.exchange.FailureKind;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressesTest {
  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL = GreenMailServers.smtp();

  private final ScriptedSmtpServer server = ScriptedSmtpServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anInternationalizedDomainIsSentInPunycode() throws Exception {
    Mails.delivery(GREEN_MAIL.getSmtp().getPort())
        .deliver(Mails.to(Mails.german("d-idn-1"), "Bäckerei Schäfer KG", "it@bäckerei-schäfer.example", Locale.GERMAN));

    MimeMessage message = GREEN_MAIL.getReceivedMessages()[0];
    InternetAddress to = (InternetAddress) message.getRecipients(MimeMessage.RecipientType.TO)[0];
    assertThat(to.getAddress()).isEqualTo("it@xn--bckerei-schfer-5hbk.example");
    assertThat(GREEN_MAIL.getUserManager().getUserByEmail("it@xn--bckerei-schfer-5hbk.example")).isNotNull();
  }

  @Test
  void aNonAsciiLocalPartIsPermanentUnlessSmtpUtf8IsEnabled() {
    DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> Mails.delivery(server.port())
        .deliver(Mails.to(Mails.russian("d-utf8-1"), "Иван", "иван@почта.example", Locale.forLanguageTag("ru"))));

    assertThat(e.kind()).isEqualTo(FailureKind.PERMANENT);
    assertThat(e.getMessage()).contains("SMTPUTF8");
    assertThat(server.connections()).isZero();
  }

  @Test
  void aNonAsciiLocalPartGoesWithSmtpUtf8WhenEnabled() {
    SmtpProofDelivery delivery = SmtpProofDelivery.create(Mails.settings(server.port()).smtpUtf8(true).build());

    delivery.deliver(Mails.to(Mails.russian("d-utf8-2"), "Иван", "иван@почта.example", Locale.forLanguageTag("ru")));

    assertThat(server.commands()).anyMatch(c -> c.startsWith("MAIL FROM:<bounces@vendor.example.test>") && c.contains("SMTPUTF8"))
        .anyMatch(c -> c.equals("RCPT TO:<иван@xn--80a1acny.example>"));
    assertThat(server.messages()).singleElement().asString().contains("иван@xn--80a1acny.example");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-an-address", "@example.test", "it@", "a..b@example.test", ".a@example.test",
      "a b@example.test", "a@exa mple.test", "a@-example.test", "a@example..test", "a@[127.0.0.1]", "a<b>@example.test",
      "a@b@example.test", "\"quoted\"@example.test"})
  void anInvalidAddressIsAPermanentFailureWithAClearMessage(String address) {
    DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> Mails.delivery(server.port())
        .deliver(Mails.to(Mails.russian("d-invalid"), "Customer", address, Locale.ENGLISH)));

    assertThat(e.kind()).isEqualTo(FailureKind.PERMANENT);
    assertThat(e.replyCode()).isEmpty();
    assertThat(e.getMessage()).startsWith("the recipient's address is refused: invalid e-mail address '");
    assertThat(server.connections()).isZero();
  }

  @Test
  void aTooLongLocalPartIsRefused() {
    assertThatThrownBy(() -> MailAddresses.check("x".repeat(65) + "@example.test", false))
        .hasMessageContaining("longer than 64");
  }

  @Test
  void ordinaryAddressesPassUnchanged() {
    assertThat(MailAddresses.check("first.last+tag@sub.example.test", false)).isEqualTo("first.last+tag@sub.example.test");
    assertThat(MailAddresses.check("o'brien@example.test", false)).isEqualTo("o'brien@example.test");
  }
}
