package dev.openproof.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openproof summary --pdf}: the license summary as a PDF in the demo's folder. */
class SummaryPdfCommandTest {
  @TempDir
  Path dir;

  @Test
  void theSummaryOfACustomerAndOfAnAuthorizationIsWrittenAsAPdf() throws Exception {
    CommandRun demo = CommandRun.of("demo", "--out", dir.toString());
    assertThat(demo.exitCode()).as(demo.toString()).isZero();
    Path proof;
    try (Stream<Path> files = Files.list(dir.resolve("proofs"))) {
      proof = files.sorted().findFirst().orElseThrow();
    }
    Map<String, Object> claims = JWSObject.parse(Files.readString(proof).strip()).getPayload().toJSONObject();
    String customer = claims.get("sub").toString();
    String licenseNumber = proof.getFileName().toString().replace(".jwt", "");
    Path pdf = dir.resolve("summary.pdf");

    CommandRun summary = CommandRun.of("summary", "--customer", customer, "--dir", dir.toString(), "--pdf", pdf.toString());

    assertThat(summary.exitCode()).as(summary.toString()).isZero();
    assertThat(summary.out()).contains("pdf: " + pdf);
    String text = text(pdf);
    assertThat(text).contains(customer, licenseNumber);
    assertThat(Files.readAllBytes(pdf)).startsWith("%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    @SuppressWarnings("unchecked")
    String authorization = ((Map<String, Object>) claims.get("license")).get("authorization_number").toString();
    Path byAuthorization = dir.resolve("authorization.pdf");
    CommandRun second = CommandRun.of("summary", "--authorization", authorization, "--dir", dir.toString(), "--all",
        "--pdf", byAuthorization.toString());
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(text(byAuthorization)).contains(authorization, customer, licenseNumber);
  }

  private static String text(Path pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(document);
    }
  }
}
