package dev.openproof.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.openproof.core.model.PartyRef;
import dev.openproof.core.model.Recipient;
import dev.openproof.core.exchange.DeliveryException;
import dev.openproof.core.exchange.DeliveryOutcome;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.FailureKind;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The values of the sample {@code order-invalid.json} (core's test-jar), and more, thrown at every header. */
class HeaderInjectionTest {
  /** The customer's name in {@code order-invalid.json}. */
  static final String EVIL_NAME = "Evil\r\nBcc: victim@example.test";
  /** The customer's e-mail in {@code order-invalid.json}. */
  static final String EVIL_EMAIL = "it@romashka.example.test\r\nBcc: x@example.test";

  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL = GreenMailServers.smtp();

  @Test
  void aLineBreakInTheNameCannotAddAHeaderNorARecipient() throws Exception {
    DeliveryRequest request = Mails.to(Mails.russian("d-inject-1"), EVIL_NAME, "it@romashka.example.test", Locale.ENGLISH);

    Mails.delivery(GREEN_MAIL.getSmtp().getPort()).deliver(request);

    MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage message = received[0];
    assertThat(message.getHeader("Bcc")).isNull();
    assertThat(message.getAllRecipients()).hasSize(1);
    InternetAddress to = (InternetAddress) message.getRecipients(MimeMessage.RecipientType.TO)[0];
    assertThat(to.getAddress()).isEqualTo("it@romashka.example.test");
    assertThat(to.getPersonal()).isEqualTo("Evil Bcc: victim@example.test");
    assertThat(GREEN_MAIL.getUserManager().getUserByEmail("victim@example.test")).isNull();
    assertThat(Mails.text(message, "text/plain")).contains("Dear Evil Bcc: victim@example.test,");
  }

  @ParameterizedTest
  @ValueSource(strings = {EVIL_EMAIL, "it@romashka.example.test\nBcc: x@example.test", "it@romashka.example.test\r",
      "it@romashka.example.test\u0000", "it\u0000@romashka.example.test", "\r\nRCPT TO:<x@example.test>",
      "it@romashka.example.test>\r\nRCPT TO:<x@example.test"})
  void aLineBreakOrNulInTheAddressIsAPermanentFailureAndNothingIsSent(String address) {
    DeliveryRequest request = Mails.to(Mails.russian("d-inject-2"), "Customer", address, Locale.ENGLISH);

    assertThatThrownBy(() -> Mails.delivery(GREEN_MAIL.getSmtp().getPort()).deliver(request))
        .isInstanceOfSatisfying(DeliveryException.class, e -> {
          assertThat(e.kind()).isEqualTo(FailureKind.PERMANENT);
          assertThat(e.reasonCode()).isEqualTo("DELIVERY_PERMANENT");
          assertThat(e.getMessage()).contains("invalid e-mail address").doesNotContain("\r").doesNotContain("\n")
              .doesNotContain("\u0000");
        });
    assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void aBatchWithAnInjectedAddressStillDeliversTheOthers() {
    DeliveryRequest evil = Mails.to(Mails.russian("d-inject-3"), EVIL_NAME, EVIL_EMAIL, Locale.ENGLISH);

    List<DeliveryOutcome> outcomes = Mails.delivery(GREEN_MAIL.getSmtp().getPort())
        .deliverAll(List.of(Mails.numbered(1), evil, Mails.numbered(2)));

    assertThat(outcomes).extracting(o -> o.getClass().getSimpleName()).containsExactly("Delivered", "Failed", "Delivered");
    assertThat(((DeliveryOutcome.Failed) outcomes.get(1)).failure().kind()).isEqualTo(FailureKind.PERMANENT);
    assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(2);
  }

  @Test
  void aLineBreakInAPartyNameCannotSplitTheSubject() throws Exception {
    DistributorNotice notice = new DistributorNotice("n-inject-1", DistributorNotice.Audience.RESELLER,
        new Recipient("Example Reseller", "orders@reseller.example.test", Locale.ENGLISH),
        new PartyRef("D-1", "Evil Distribution\r\nBcc: victim@example.test\r\n\r\nbody", "RU"), LocalDate.parse("2020-08-01"));

    Mails.delivery(GREEN_MAIL.getSmtp().getPort()).sendNotice(notice);

    MimeMessage message = GREEN_MAIL.getReceivedMessages()[0];
    assertThat(message.getHeader("Bcc")).isNull();
    assertThat(message.getSubject()).startsWith("Evil Distribution Bcc: victim@example.test body: proofs of license");
    assertThat(message.getAllRecipients()).hasSize(1);
  }

  @Test
  void headerValuesAreNeutralizedOrRefused() {
    assertThat(HeaderValues.phrase("a\r\nb\u0000c\td\u2028e\u0085f")).isEqualTo("a b c d e f");
    assertThat(HeaderValues.phrase("x".repeat(500))).hasSize(HeaderValues.MAX_PHRASE);
    assertThat(HeaderValues.fileNamePart("12/../\r\n34")).isEqualTo("12______34");
    assertThat(HeaderValues.printable("a\r\nb")).isEqualTo("a\\r\\nb");
  }

  @Test
  void settingsRefuseALineBreakInTheFromNameOrAnyAddress() {
    assertThatThrownBy(() -> Mails.settings(25).from("licensing@vendor.example.test", EVIL_NAME).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Mails.settings(25).from(EVIL_EMAIL, "Licensing").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
    assertThatThrownBy(() -> Mails.settings(25).envelopeSender("bounces@vendor.example.test\r\nRCPT TO:<x@example.test>").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Mails.settings(25).messageIdDomain("x.test>\r\nBcc: y@z").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SupportContact("ROC\r\nBcc: x", "roc@example.test", null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
