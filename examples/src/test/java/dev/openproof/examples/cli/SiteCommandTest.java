package dev.openproof.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.jwt.ProofVerificationException;
import dev.openproof.jwt.ProofVerifier;
import dev.openproof.jwt.RejectionReason;
import dev.openproof.jwt.status.StatusSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo writes the verification site; {@code revoke} refreshes it; {@code site} writes it anywhere. */
class SiteCommandTest {
  @TempDir
  Path dir;

  @Test
  void theDemosSiteCarriesItsKeysAndListsAndARevocationRefreshesIt() throws Exception {
    assertThat(CommandRun.of("demo", "--out", dir.toString()).exitCode()).isZero();
    Path site = dir.resolve("site");
    assertThat(Files.readString(site.resolve("verify.html"))).contains("Content-Security-Policy", "\"issuer\":\"https://licensing.example.test\"");
    assertThat(Files.readString(site.resolve("jwks.json")).strip()).isEqualTo(Files.readString(dir.resolve("jwks.json")).strip());
    assertThat(site.resolve("status/1.jwt")).hasSameTextualContentAs(dir.resolve("status/1.jwt"));

    Path proof;
    try (Stream<Path> files = Files.list(dir.resolve("proofs"))) {
      proof = files.sorted().findFirst().orElseThrow();
    }
    String licenseNumber = proof.getFileName().toString().replace(".jwt", "");
    CommandRun revoke = CommandRun.of("revoke", licenseNumber, "--dir", dir.toString());
    assertThat(revoke.exitCode()).as(revoke.toString()).isZero();
    assertThat(revoke.out()).contains("refreshed " + site);
    assertThat(site.resolve("status/1.jwt")).hasSameTextualContentAs(dir.resolve("status/1.jwt"));

    ProofVerifier fromTheSite = ProofVerifier.builder().trustedKeys(site.resolve("jwks.json"))
        .expectedIssuer("https://licensing.example.test").statusSource(StatusSource.fromFile(site.resolve("status/1.jwt"))).build();
    String token = Files.readString(proof).strip();
    Assertions.assertThatThrownBy(() -> fromTheSite.verify(token)).isInstanceOfSatisfying(ProofVerificationException.class,
        e -> assertThat(e.reason()).isEqualTo(RejectionReason.REVOKED));

    Files.delete(site.resolve("status/1.jwt"));
    CommandRun publish = CommandRun.of("status", "publish", "--dir", dir.toString());
    assertThat(publish.exitCode()).as(publish.toString()).isZero();
    assertThat(site.resolve("status/1.jwt")).hasSameTextualContentAs(dir.resolve("status/1.jwt"));
  }

  @Test
  void siteWritesTheSiteWhereAskedWithOrWithoutEmbeddedKeys() throws Exception {
    assertThat(CommandRun.of("demo", "--out", dir.toString()).exitCode()).isZero();
    Path out = dir.resolve("published");
    CommandRun run = CommandRun.of("site", "--dir", dir.toString(), "--out", out.toString(), "--no-embed-keys");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("wrote " + out.resolve("verify.html"), "wrote " + out.resolve("jwks.json"),
        "wrote " + out.resolve("status").resolve("1.jwt"));
    assertThat(Files.readString(out.resolve("verify.html"))).contains("\"keys\":null");
    assertThat(CommandRun.of("site", "--dir", dir.toString()).exitCode()).isZero();
    assertThat(Files.readString(dir.resolve("site/verify.html"))).contains("\"keys\":\"{");
  }

  @Test
  void aFolderWithoutKeysIsRefusedInOneLine() {
    CommandRun run = CommandRun.of("site", "--dir", dir.resolve("nothing").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip()).startsWith("openproof: ").contains("jwks.json does not exist").doesNotContain("\n");
  }
}
