package dev.openproof.certificate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The subsets a language's certificates embed, made once per language and face: the glyphs of every
 * text the face prints in the language (for the regular face every text, {@link
 * CertificateTexts#everyText()}, and printable ASCII, for the numbers, links and addresses; for the bold
 * one {@link CertificatePage#boldTexts} and the letters, digits and marks of names and SKUs), the
 * language's letters and common typographic marks; the prepared subsets are compressed hardest, once. A page that shows a glyph outside them gets a subset
 * of its own glyphs made for it, as every page did before, so no character prints worse. Thread-safe.
 */
final class PreparedFaces {
  private static final Map<String, FaceEmbedding> PREPARED = new ConcurrentHashMap<>();
  /** Typographic marks that names and products use, and that the page sets between the support contacts. */
  private static final String MARKS = "·«»„“”‘’‚–—…€";
  /** What of ASCII the bold face prints: names, license numbers and SKUs. */
  private static final String BOLD_ASCII = " ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.,&'()/#:+\"";
  /** Per language, the letters of its alphabet beyond ASCII, in both cases, for the names a certificate prints. */
  private static final Map<String, String> LETTERS = Map.of(
      "ru", "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя№",
      "de", "ÄÖÜäöüß",
      "fr", "ÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸàâæçéèêëîïôœùûüÿ",
      "es", "ÁÉÍÑÓÚÜáéíñóúü¡¿");

  private PreparedFaces() {}

  /** The subset of {@code font} for a page in {@code texts}' language that shows the glyphs {@code used}. */
  static FaceEmbedding forPage(CertificateFonts fonts, PDType0Font font, CertificateTexts texts, BitSet used) throws IOException {
    FaceEmbedding prepared = prepared(fonts, font, texts);
    return prepared.covers(used) ? prepared : FaceEmbedding.of(fonts.file(font), used, Deflater.DEFAULT_COMPRESSION);
  }

  /** The subset prepared for a language and face. */
  static FaceEmbedding prepared(CertificateFonts fonts, PDType0Font font, CertificateTexts texts) {
    String key = texts.locale().getLanguage() + (fonts.isBold(font) ? ":bold" : ":regular");
    return PREPARED.computeIfAbsent(key, k -> {
      StringBuilder characters = new StringBuilder();
      characters.append(MARKS);
      if (fonts.isBold(font)) {
        characters.append(CertificatePage.boldTexts(texts)).append(BOLD_ASCII);
      } else {
        characters.append(texts.everyText()).append(LETTERS.getOrDefault(texts.locale().getLanguage(), ""));
        for (char c = ' '; c < 0x7F; c++) {
          characters.append(c);
        }
      }
      String printable = fonts.printable(characters.toString(), font);
      int[] codes = new int[printable.length()];
      int count = fonts.glyphs(printable, font, codes);
      BitSet glyphs = new BitSet();
      for (int i = 0; i < count; i++) {
        glyphs.set(codes[i]);
      }
      try {
        return FaceEmbedding.of(fonts.file(font), glyphs, Deflater.BEST_COMPRESSION);
      } catch (IOException e) {
        throw new UncheckedIOException("the certificate's subset of " + k + " cannot be made", e);
      }
    });
  }
}
