package dev.openproof.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The demo end to end in a temporary folder, then the verify command on what it wrote. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoCommandTest {
  @TempDir
  static Path dir;

  static CommandRun firstRun;

  @BeforeAll
  static void runTheDemoOnce() {
    firstRun = CommandRun.of("demo", "--out", dir.toString());
  }

  private static List<Path> files(String folder, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve(folder))) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  @Test
  @Order(1)
  void theDemoFulfillsEveryBundledOrderAndPrintsASummary() {
    assertThat(firstRun.exitCode()).as(firstRun.toString()).isZero();
    assertThat(firstRun.out())
        .contains("orders            6 read: 6 fulfilled now, 0 already done by an earlier run, 0 refused")
        .contains("invoices          6 vendor -> distributor, 6 distributor -> reseller")
        .contains("proofs            5 signed, 5 verified with jwks.json")
        .contains("mails             5 sent straight to customers, 0 waiting for a retry, 0 failed for good, 5 saved in outbox/")
        .contains("legacy route      1 paper certificates shipped")
        .containsPattern("time              invoicing \\d+ ms, signing \\d+ ms, mail \\d+ ms");
  }

  @Test
  @Order(2)
  void itWritesProofsMailsInvoicesAndThePublicKeys() throws IOException {
    assertThat(files("proofs", ".jwt")).hasSize(5);
    assertThat(files("invoices", ".json")).hasSize(12);
    List<Path> mails = files("outbox", ".eml");
    assertThat(mails).hasSize(5);
    for (Path mail : mails) {
      String text = Files.readString(mail, StandardCharsets.ISO_8859_1);
      assertThat(text).contains("Auto-Submitted: auto-generated").containsPattern("filename=\"?license-proof-\\d+\\.jwt");
    }
    String russian = String.join("\n", mailsTo("it@romashka.example.test"));
    assertThat(russian).isNotEmpty();
    String jwks = Files.readString(dir.resolve("jwks.json"));
    assertThat(jwks).contains("\"kid\"").containsPattern("\"alg\"\\s*:\\s*\"ES256\"")
        .containsPattern("\"use\"\\s*:\\s*\"sig\"").doesNotContain("\"d\"");
  }

  private static List<String> mailsTo(String address) throws IOException {
    List<String> found = new ArrayList<>();
    for (Path mail : files("outbox", ".eml")) {
      String text = Files.readString(mail, StandardCharsets.ISO_8859_1);
      if (text.contains("To: " + address) || text.contains("<" + address + ">")) {
        found.add(text);
      }
    }
    return found;
  }

  @Test
  @Order(3)
  void theMailOfEachProofGoesToItsCustomerNeverToTheDistributor() throws IOException {
    for (String customer : List.of("it@romashka.example.test", "it@baeckerei-schaefer.example.test",
        "informatique@cabinet-lefevre.example.test", "sistemas@clinica-sonrisa.example.test",
        "admin@harbourview-vets.example.test")) {
      assertThat(mailsTo(customer)).as(customer).hasSize(1);
    }
    assertThat(mailsTo("billing@distribution.example.test")).isEmpty();
    assertThat(mailsTo("office@fabrikam.example.test")).as("ordered before the cut-over: paper route").isEmpty();
  }

  @Test
  @Order(4)
  void verifyAcceptsEveryProofTheDemoWrote() throws IOException {
    List<String> args = new ArrayList<>(List.of("verify", "--jwks", dir.resolve("jwks.json").toString()));
    files("proofs", ".jwt").forEach(p -> args.add(p.toString()));
    CommandRun run = CommandRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out().lines()).hasSize(5).allMatch(line -> line.matches(".*\\.jwt: VALID \\d{10} \\(status not checked\\)"));
  }

  @Test
  @Order(5)
  void verifyRejectsACopyWithOneChangedByteNamingTheReason() throws IOException {
    Path original = files("proofs", ".jwt").get(0);
    byte[] bytes = Files.readAllBytes(original);
    int middle = bytes.length / 2;
    bytes[middle] = (byte) (bytes[middle] == 'A' ? 'B' : 'A');
    Path forged = Files.write(dir.resolve("forged.jwt"), bytes);
    CommandRun run = CommandRun.of("verify", "--jwks", dir.resolve("jwks.json").toString(), original.toString(), forged.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains(original + ": VALID ").containsPattern(
        "forged\\.jwt: INVALID (BAD_SIGNATURE|INVALID_CLAIMS|MALFORMED|NOT_CANONICAL): \\S");
  }

  @Test
  @Order(6)
  void aSecondRunOnTheSameFolderDoesNoOrderTwice() throws IOException {
    CommandRun second = CommandRun.of("demo", "--out", dir.toString());
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.out())
        .contains("orders            6 read: 0 fulfilled now, 6 already done by an earlier run, 0 refused")
        .contains("invoices          0 vendor -> distributor, 0 distributor -> reseller")
        .contains("proofs            0 signed, 5 verified with jwks.json")
        .contains("mails             0 sent straight to customers");
    assertThat(files("proofs", ".jwt")).hasSize(5);
    assertThat(files("outbox", ".eml")).hasSize(5);
    assertThat(files("invoices", ".json")).hasSize(12);
  }

  @Test
  @Order(7)
  void generatedOrdersRunWithAProgressLine() throws IOException {
    CommandRun run = CommandRun.of("demo", "--out", dir.toString(), "--orders", "20");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("... 26 of 26 orders")
        .contains("orders            26 read: 20 fulfilled now, 6 already done by an earlier run, 0 refused")
        .contains("proofs            20 signed, 25 verified");
    assertThat(files("outbox", ".eml")).hasSize(25);
  }
}
