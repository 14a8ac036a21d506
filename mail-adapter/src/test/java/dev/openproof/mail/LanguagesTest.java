package dev.openproof.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.openproof.core.exchange.DeliveryRequest;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguagesTest {
  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL = GreenMailServers.smtp();

  private MimeMessage deliver(DeliveryRequest request) {
    Mails.delivery(GREEN_MAIL.getSmtp().getPort()).deliver(request);
    return GREEN_MAIL.getReceivedMessages()[GREEN_MAIL.getReceivedMessages().length - 1];
  }

  @Test
  void anEnglishCustomerReadsEnglish() throws Exception {
    MimeMessage message = deliver(Mails.to(Mails.russian("d-en"), "Fabrikam Dental Group", "office@fabrikam.example.test", Locale.ENGLISH));

    assertThat(message.getSubject()).isEqualTo("Your proof of license 1234567897 (Open License)");
    String text = Mails.text(message, "text/plain").replaceAll("\\s+", " ");
    assertThat(text).contains("Dear Fabrikam Dental Group,", "License number: 1234567897", "1234567897", "Authorization number:",
        "A00000000001", "Office Standard 2019", "021-10609", "Quantity: 25", "License and Software Assurance",
        "perpetual", "Order date:", "August 15, 2020", "Example Reseller", "Example Distribution",
        "How to verify the proof", "openproof verify --jwks jwks.json license-proof-1234567897.jwt",
        "Regional Operations Center Europe, Middle East and Africa");
  }

  @Test
  void aRussianCustomerReadsRussian() throws Exception {
    MimeMessage message = deliver(Mails.russian("d-ru"));

    String text = Mails.text(message, "text/plain").replaceAll("\\s+", " ");
    assertThat(text).contains("Здравствуйте, ООО «Ромашка»!", "Номер лицензии:", "Номер авторизации:", "Программа:",
        "Open License", "Office Standard 2019", "Лицензия и Software Assurance", "бессрочно", "15 августа 2020",
        "Реселлер:", "Example Reseller", "Дистрибьютор:", "Как проверить подтверждение", "Вопросы");
    String html = Mails.text(message, "text/html");
    assertThat(html).contains("<html lang=\"ru\">", "ООО «Ромашка»", "Номер лицензии");
  }

  @ParameterizedTest
  @CsvSource({"pt-BR,en", "zh,en", "und,en", "ru-RU,ru", "de-AT,de", "es-MX,es", "fr-CA,fr", "en-GB,en"})
  void theCustomersLanguagePicksTheBundleAndEnglishIsTheFallback(String tag, String expected) throws Exception {
    Locale saved = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("de"));
    try {
      MimeMessage message = deliver(Mails.to(Mails.russian("d-lang-" + tag), "Customer", "it@romashka.example.test",
          Locale.forLanguageTag(tag)));
      assertThat(message.getHeader("Content-Language")).containsExactly(expected);
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void everyBundleHasEveryKeyOfTheEnglishOne() throws Exception {
    Properties english = load("");
    for (String language : new String[] {"ru", "de", "fr", "es"}) {
      Set<String> keys = load("_" + language).stringPropertyNames();
      assertThat(keys).as(language).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
      ResourceBundle bundle = ResourceBundle.getBundle("dev.openproof.mail.MailTexts", Locale.forLanguageTag(language));
      assertThat(bundle.getLocale().getLanguage()).isEqualTo(language);
    }
  }

  private static Properties load(String suffix) throws Exception {
    Properties properties = new Properties();
    try (var in = LanguagesTest.class.getResourceAsStream("MailTexts" + suffix + ".properties");
        var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
