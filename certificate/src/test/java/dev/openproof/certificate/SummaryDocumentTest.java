package dev.openproof.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseSummary;
import dev.openproof.core.model.LicenseType;
import dev.openproof.core.model.PartyRef;
import dev.openproof.core.model.SummaryLine;
import dev.openproof.core.testing.SampleOrders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The license summary as a PDF: what it prints, in which language, over how many pages. */
class SummaryDocumentTest {
  static final PartyRef ROMASHKA = party(SampleOrders.russian().customer());
  static final Instant AS_OF = Instant.parse("2021-03-01T09:30:00Z");
  static final LicenseNumber FIRST = LicenseNumber.withCheckDigit("702411390");
  static final LicenseNumber SECOND = LicenseNumber.withCheckDigit("702411391");
  static final LicenseNumber RETURNED = LicenseNumber.withCheckDigit("702411392");

  static PartyRef party(dev.openproof.core.model.Customer customer) {
    return new PartyRef(customer.id(), customer.name(), customer.country());
  }

  /** The Russian sample's two products, one resting on two proofs, and a returned line. */
  static LicenseSummary russian() {
    return new LicenseSummary(ROMASHKA.id(), null, AS_OF, true, List.of(
        new SummaryLine("021-10609", "Office Standard 2019", 25, LicenseType.LICENSE, null, null, SummaryLine.State.IN_FORCE,
            List.of(FIRST, SECOND)),
        new SummaryLine("P73-07788", "Windows Server Standard 2019", 2, LicenseType.LICENSE_AND_SOFTWARE_ASSURANCE, null,
            LocalDate.parse("2023-08-31"), SummaryLine.State.IN_FORCE, List.of(FIRST)),
        new SummaryLine("6VC-01252", "Microsoft 365 E3", 10, LicenseType.SUBSCRIPTION, LocalDate.parse("2021-08-14"), null,
            SummaryLine.State.RETURNED, List.of(RETURNED))));
  }

  /** {@code count} lines, each with its own SKU and license number. */
  static LicenseSummary long_(int count) {
    List<SummaryLine> lines = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      lines.add(new SummaryLine(String.format("SKU-%04d", i), "Product number " + i + (i % 7 == 0 ? " with a long name that wraps" : ""),
          i, LicenseType.values()[i % 4], LocalDate.parse("2025-01-01").plusDays(i), null,
          i % 11 == 0 ? SummaryLine.State.ENDED : SummaryLine.State.IN_FORCE,
          List.of(LicenseNumber.withCheckDigit(String.valueOf(800000000 + i)))));
    }
    return new LicenseSummary(ROMASHKA.id(), null, AS_OF, true, lines);
  }

  @Test
  void aRussianSummaryPrintsTheCustomerEverySkuAndEveryLicenseNumberAndMarksTheReturnedLine() throws Exception {
    String text = CertificateFixture.text(SummaryDocument.render(russian(), ROMASHKA));

    assertThat(text).contains("Сводка лицензий", "ООО «Ромашка»", "C-100234", "021-10609", "P73-07788", "6VC-01252",
        FIRST.value(), SECOND.value(), RETURNED.value(), "Office Standard 2019", "Возвращено", "Действует",
        "1 марта 2021", "Страница 1 из 1");
  }

  @Test
  void theSameSummaryGivesTheSameBytes() {
    assertThat(SummaryDocument.render(russian(), ROMASHKA)).isEqualTo(SummaryDocument.render(russian(), ROMASHKA));
    assertThat(SummaryDocument.render(russian(), ROMASHKA, Locale.GERMAN)).isNotEqualTo(SummaryDocument.render(russian(), ROMASHKA));
  }

  @Test
  void twoHundredLinesRunOnOverPagesAndNoneIsLost() throws Exception {
    byte[] pdf = SummaryDocument.render(long_(200), ROMASHKA);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      int pages = document.getNumberOfPages();
      assertThat(pages).isGreaterThan(2);
      String text = new PDFTextStripper().getText(document);
      for (int i = 1; i <= 200; i++) {
        assertThat(text).contains(String.format("SKU-%04d", i), LicenseNumber.withCheckDigit(String.valueOf(800000000 + i)).value());
      }
      assertThat(text).contains("Страница 1 из " + pages, "Страница " + pages + " из " + pages);
      PDFTextStripper last = new PDFTextStripper();
      last.setStartPage(pages);
      last.setEndPage(pages);
      assertThat(last.getText(document)).contains("SKU-0200", "Сводка лицензий · Клиент C-100234");
      ImageIO.write(new PDFRenderer(document).renderImageWithDPI(pages - 1, 110, ImageType.RGB), "png",
          Files.createDirectories(Path.of("target")).resolve("summary-page-last.png").toFile());
    }
    Path target = Path.of("target");
    Files.createDirectories(target);
    ImageIO.write(CertificateFixture.picture(pdf, 110), "png", target.resolve("summary-page-1.png").toFile());
    ImageIO.write(CertificateFixture.picture(SummaryDocument.render(russian(), ROMASHKA), 110), "png",
        target.resolve("summary-short.png").toFile());
  }

  @Test
  void anAuthorizationsSummaryNamesItsHolderAndAnUnknownLanguageGetsEnglish() throws Exception {
    LicenseSummary summary = new LicenseSummary(null, AuthorizationNumber.of("A70001234567"), AS_OF, false,
        List.of(russian().lines().get(0)));
    String text = CertificateFixture.text(SummaryDocument.render(summary, ROMASHKA, Locale.JAPANESE));

    assertThat(text).contains("License Summary", "A70001234567", "ООО «Ромашка» (C-100234)", "021-10609", "Page 1 of 1")
        .doesNotContain("In force");
    assertThat(CertificateFixture.text(SummaryDocument.render(summary, Locale.forLanguageTag("es"))))
        .contains("Resumen de licencias", "Autorización A70001234567");
    assertThat(SummaryDocument.fileName(summary)).isEqualTo("license-summary-A70001234567.pdf");
  }

  @Test
  void aHolderWhoIsNotTheSummarysCustomerIsRefused() {
    PartyRef other = party(SampleOrders.germanSubscription().customer());

    assertThatThrownBy(() -> SummaryDocument.render(russian(), other))
        .isInstanceOfSatisfying(CertificateException.class, e -> {
          assertThat(e.reasonCode()).isEqualTo("CERTIFICATE_INVALID_INPUT");
          assertThat(e.violations()).containsExactly("the summary is of the customer C-100234, not of the holder C-880045");
        });
  }

  @Test
  void anEmptySummarySaysSo() throws Exception {
    LicenseSummary empty = new LicenseSummary("C-100234", null, AS_OF, false, List.of());

    assertThat(CertificateFixture.text(SummaryDocument.render(empty, ROMASHKA, Locale.FRENCH)))
        .contains("Récapitulatif des licences", "Aucun droit.");
  }
}
