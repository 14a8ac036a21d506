package dev.openproof.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts of one language, from the {@code CertificateTexts} bundles (UTF-8): English (the root),
 * Russian, German, French and Spanish. Any other language gets English; the JVM's default locale
 * plays no part. Thread-safe.
 */
final class CertificateTexts {
  private static final String BUNDLE = "dev.openproof.certificate.CertificateTexts";
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
  private static final Map<String, CertificateTexts> BY_LANGUAGE = new ConcurrentHashMap<>();
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private final ResourceBundle bundle;
  private final Locale locale;
  private final DateTimeFormatter longDates;
  private final DateTimeFormatter mediumDates;

  private CertificateTexts(ResourceBundle bundle, Locale locale) {
    this.bundle = bundle;
    this.locale = locale;
    this.longDates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    this.mediumDates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
  }

  static CertificateTexts forLanguage(Locale requested) {
    return BY_LANGUAGE.computeIfAbsent(requested.getLanguage(), CertificateTexts::load);
  }

  private static CertificateTexts load(String language) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language.isEmpty() ? "und" : language), NO_FALLBACK);
    String found = bundle.getLocale().getLanguage();
    return new CertificateTexts(bundle, found.isEmpty() ? Locale.ENGLISH : Locale.forLanguageTag(found));
  }

  Locale locale() {
    return locale;
  }

  /**
   * Every text of the language as a page may print it: each text, in capitals too (labels and the
   * kicker are printed so), and the dates of every month.
   */
  String everyText() {
    StringBuilder out = new StringBuilder();
    for (String key : java.util.Collections.list(bundle.getKeys())) {
      String text = bundle.getString(key);
      out.append(text).append(text.toUpperCase(locale));
    }
    for (int month = 1; month <= 12; month++) {
      LocalDate date = LocalDate.of(2020, month, 28);
      out.append(longDate(date)).append(mediumDate(date));
    }
    return out.toString();
  }

  /** The text of {@code key}, each {@code {0}}…{@code {9}} replaced by its argument, once. */
  String text(String key, Object... args) {
    String pattern = bundle.getString(key);
    StringBuilder out = new StringBuilder(pattern.length() + 32);
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '{' && i + 2 < pattern.length() && Character.isDigit(pattern.charAt(i + 1)) && pattern.charAt(i + 2) == '}'
          && pattern.charAt(i + 1) - '0' < args.length) {
        out.append(args[pattern.charAt(i + 1) - '0']);
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  String name(Enum<?> constant) {
    return text(constant.getDeclaringClass().getSimpleName() + "." + constant.name());
  }

  String longDate(LocalDate date) {
    return longDates.format(date);
  }

  String mediumDate(LocalDate date) {
    return mediumDates.format(date);
  }

  /** An instant as a date and a time of day in UTC. */
  String dateTime(Instant instant) {
    return text("datetime", longDate(LocalDate.ofInstant(instant, ZoneOffset.UTC)), TIME.format(instant.atOffset(ZoneOffset.UTC)));
  }
}
