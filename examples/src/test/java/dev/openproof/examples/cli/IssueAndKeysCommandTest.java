package dev.openproof.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.testing.SampleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssueAndKeysCommandTest {
  @TempDir
  Path dir;

  @Test
  void keysGenerateWritesAnOwnerOnlyPrivateKeyAndAPublicJwks() throws Exception {
    CommandRun run = CommandRun.of("keys", "generate", "--alg", "EdDSA", "--out", dir.resolve("keys").toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    Path key = dir.resolve("keys/signing-key.jwk");
    assertThat(Files.readString(key)).contains("\"d\"", "Ed25519");
    if (Files.getFileAttributeView(key, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
      assertThat(Files.getPosixFilePermissions(key))
          .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
    assertThat(Files.readString(dir.resolve("keys/jwks.json"))).containsPattern("\"alg\"\\s*:\\s*\"EdDSA\"").doesNotContain("\"d\"");
    CommandRun again = CommandRun.of("keys", "generate", "--out", dir.resolve("keys").toString());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("exists already").doesNotContain("at dev.openproof");
  }

  @Test
  void issueFulfillsAnOrderFileOnceAndTheProofVerifies() throws Exception {
    CommandRun.of("keys", "generate", "--out", dir.resolve("keys").toString());
    String[] issue = {"issue", "--order", SampleFiles.file("order-ru.json").toString(),
        "--key", dir.resolve("keys/signing-key.jwk").toString(), "--out", dir.resolve("out").toString()};
    CommandRun first = CommandRun.of(issue);
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out()).contains("order PO-2020-0815-001 fulfilled: DIGITAL", "918001.00 RUB", "844560.92 RUB",
        "mail     DELIVERED to it@romashka.example.test");
    Path proof;
    try (var files = Files.list(dir.resolve("out/proofs"))) {
      proof = files.findFirst().orElseThrow();
    }
    CommandRun verify = CommandRun.of("verify", "--jwks", dir.resolve("keys/jwks.json").toString(), proof.toString());
    assertThat(verify.exitCode()).as(verify.toString()).isZero();

    CommandRun second = CommandRun.of(issue);
    assertThat(second.out()).contains("order PO-2020-0815-001 was fulfilled before: DIGITAL");
    try (var mails = Files.list(dir.resolve("out/outbox"))) {
      assertThat(mails).hasSize(1);
    }
  }

  @Test
  void issueRefusesABrokenOrderListingEveryViolationAndStoresNothing() {
    CommandRun.of("keys", "generate", "--out", dir.resolve("keys").toString());
    CommandRun run = CommandRun.of("issue", "--order", SampleFiles.file("order-invalid.json").toString(),
        "--key", dir.resolve("keys/signing-key.jwk").toString(), "--out", dir.resolve("out").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("INVALID_ORDER", "nothing was stored or sent (10 violations)",
        "  customer.name: must be 1 to 200 characters with no control characters",
        "  placed_at: must be an RFC 3339 date-time");
    assertThat(run.err().lines()).hasSize(11);
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(CommandRun.of().exitCode()).isEqualTo(2);
    assertThat(CommandRun.of("verify").exitCode()).isEqualTo(2);
    assertThat(CommandRun.of("demo", "--smtp", "no-port").exitCode()).isEqualTo(2);
    assertThat(CommandRun.of("demo", "--nonsense").exitCode()).isEqualTo(2);
    CommandRun badAlg = CommandRun.of("keys", "generate", "--alg", "HS256", "--out", dir.toString());
    assertThat(badAlg.exitCode()).isEqualTo(2);
    assertThat(badAlg.err()).contains("unknown --alg HS256");
  }

  @Test
  void aFailureIsOneLineWithoutAStackTraceUnlessVerbose() {
    CommandRun quiet = CommandRun.of("issue", "--order", dir.resolve("missing.json").toString(),
        "--key", dir.resolve("missing.jwk").toString());
    assertThat(quiet.exitCode()).isEqualTo(1);
    assertThat(quiet.err().lines()).hasSize(1);
    assertThat(quiet.err()).startsWith("openproof: ");
    CommandRun verbose = CommandRun.of("issue", "--verbose", "--order", dir.resolve("missing.json").toString(),
        "--key", dir.resolve("missing.jwk").toString());
    assertThat(verbose.err()).contains("\tat ");
  }

  @Test
  void aKeyIdThatStartsWithADashIsTakenAsAKeyId() {
    CommandRun.of("keys", "generate", "--out", dir.resolve("keys").toString());
    CommandRun run = CommandRun.of("keys", "retire", "-Xq9_no-such-key", "--dir", dir.resolve("keys").toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("no key -Xq9_no-such-key");
  }

  @Test
  void everyCommandExplainsItselfWithHelp() {
    for (String[] args : new String[][] {{"--help"}, {"demo", "--help"}, {"verify", "--help"}, {"keys", "generate", "--help"}}) {
      CommandRun run = CommandRun.of(args);
      assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
      assertThat(run.out()).as(String.join(" ", args)).startsWith("Usage: openproof");
    }
  }
}
