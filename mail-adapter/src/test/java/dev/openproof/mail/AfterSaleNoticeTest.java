package dev.openproof.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseType;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.PartyRef;
import dev.openproof.core.model.Recipient;
import dev.openproof.core.exchange.CustomerNotice;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The notices after the sale, over SMTP, in each of the five languages. */
class AfterSaleNoticeTest {
  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL = GreenMailServers.smtp();

  private static final PartyRef CUSTOMER = new PartyRef("C-100234", "ООО «Ромашка»", "RU");
  private static final PartyRef RESELLER = new PartyRef("R-77", "Example Reseller", "RU");
  private static final LicenseNumber OLD = LicenseNumber.withCheckDigit("470011223");
  private static final LicenseNumber KEPT = LicenseNumber.withCheckDigit("470011224");
  private static final List<Entitlement> RETURNED = List.of(new Entitlement("P73-07788", "Windows Server Standard 2019", 2,
      LicenseType.LICENSE_AND_SOFTWARE_ASSURANCE, null, LocalDate.parse("2026-12-31")));
  /** A word of each language's return subject, and of its reminder subject. */
  private static final Map<String, List<String>> WORDS = Map.of(
      "en", List.of("returned", "the term ends on"),
      "ru", List.of("возвращён", "срок действия заканчивается"),
      "de", List.of("zurückgegeben", "die Laufzeit endet am"),
      "fr", List.of("retournée", "la période prend fin le"),
      "es", List.of("devuelto", "el periodo termina el"));

  private static CustomerNotice.ReturnNotice returned(String id, String language) {
    return new CustomerNotice.ReturnNotice(id, new Recipient("Romashka", "it@romashka.example.test", Locale.forLanguageTag(language)),
        CUSTOMER, RESELLER, OrderId.of("PO-2020-0815-001"), OLD, RETURNED, KEPT, LocalDate.parse("2026-10-01"));
  }

  private static CustomerNotice.RenewalReminder reminder(String id, String language, boolean copy) {
    return new CustomerNotice.RenewalReminder(id, new Recipient(copy ? "Example Reseller" : "Romashka",
        copy ? "orders@reseller.example.test" : "it@romashka.example.test", Locale.forLanguageTag(language)), copy,
        CUSTOMER, RESELLER, OLD, OrderId.of("PO-2020-0815-001"), RETURNED, LocalDate.parse("2026-12-31"), 30);
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "ru", "de", "fr", "es"})
  void aReturnNoticeSaysInTheCustomersLanguageThatTheProofIsNoLongerValid(String language) throws Exception {
    String messageId = Mails.delivery(GREEN_MAIL.getSmtp().getPort()).send(returned("return-PO-1-" + language, language));

    MimeMessage message = GREEN_MAIL.getReceivedMessages()[0];
    assertThat(message.getMessageID()).isEqualTo(messageId).isEqualTo("<notice.return-PO-1-" + language + "@" + Mails.DOMAIN + ">");
    assertThat(message.isMimeType("multipart/alternative")).isTrue();
    assertThat(message.getSubject()).contains(WORDS.get(language).get(0), OLD.value(), "PO-2020-0815-001");
    String text = Mails.text(message, "text/plain").replaceAll("\\s+", " ");
    assertThat(text).contains(OLD.value(), KEPT.value(), "P73-07788", "Windows Server Standard 2019", "Example Reseller");
    assertThat(Mails.text(message, "text/html")).contains(KEPT.value()).doesNotContainIgnoringCase("<script");
    assertThat(message.getContentLanguage()).containsExactly(language);
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "ru", "de", "fr", "es"})
  void aReminderSaysWhenTheTermEndsAndHowManyDaysAreLeft(String language) throws Exception {
    Mails.delivery(GREEN_MAIL.getSmtp().getPort()).send(reminder("remind-" + language, language, false));

    MimeMessage message = GREEN_MAIL.getReceivedMessages()[0];
    assertThat(message.getSubject()).contains(WORDS.get(language).get(1), OLD.value());
    assertThat(Mails.text(message, "text/plain").replaceAll("\\s+", " ")).contains("30", "P73-07788", "2026", "Example Reseller");
  }

  @Test
  void theResellersCopyNamesTheCustomer() throws Exception {
    Mails.delivery(GREEN_MAIL.getSmtp().getPort()).send(reminder("remind-copy", "de", true));

    MimeMessage message = GREEN_MAIL.getReceivedMessages()[0];
    assertThat(message.getAllRecipients()[0].toString()).contains("orders@reseller.example.test");
    assertThat(message.getSubject()).startsWith("Kopie für den Händler").contains("ООО «Ромашка»");
    assertThat(Mails.text(message, "text/plain")).contains("Ihre Kopie als Händler");
  }

  @Test
  void aWholeReturnMentionsNoNewProof() throws Exception {
    CustomerNotice.ReturnNotice whole = new CustomerNotice.ReturnNotice("return-whole", returned("x", "en").recipient(),
        CUSTOMER, RESELLER, OrderId.of("PO-2"), OLD, RETURNED, null, LocalDate.parse("2026-10-01"));
    Mails.delivery(GREEN_MAIL.getSmtp().getPort()).send(whole);

    assertThat(Mails.text(GREEN_MAIL.getReceivedMessages()[0], "text/plain"))
        .contains("no longer valid").doesNotContain("new proof of license");
  }
}
