package dev.openproof.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A revocation reaches an offline verifier through the published status list; rotated keys keep old proofs valid. */
class RevocationAndRotationCommandTest {
  @TempDir
  Path dir;

  private List<Path> proofs() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("proofs"))) {
      return files.sorted().toList();
    }
  }

  private static String proofId(Path proof) throws IOException, ParseException {
    return JWSObject.parse(Files.readString(proof).strip()).getPayload().toJSONObject().get("jti").toString();
  }

  @Test
  void aRevokedProofIsRejectedByAnOfflineVerifierWithTheStatusList() throws Exception {
    assertThat(CommandRun.of("demo", "--out", dir.toString()).exitCode()).isZero();
    Path status = dir.resolve("status").resolve("1.jwt");
    assertThat(status).exists();
    List<Path> proofs = proofs();
    String jwks = dir.resolve("jwks.json").toString();

    CommandRun before = CommandRun.of("verify", "--jwks", jwks, "--status", status.toString(), proofs.get(0).toString());
    assertThat(before.out()).as(before.toString()).matches("(?s).*\\.jwt: VALID \\d{10} \\(status valid\\)\\s*");

    CommandRun revoke = CommandRun.of("revoke", proofId(proofs.get(0)), "--dir", dir.toString(), "--reason", "order returned");
    assertThat(revoke.exitCode()).as(revoke.toString()).isZero();
    assertThat(revoke.out()).contains("revoked " + proofId(proofs.get(0)), "published " + status);

    CommandRun after = CommandRun.of("verify", "--jwks", jwks, "--status", status.toString(),
        proofs.get(0).toString(), proofs.get(1).toString());
    assertThat(after.exitCode()).as(after.toString()).isEqualTo(1);
    assertThat(after.out()).contains(proofs.get(0) + ": INVALID REVOKED: ")
        .contains(proofs.get(1) + ": VALID ");

    Path published = dir.resolve("published.jwt");
    CommandRun publish = CommandRun.of("status", "publish", "--dir", dir.toString(), "--out", published.toString());
    assertThat(publish.exitCode()).as(publish.toString()).isZero();
    assertThat(CommandRun.of("verify", "--jwks", jwks, "--status", published.toString(), proofs.get(0).toString()).out())
        .contains("INVALID REVOKED");
  }

  @Test
  void aProofCanBeRevokedByItsLicenseNumber() throws Exception {
    assertThat(CommandRun.of("demo", "--out", dir.toString()).exitCode()).isZero();
    Path proof = proofs().get(1);
    String licenseNumber = proof.getFileName().toString().replace(".jwt", "");
    CommandRun revoke = CommandRun.of("revoke", licenseNumber, "--dir", dir.toString());
    assertThat(revoke.exitCode()).as(revoke.toString()).isZero();
    assertThat(revoke.out()).contains("revoked " + proofId(proof));
    CommandRun after = CommandRun.of("verify", "--jwks", dir.resolve("jwks.json").toString(),
        "--status", dir.resolve("status/1.jwt").toString(), proof.toString(), proofs().get(0).toString());
    assertThat(after.out()).contains(proof + ": INVALID REVOKED: ").contains(proofs().get(0) + ": VALID ");
  }

  @Test
  void aStatusListSignedByAnotherKeyIsRefused() throws Exception {
    assertThat(CommandRun.of("demo", "--out", dir.toString()).exitCode()).isZero();
    Path other = dir.resolve("other");
    assertThat(CommandRun.of("keys", "generate", "--out", other.resolve("keys").toString()).exitCode()).isZero();
    Files.createDirectories(other.resolve("ledger"));
    try (Stream<Path> files = Files.list(dir.resolve("ledger"))) {
      for (Path file : files.toList()) {
        Files.copy(file, other.resolve("ledger").resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path forged = dir.resolve("forged-status.jwt");
    assertThat(CommandRun.of("status", "publish", "--dir", other.toString(), "--out", forged.toString()).exitCode()).isZero();
    CommandRun run = CommandRun.of("verify", "--jwks", dir.resolve("jwks.json").toString(), "--status", forged.toString(),
        proofs().get(0).toString());
    assertThat(run.out()).contains("INVALID STATUS_LIST_INVALID: ").contains("UNKNOWN_KEY");
  }

  @Test
  void proofsSignedBeforeARotationVerifyUntilTheirKeyIsRetired() throws Exception {
    Path keys = dir.resolve("keys");
    assertThat(CommandRun.of("keys", "generate", "--out", keys.toString()).exitCode()).isZero();
    String oldKid = com.nimbusds.jose.jwk.JWK.parse(Files.readString(keys.resolve("signing-key.jwk"))).getKeyID();
    CommandRun issued = CommandRun.of("issue", "--order", dev.openproof.core.testing.SampleFiles.file("order-ru.json").toString(),
        "--key", keys.resolve("signing-key.jwk").toString(), "--out", dir.resolve("out").toString());
    assertThat(issued.exitCode()).as(issued.toString()).isZero();
    Path proof;
    try (Stream<Path> files = Files.list(dir.resolve("out/proofs"))) {
      proof = files.findFirst().orElseThrow();
    }

    CommandRun rotate = CommandRun.of("keys", "rotate", "--dir", keys.toString());
    assertThat(rotate.exitCode()).as(rotate.toString()).isZero();
    String newKid = com.nimbusds.jose.jwk.JWK.parse(Files.readString(keys.resolve("signing-key.jwk"))).getKeyID();
    assertThat(newKid).isNotEqualTo(oldKid);
    assertThat(keys.resolve("retired").resolve(oldKid + ".jwk")).exists();
    String jwks = keys.resolve("jwks.json").toString();
    assertThat(CommandRun.of("verify", "--jwks", jwks, proof.toString()).out()).contains(": VALID ");

    assertThat(CommandRun.of("keys", "retire", newKid, "--dir", keys.toString()).exitCode()).isEqualTo(1);
    assertThat(CommandRun.of("keys", "retire", oldKid, "--dir", keys.toString()).exitCode()).isZero();
    assertThat(keys.resolve("retired").resolve(oldKid + ".jwk")).doesNotExist();
    assertThat(CommandRun.of("verify", "--jwks", jwks, proof.toString()).out()).contains(": INVALID UNKNOWN_KEY: ");
  }
}
