package dev.openproof.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's certificates (kept, and attached to its mails), and {@code openproof certificate} on its proofs. */
class CertificateCommandTest {
  @TempDir
  static Path dir;

  @BeforeAll
  static void runTheDemo() {
    CommandRun demo = CommandRun.of("demo", "--out", dir.toString());
    assertThat(demo.exitCode()).as(demo.toString()).isZero();
  }

  private static List<Path> files(String folder, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve(folder))) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static String text(Path pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      return new PDFTextStripper().getText(document);
    }
  }

  @Test
  void theDemoKeepsACertificatePerProofAndAttachesItToTheMail() throws IOException {
    List<Path> proofs = files("proofs", ".jwt");
    assertThat(files("certificates", ".pdf")).hasSameSizeAs(proofs).isNotEmpty();
    for (Path proof : proofs) {
      String license = proof.getFileName().toString().replace(".jwt", "");
      assertThat(text(dir.resolve("certificates").resolve("certificate-" + license + ".pdf"))).contains(license);
    }
    for (Path mail : files("outbox", ".eml")) {
      assertThat(Files.readString(mail, StandardCharsets.ISO_8859_1))
          .containsPattern("filename=\"?certificate-\\d+\\.pdf")
          .contains("application/pdf", "https://licensing.example.test/verify.html", "https://licensing.example.test/jwks.json");
    }
    assertThat(files("certificates", ".partial")).isEmpty();
  }

  @Test
  void theCommandWritesTheCertificateOfAProofInTheLanguageAsked() throws IOException {
    Path proof = files("proofs", ".jwt").get(0);
    Path out = dir.resolve("asked.pdf");

    CommandRun run = CommandRun.of("certificate", proof.toString(), "--out", out.toString(), "--lang", "fr");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("asked.pdf: certificate of license ");
    assertThat(text(out)).contains("Certificat de licence", proof.getFileName().toString().replace(".jwt", ""));
  }

  @Test
  void aProofThatDoesNotVerifyGetsNoCertificate() throws IOException {
    Path proof = files("proofs", ".jwt").get(0);
    String token = Files.readString(proof).trim();
    Path forged = dir.resolve("proofs-forged").resolve("forged.jwt");
    Files.createDirectories(forged.getParent());
    char last = token.charAt(token.length() - 1);
    Files.writeString(forged, token.substring(0, token.length() - 5) + (last == 'A' ? "BBBBB" : "AAAAA"));

    CommandRun run = CommandRun.of("certificate", forged.toString(), "--out", dir.resolve("forged.pdf").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("INVALID");
    assertThat(dir.resolve("forged.pdf")).doesNotExist();
  }
}
