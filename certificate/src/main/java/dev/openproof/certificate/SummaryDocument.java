package dev.openproof.certificate;

import dev.openproof.core.model.LicenseSummary;
import dev.openproof.core.model.PartyRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jspecify.annotations.Nullable;

/**
 * Renders a {@link LicenseSummary} as a PDF/A-2b document, the form an auditor files: the title, the
 * customer or the authorization summed up and who holds it, the date it was drawn up, and a table of
 * every entitlement (product, SKU, quantity, type, term end, Software Assurance end and the license
 * numbers of the proofs it rests on), with returned, transferred and ended lines marked when the
 * summary lists them. A long table runs on over as many pages as it needs, its head repeated.
 *
 * <pre>{@code
 * LicenseSummary summary = fulfillment.afterSale().summaryOfCustomer("C-100234", false);
 * byte[] pdf = SummaryDocument.render(summary, proof.customer());
 * }</pre>
 *
 * <p>The texts are in English, Russian, German, French or Spanish (English for any other language),
 * on landscape A4, or Letter for holders in the United States and Canada; the fonts and the archive
 * metadata are the certificate's. Rendering is deterministic: the same summary gives the same bytes.
 * Stateless and thread-safe.
 *
 * @since 0.2.0
 */
public final class SummaryDocument {
  /** The media type of the document. */
  public static final String MEDIA_TYPE = "application/pdf";
  /** The most lines a summary may have to be rendered. */
  public static final int MAX_LINES = 10_000;

  private SummaryDocument() {}

  /**
   * The summary in the language of the holder's country, as {@link ProofCertificate#languageOf(String)}
   * chooses it.
   *
   * @param summary the summary
   * @param holder the customer who holds the entitlements, as the proofs name it; for a customer's
   *     summary, that customer
   * @return the PDF's bytes
   * @throws CertificateException {@link CertificateException.Reason#CERTIFICATE_INVALID_INPUT} if the holder is not the
   *     summary's customer or the summary is too long, {@link CertificateException.Reason#CERTIFICATE_FAILED} if the PDF
   *     cannot be written
   */
  public static byte[] render(LicenseSummary summary, PartyRef holder) {
    Objects.requireNonNull(holder, "holder");
    return render(summary, holder, ProofCertificate.languageOf(holder.country()));
  }

  /**
   * The summary in a given language.
   *
   * @param summary the summary
   * @param holder the customer who holds the entitlements; for a customer's summary, that customer
   * @param language the language; one without texts gets English
   * @return the PDF's bytes
   * @throws CertificateException as {@link #render(LicenseSummary, PartyRef)}
   */
  public static byte[] render(LicenseSummary summary, PartyRef holder, Locale language) {
    Objects.requireNonNull(holder, "holder");
    return write(summary, holder, language);
  }

  /**
   * The summary in a given language when the holder is not known (a summary of no proofs): the page
   * names the customer or the authorization by its id alone, on landscape A4.
   *
   * @param summary the summary
   * @param language the language; one without texts gets English
   * @return the PDF's bytes
   * @throws CertificateException as {@link #render(LicenseSummary, PartyRef)}
   */
  public static byte[] render(LicenseSummary summary, Locale language) {
    return write(summary, null, language);
  }

  /**
   * The file name of a summary: {@code license-summary-<customer id or authorization number>.pdf},
   * any character other than a letter, digit, dot, dash or underscore replaced by {@code _}.
   *
   * @param summary the summary
   * @return the file name
   */
  public static String fileName(LicenseSummary summary) {
    return "license-summary-" + subject(Objects.requireNonNull(summary, "summary")).replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
  }

  private static byte[] write(LicenseSummary summary, @Nullable PartyRef holder, Locale language) {
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(language, "language");
    check(summary, holder);
    CertificateTexts texts = CertificateTexts.forLanguage(language);
    PDRectangle portrait = holder == null ? PDRectangle.A4 : ProofCertificate.paperFor(holder.country());
    PDRectangle paper = new PDRectangle(portrait.getHeight(), portrait.getWidth());
    String lang = texts.locale().toLanguageTag();
    String subject = subject(summary);
    String seed = String.join("\n", "openproof-summary", lang, Float.toString(paper.getWidth()), subject,
        holder == null ? "" : holder.id() + "\n" + holder.name(), summary.asOf().toString(),
        Boolean.toString(summary.includesEnded()), summary.toCsv());
    UUID documentId = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    PdfArchive.Info info = new PdfArchive.Info(texts.text("summary.title") + " " + subject, subject, summary.asOf(), lang,
        documentId, "OpenProof license summary", List.of(
            new PdfArchive.Property("subject", "The customer or the authorization the summary is of", subject),
            new PdfArchive.Property("asOf", "When the summary was drawn up", summary.asOf().toString())));
    try (PDDocument document = new PDDocument(); CertificateFonts fonts = CertificateFonts.load(document)) {
      SummaryPages.draw(document, fonts, texts, summary, holder, paper);
      fonts.subset();
      return PdfArchive.save(document, info);
    } catch (IOException e) {
      throw CertificateException.failed("the license summary of " + subject + " could not be written: " + e.getMessage(), e);
    }
  }

  /** The customer's id or the authorization number. */
  static String subject(LicenseSummary summary) {
    return summary.forCustomer().orElseGet(() -> summary.forAuthorization().orElseThrow().value());
  }

  private static void check(LicenseSummary summary, @Nullable PartyRef holder) {
    List<String> violations = new ArrayList<>();
    if (holder != null && summary.forCustomer().isPresent() && !summary.forCustomer().get().equals(holder.id())) {
      violations.add("the summary is of the customer " + summary.forCustomer().get() + ", not of the holder " + holder.id());
    }
    if (summary.lines().size() > MAX_LINES) {
      violations.add("the summary has " + summary.lines().size() + " lines, more than " + MAX_LINES);
    }
    if (!violations.isEmpty()) {
      throw CertificateException.invalid(violations);
    }
  }
}
