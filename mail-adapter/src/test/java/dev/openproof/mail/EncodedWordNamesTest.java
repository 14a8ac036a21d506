package dev.openproof.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.openproof.core.model.PartyRef;
import dev.openproof.core.model.Recipient;
import dev.openproof.core.exchange.DeliveryRequest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A display name or subject that looks like an RFC 2047 encoded-word is encoded itself: the reader
 * decodes it once into the literal text, never into the CR LF it would encode.
 */
class EncodedWordNamesTest {
  /** Decodes to CR LF "Bcc: victim@example.test". */
  static final String B_WORD = "=?UTF-8?B?DQpCY2M6IHZpY3RpbUBleGFtcGxlLnRlc3Q=?=";
  /** Decodes to CR LF "Bcc: victim@example.test" too. */
  static final String Q_WORD = "=?UTF-8?Q?=0D=0ABcc:_victim@example.test?=";

  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL = GreenMailServers.smtp();

  @ParameterizedTest
  @ValueSource(strings = {B_WORD, Q_WORD, "Evil " + B_WORD, "Evil" + B_WORD + "x", B_WORD + " " + Q_WORD,
      "=?ISO-8859-1?B?DQo=?= Кирилл =?UTF-8?B?DQo=?=", "=?"})
  void aNameThatLooksEncodedReachesTheReaderAsTheLiteralText(String name) throws Exception {
    DeliveryRequest request = Mails.to(Mails.russian("d-word-1"), name, "it@romashka.example.test", Locale.ENGLISH);

    Mails.delivery(GREEN_MAIL.getSmtp().getPort()).deliver(request);

    MimeMessage message = GREEN_MAIL.getReceivedMessages()[0];
    InternetAddress to = (InternetAddress) message.getRecipients(MimeMessage.RecipientType.TO)[0];
    assertThat(to.getPersonal()).isEqualTo(name);
    assertThat(to.getAddress()).isEqualTo("it@romashka.example.test");
    assertThat(MimeUtility.decodeText(MimeUtility.unfold(message.getHeader("To")[0]))).doesNotContain("\r", "\n");
    assertThat(message.getHeader("Bcc")).isNull();
    assertThat(message.getAllRecipients()).hasSize(1);
    assertThat(GREEN_MAIL.getUserManager().getUserByEmail("victim@example.test")).isNull();
  }

  @Test
  void aLongNameThatLooksEncodedIsSplitIntoWordsOfAtMost75Characters() throws Exception {
    String name = (B_WORD + " Ёжик ").repeat(4).strip();
    DeliveryRequest request = Mails.to(Mails.russian("d-word-2"), name, "it@romashka.example.test", Locale.ENGLISH);

    Mails.delivery(GREEN_MAIL.getSmtp().getPort()).deliver(request);

    MimeMessage message = GREEN_MAIL.getReceivedMessages()[0];
    String raw = MimeUtility.unfold(message.getHeader("To")[0]);
    for (String word : raw.split("[ \t]+")) {
      assertThat(word.length()).as(word).isLessThanOrEqualTo(75);
    }
    assertThat(((InternetAddress) message.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal())
        .isEqualTo(HeaderValues.phrase(name));
  }

  @Test
  void aFromNameThatLooksEncodedIsEncodedToo() throws Exception {
    SmtpProofDelivery delivery = SmtpProofDelivery.create(Mails.settings(GREEN_MAIL.getSmtp().getPort())
        .from("licensing@vendor.example.test", B_WORD).build());

    delivery.deliver(Mails.russian("d-word-3"));

    InternetAddress from = (InternetAddress) GREEN_MAIL.getReceivedMessages()[0].getFrom()[0];
    assertThat(from.getPersonal()).isEqualTo(B_WORD);
  }

  @Test
  void aSubjectThatLooksEncodedReachesTheReaderAsTheLiteralText() throws Exception {
    DistributorNotice notice = new DistributorNotice("n-word-1", DistributorNotice.Audience.RESELLER,
        new Recipient("Example Reseller", "orders@reseller.example.test", Locale.ENGLISH),
        new PartyRef("D-1", B_WORD, "RU"), LocalDate.parse("2020-08-01"));

    Mails.delivery(GREEN_MAIL.getSmtp().getPort()).sendNotice(notice);

    MimeMessage message = GREEN_MAIL.getReceivedMessages()[0];
    assertThat(message.getSubject()).startsWith(B_WORD + ": proofs of license");
    assertThat(message.getHeader("Bcc")).isNull();
    assertThat(message.getAllRecipients()).hasSize(1);
  }
}
