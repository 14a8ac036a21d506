package dev.openproof.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.openproof.core.model.PartyRef;
import dev.openproof.core.model.Recipient;
import dev.openproof.core.exchange.FailureKind;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DistributorNoticeTest {
  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL = GreenMailServers.smtp();

  private static final PartyRef DISTRIBUTOR = new PartyRef("D-1", "Example Distribution", "RU");
  private static final LocalDate CUTOVER = LocalDate.parse("2020-08-01");

  private static DistributorNotice notice(String id, DistributorNotice.Audience audience, String email, String language) {
    return new DistributorNotice(id, audience, new Recipient("Example Reseller", email, Locale.forLanguageTag(language)),
        DISTRIBUTOR, CUTOVER);
  }

  @Test
  void aResellerGetsTheNoticeInItsLanguageAsTextAndHtml() throws Exception {
    String messageId = Mails.delivery(GREEN_MAIL.getSmtp().getPort())
        .sendNotice(notice("n-1", DistributorNotice.Audience.RESELLER, "orders@reseller.example.test", "ru"));

    MimeMessage message = GREEN_MAIL.getReceivedMessages()[0];
    assertThat(message.getMessageID()).isEqualTo(messageId).isEqualTo("<notice.n-1@" + Mails.DOMAIN + ">");
    assertThat(message.isMimeType("multipart/alternative")).isTrue();
    assertThat(((Multipart) message.getContent()).getCount()).isEqualTo(2);
    assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    assertThat(message.getSubject()).isEqualTo(
        "Example Distribution: подтверждения лицензий теперь приходят в электронном виде, напрямую заказчику");
    String text = Mails.text(message, "text/plain");
    assertThat(text).contains("1 августа 2020", "Example Distribution", "выставляет вам счета", "roc-emea@example.com");
    Files.createDirectories(Path.of("target", "rendered"));
    Files.writeString(Path.of("target", "rendered", "notice-reseller-ru.html"), Mails.text(message, "text/html"));
  }

  @Test
  void aCustomerGetsTheCustomersVersion() throws Exception {
    Mails.delivery(GREEN_MAIL.getSmtp().getPort())
        .sendNotice(notice("n-2", DistributorNotice.Audience.CUSTOMER, "it@romashka.example.test", "en"));

    MimeMessage message = GREEN_MAIL.getReceivedMessages()[0];
    String html = Mails.text(message, "text/html");
    assertThat(html).contains("license-proof-&lt;license number&gt;.jwt", "August 1, 2020", "Your reseller remains your contact")
        .doesNotContain("invoices you as before").doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img");
    Files.createDirectories(Path.of("target", "rendered"));
    Files.writeString(Path.of("target", "rendered", "notice-customer-en.html"), html);
  }

  @Test
  void noticesGoAsABatchAndAFailureStopsNoneOfTheOthers() {
    List<NoticeOutcome> outcomes = Mails.delivery(GREEN_MAIL.getSmtp().getPort()).sendNotices(List.of(
        notice("n-3", DistributorNotice.Audience.RESELLER, "a@reseller.example.test", "de"),
        notice("n-4", DistributorNotice.Audience.RESELLER, "not-an-address", "fr"),
        notice("n-5", DistributorNotice.Audience.CUSTOMER, "c@customer.example.test", "es")));

    assertThat(outcomes).extracting(NoticeOutcome::sent).containsExactly(true, false, true);
    assertThat(outcomes.get(1).failed()).hasValueSatisfying(e -> assertThat(e.kind()).isEqualTo(FailureKind.PERMANENT));
    assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(2);
  }
}
