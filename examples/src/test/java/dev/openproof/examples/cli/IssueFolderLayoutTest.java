package dev.openproof.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.testing.SampleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An issue folder has the demo's layout: its proofs carry status references and can be revoked. */
class IssueFolderLayoutTest {
  @TempDir
  Path dir;

  @Test
  void aProofIssuedByIssueIsRevokedAndTheRevocationIsPublished() throws Exception {
    Path key = dir.resolve("keys/signing-key.jwk");
    CommandRun.of("keys", "generate", "--out", dir.resolve("keys").toString());
    Path out = dir.resolve("out");
    CommandRun issue = CommandRun.of("issue", "--order", SampleFiles.file("order-ru.json").toString(),
        "--key", key.toString(), "--out", out.toString());
    assertThat(issue.exitCode()).as(issue.toString()).isZero();
    assertThat(out.resolve("jwks.json")).exists();
    assertThat(out.resolve("status/1.jwt")).exists();
    Path proof;
    try (Stream<Path> files = Files.list(out.resolve("proofs"))) {
      proof = files.filter(f -> f.toString().endsWith(".jwt")).findFirst().orElseThrow();
    }
    String license = proof.getFileName().toString().replace(".jwt", "");

    CommandRun valid = CommandRun.of("verify", "--jwks", out.resolve("jwks.json").toString(),
        "--status", out.resolve("status/1.jwt").toString(), proof.toString());
    assertThat(valid.out()).as(valid.toString()).contains("VALID " + license, "(status valid)");

    CommandRun revoke = CommandRun.of("revoke", license, "--dir", out.toString(), "--key", key.toString());
    assertThat(revoke.exitCode()).as(revoke.toString()).isZero();
    CommandRun revoked = CommandRun.of("verify", "--jwks", out.resolve("jwks.json").toString(),
        "--status", out.resolve("status/1.jwt").toString(), proof.toString());
    assertThat(revoked.out()).as(revoked.toString()).contains("INVALID REVOKED");

    CommandRun publish = CommandRun.of("status", "publish", "--dir", out.toString(), "--key", key.toString());
    assertThat(publish.exitCode()).as(publish.toString()).isZero();
  }

  @Test
  void invoiceFilesAreOnlyThoseTheLedgerRecordedAndNoneIsHalfWritten() throws Exception {
    CommandRun.of("keys", "generate", "--out", dir.resolve("keys").toString());
    Path out = dir.resolve("out");
    CommandRun.of("issue", "--order", SampleFiles.file("order-ru.json").toString(),
        "--key", dir.resolve("keys/signing-key.jwk").toString(), "--out", out.toString());
    // A file the ledger never recorded, as a crash between pricing and recording once left:
    try (Stream<Path> files = Files.list(out.resolve("invoices"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("VD-PO-2020-0815-001.json", "DR-PO-2020-0815-001.json");
    }
    // A rerun rewrites a lost invoice file from the ledger.
    Files.delete(out.resolve("invoices/DR-PO-2020-0815-001.json"));
    CommandRun rerun = CommandRun.of("issue", "--order", SampleFiles.file("order-ru.json").toString(),
        "--key", dir.resolve("keys/signing-key.jwk").toString(), "--out", out.toString());
    assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
    assertThat(Files.readString(out.resolve("invoices/DR-PO-2020-0815-001.json"))).contains("DR-PO-2020-0815-001");
  }

  @Test
  void theSameOrderIdWithOtherContentIsRefusedAsAConflict() throws Exception {
    CommandRun.of("keys", "generate", "--out", dir.resolve("keys").toString());
    Path out = dir.resolve("out");
    String[] issue = {"issue", "--order", SampleFiles.file("order-ru.json").toString(),
        "--key", dir.resolve("keys/signing-key.jwk").toString(), "--out", out.toString()};
    assertThat(CommandRun.of(issue).exitCode()).isZero();
    Path changed = Files.writeString(dir.resolve("changed.json"),
        SampleFiles.text("order-ru.json").replace("\"quantity\": 25", "\"quantity\": 26"));
    issue[2] = changed.toString();

    CommandRun conflict = CommandRun.of(issue);

    assertThat(conflict.exitCode()).isEqualTo(1);
    assertThat(conflict.err()).contains("ORDER_CONFLICT", "lines differ").doesNotContain("at dev.");
  }

  @Test
  void hostileOrderFilesGiveOneClearLineAndLeaveNothing() throws Exception {
    CommandRun.of("keys", "generate", "--out", dir.resolve("keys").toString());
    Path out = dir.resolve("out");
    String sample = SampleFiles.text("order-ru.json");
    for (String doc : new String[] {"[".repeat(100_000), sample.replace("\"quantity\": 25", "\"quantity\": " + "9".repeat(100_000)),
        sample.strip() + " xyz", sample.replace("\"language\": \"ru\"", "\"language\": \"" + "en" + "-abcdefgh".repeat(2_000) + "\""),
        sample.replace("it@romashka.example.test", "it@[127.0.0.1]"), sample.replace("ООО «Ромашка»", "   "),
        sample.replace("2020-08-15T10:00:00Z", "+12020-08-15T10:00:00Z"), sample.replace("\"RUB\"", "\"XTS\""),
        sample.replace("it@romashka", "it\u202E@romashka")}) {
      Path file = Files.writeString(dir.resolve("hostile.json"), doc);
      CommandRun run = CommandRun.of("issue", "--order", file.toString(), "--key", dir.resolve("keys/signing-key.jwk").toString(),
          "--out", out.toString());
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
      assertThat(run.err()).contains("INVALID_ORDER").doesNotContain("at dev.", "at com.", "Exception", "Cannot invoke",
          "\u202E");
      assertThat(run.err().lines().count()).isLessThanOrEqualTo(3);
      assertThat(out).doesNotExist();
    }
    CommandRun zero = CommandRun.of("issue", "--order", "/dev/zero", "--key", dir.resolve("keys/signing-key.jwk").toString(),
        "--out", out.toString());
    assertThat(zero.exitCode()).isEqualTo(1);
    assertThat(zero.err()).contains("larger than").hasLineCount(2);
  }
}
