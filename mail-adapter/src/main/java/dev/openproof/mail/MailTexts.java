package dev.openproof.mail;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts of one language, from the {@code MailTexts} resource bundles (UTF-8 properties files):
 * English (the root bundle), Russian, German, French and Spanish. A language with no bundle gets
 * English; the JVM's default locale never plays a part. Thread-safe.
 */
final class MailTexts {
  private static final String BUNDLE = "dev.openproof.mail.MailTexts";
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
  private static final Map<String, MailTexts> BY_LANGUAGE = new ConcurrentHashMap<>();

  private final ResourceBundle bundle;
  private final Locale locale;
  private final DateTimeFormatter dates;

  private MailTexts(ResourceBundle bundle, Locale locale) {
    this.bundle = bundle;
    this.locale = locale;
    this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
  }

  /** The texts of the language of {@code requested}, or English. */
  static MailTexts forLanguage(Locale requested) {
    return BY_LANGUAGE.computeIfAbsent(requested.getLanguage(), MailTexts::load);
  }

  private static MailTexts load(String language) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language.isEmpty() ? "und" : language), NO_FALLBACK);
    String found = bundle.getLocale().getLanguage();
    return new MailTexts(bundle, found.isEmpty() ? Locale.ENGLISH : Locale.forLanguageTag(found));
  }

  /** The language the texts are in. */
  Locale locale() {
    return locale;
  }

  /** The text of {@code key}, its {@code {0}}, {@code {1}}… replaced by the arguments, once. */
  String text(String key, Object... args) {
    String pattern = bundle.getString(key);
    if (args.length == 0) {
      return pattern;
    }
    StringBuilder out = new StringBuilder(pattern.length() + 32);
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '{' && i + 2 < pattern.length() && Character.isDigit(pattern.charAt(i + 1)) && pattern.charAt(i + 2) == '}') {
        int index = pattern.charAt(i + 1) - '0';
        if (index < args.length) {
          out.append(args[index]);
          i += 2;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  /** A date, written the language's long way. */
  String date(LocalDate date) {
    return dates.format(date);
  }

  /** The name of an enum constant, such as a license type or a program. */
  String name(Enum<?> constant) {
    return text(constant.getDeclaringClass().getSimpleName() + "." + constant.name());
  }
}
