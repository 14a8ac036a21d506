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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end in a temporary folder, then the verify command on what it wrote. The first run's
 * folder is only read; a test that runs the demo again works on a copy of it, so the tests hold in any
 * order.
 */
class DemoCommandTest {
  @TempDir
  static Path dir;

  static CommandRun firstRun;

  /** Each test's own folder, for what it writes. */
  @TempDir
  Path scratch;

  @BeforeAll
  static void runTheDemoOnce() {
    firstRun = CommandRun.of("demo", "--out", dir.toString());
  }

  private static List<Path> files(String folder, String suffix) throws IOException {
    return files(dir, folder, suffix);
  }

  private static List<Path> files(Path root, String folder, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(root.resolve(folder))) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  @Test
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
  void theSummaryGivesTheRateTheOneCoreCryptoBoundTheirRatioAndTheMemory() {
    assertThat(firstRun.out())
        .containsPattern("speed             \\d+\\.\\d orders/s on \\d+ workers?; one-core crypto bound \\d+\\.\\d orders/s"
            + " \\(ES256 sign \\+ verify of 5 proofs, one thread\\); ratio \\d+\\.\\d\\d")
        .containsPattern("memory            RSS \\d+ MB \\(peak \\d+ MB\\), heap used \\d+ MB of \\d+ MB");
  }

  @Test
  void twoWorkersWriteTheSameFilesAndCountsAsOne() throws IOException {
    CommandRun one = CommandRun.of("demo", "--out", scratch.resolve("one").toString(), "--orders", "150", "--workers", "1");
    CommandRun two = CommandRun.of("demo", "--out", scratch.resolve("two").toString(), "--orders", "150", "--workers", "2");
    assertThat(one.exitCode()).as(one.toString()).isZero();
    assertThat(two.exitCode()).as(two.toString()).isZero();
    assertThat(one.out()).contains("on 1 worker;");
    assertThat(two.out()).contains("on 2 workers;");
    assertThat(counts(two.out())).isEqualTo(counts(one.out()))
        .contains("orders            156 read: 156 fulfilled now, 0 already done by an earlier run, 0 refused",
            "mails             155 sent straight to customers, 0 waiting for a retry, 0 failed for good, 155 saved in outbox/");
    assertThat(names(scratch.resolve("two"), "invoices")).isEqualTo(names(scratch.resolve("one"), "invoices")).hasSize(312);
    for (String folder : List.of("proofs", "certificates", "outbox")) {
      assertThat(names(scratch.resolve("two"), folder)).as(folder).hasSize(155)
          .hasSameSizeAs(names(scratch.resolve("one"), folder));
    }
    assertThat(recipients(scratch.resolve("two"))).isEqualTo(recipients(scratch.resolve("one"))).hasSize(155);
  }

  /** The summary's lines but those of times, rates and memory, the progress lines and the hints. */
  private static List<String> counts(String out) {
    return out.lines().filter(line -> !line.startsWith("time ") && !line.startsWith("speed ") && !line.startsWith("memory ")
        && !line.startsWith("...") && !line.startsWith("OpenProof demo in ") && !line.startsWith("verify a proof:")
        && !line.startsWith("or in a browser:")).toList();
  }

  private static java.util.SortedSet<String> names(Path root, String folder) throws IOException {
    java.util.SortedSet<String> names = new java.util.TreeSet<>();
    files(root, folder, "").forEach(f -> names.add(f.getFileName().toString()));
    return names;
  }

  /** Each mail's To: line, sorted: who got mail, each once. */
  private static List<String> recipients(Path root) throws IOException {
    List<String> to = new ArrayList<>();
    for (Path mail : files(root, "outbox", ".eml")) {
      Files.readAllLines(mail, StandardCharsets.ISO_8859_1).stream().filter(l -> l.startsWith("To: ")).forEach(to::add);
    }
    return to.stream().sorted().toList();
  }

  @Test
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
  void verifyAcceptsEveryProofTheDemoWrote() throws IOException {
    List<String> args = new ArrayList<>(List.of("verify", "--jwks", dir.resolve("jwks.json").toString()));
    files("proofs", ".jwt").forEach(p -> args.add(p.toString()));
    CommandRun run = CommandRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out().lines()).hasSize(5).allMatch(line -> line.matches(".*\\.jwt: VALID \\d{10} \\(status not checked\\)"));
  }

  @Test
  void verifyRejectsACopyWithOneChangedByteNamingTheReason() throws IOException {
    Path original = files("proofs", ".jwt").get(0);
    byte[] bytes = Files.readAllBytes(original);
    int middle = bytes.length / 2;
    bytes[middle] = (byte) (bytes[middle] == 'A' ? 'B' : 'A');
    Path forged = Files.write(scratch.resolve("forged.jwt"), bytes);
    CommandRun run = CommandRun.of("verify", "--jwks", dir.resolve("jwks.json").toString(), original.toString(), forged.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains(original + ": VALID ").containsPattern(
        "forged\\.jwt: INVALID (BAD_SIGNATURE|INVALID_CLAIMS|MALFORMED|NOT_CANONICAL): \\S");
  }

  @Test
  void aSecondRunOnTheSameFolderDoesNoOrderTwice() throws IOException {
    Path copy = copyOfTheFirstRun();
    CommandRun second = CommandRun.of("demo", "--out", copy.toString());
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.out())
        .contains("orders            6 read: 0 fulfilled now, 6 already done by an earlier run, 0 refused")
        .contains("invoices          0 vendor -> distributor, 0 distributor -> reseller")
        .contains("proofs            0 signed, 5 verified with jwks.json")
        .contains("mails             0 sent straight to customers");
    assertThat(files(copy, "proofs", ".jwt")).hasSize(5);
    assertThat(files(copy, "outbox", ".eml")).hasSize(5);
    assertThat(files(copy, "invoices", ".json")).hasSize(12);
  }

  @Test
  void generatedOrdersRunWithAProgressLine() throws IOException {
    Path copy = copyOfTheFirstRun();
    CommandRun run = CommandRun.of("demo", "--out", copy.toString(), "--orders", "20");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("... 26 of 26 orders")
        .contains("orders            26 read: 20 fulfilled now, 6 already done by an earlier run, 0 refused")
        .contains("proofs            20 signed, 25 verified");
    assertThat(files(copy, "outbox", ".eml")).hasSize(25);
  }

  /** The first run's folder, copied into this test's own folder. */
  private Path copyOfTheFirstRun() throws IOException {
    Path copy = scratch.resolve("demo");
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path from : all.sorted().toList()) {
        Path to = copy.resolve(dir.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
    return copy;
  }
}
