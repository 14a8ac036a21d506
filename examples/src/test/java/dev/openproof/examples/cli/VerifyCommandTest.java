package dev.openproof.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import dev.openproof.core.model.StatusReference;
import dev.openproof.jwt.JwsProofSigner;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.Jwks;
import dev.openproof.jwt.key.SigningKey;
import dev.openproof.jwt.status.StatusListTokenSigner;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code openproof verify} given hostile inputs: each gives one clear line, never an exhausted memory. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class VerifyCommandTest {
  @TempDir
  Path dir;

  private final SigningKey key = SigningKey.generate(JwsAlgorithm.ES256);
  private Path jwks;

  @BeforeEach
  void publishKeys() {
    jwks = dir.resolve("jwks.json");
    Jwks.write(jwks, new JWKSet(key.publicJwk()));
  }

  private Path proof(String name) throws IOException {
    String token = JwsProofSigner.of(key, OpenProofCommand.DEFAULT_ISSUER).sign(Proofs.sample()).token();
    return Files.writeString(dir.resolve(name), token + "\n");
  }

  private static void assertOneLine(String text) {
    assertThat(text.strip()).doesNotContain("\n").doesNotContain("at dev.openproof").doesNotContain("Exception");
  }

  @Test
  void aJwksFromADeviceThatNeverEndsIsRefusedInOneLine() throws IOException {
    CommandRun run = CommandRun.of("verify", "--jwks", "/dev/zero", proof("a.jwt").toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).as(run.toString()).contains("JWKS_TOO_LARGE", "/dev/zero", "larger than");
    assertOneLine(run.err());
  }

  @Test
  void aTokenFromADeviceThatNeverEndsIsInvalidInOneLine() throws IOException {
    CommandRun run = CommandRun.of("verify", "--jwks", jwks.toString(), "/dev/zero", proof("a.jwt").toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).as(run.toString()).contains("/dev/zero: INVALID TOO_LARGE: ").contains("a.jwt: VALID ");
  }

  @Test
  void aStatusListFromADeviceThatNeverEndsIsRefusedInOneLine() throws IOException {
    CommandRun run = CommandRun.of("verify", "--jwks", jwks.toString(), "--status", "/dev/zero", proof("a.jwt").toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).as(run.toString()).contains("STATUS_UNAVAILABLE", "larger than");
    assertOneLine(run.err());
  }

  @Test
  void aTokenFromAPipeThatNeverEndsIsInvalidInOneLine() throws Exception {
    Path fifo = dir.resolve("endless.jwt");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();
    Thread writer = new Thread(() -> {
      byte[] chunk = "eyJhbGciOi".repeat(100).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      try (OutputStream out = Files.newOutputStream(fifo)) {
        for (int i = 0; i < 100_000; i++) { // at most 100 MB: ends when the reader hangs up
          out.write(chunk);
        }
      } catch (IOException expected) {
        // the reader closed the pipe
      }
    });
    writer.setDaemon(true);
    writer.start();
    CommandRun run = CommandRun.of("verify", "--jwks", jwks.toString(), fifo.toString());
    writer.join(TimeUnit.MINUTES.toMillis(1));
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).as(run.toString()).contains("endless.jwt: INVALID TOO_LARGE: ");
  }

  @Test
  void aJwksWithTrailingContentOrATwiceNamedMemberIsRefusedAndNamed() throws IOException {
    String published = Files.readString(jwks);
    Path trailing = Files.writeString(dir.resolve("trailing.json"), published + "{\"keys\":[]}");
    CommandRun run = CommandRun.of("verify", "--jwks", trailing.toString(), proof("a.jwt").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).as(run.toString()).contains("JWKS_MALFORMED", "after its JSON object");
    assertOneLine(run.err());

    Path twice = Files.writeString(dir.resolve("twice.json"), published.replaceFirst("\\{", "{\"keys\":[],"));
    CommandRun again = CommandRun.of("verify", "--jwks", twice.toString(), proof("a.jwt").toString());
    assertThat(again.err()).as(again.toString()).contains("JWKS_MALFORMED", "keys appears twice");
  }

  @Test
  void aFolderOrAMissingFileGivenAsATokenIsUnreadable() throws IOException {
    CommandRun run = CommandRun.of("verify", "--jwks", jwks.toString(), dir.toString(), dir.resolve("missing.jwt").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).as(run.toString()).contains(": INVALID UNREADABLE: cannot read the file (it is a folder)")
        .contains("missing.jwt: INVALID UNREADABLE: cannot read the file (no such file)");
  }

  @Test
  void aStatusFolderCoversEveryListOfTheIssuer() throws IOException {
    String base = OpenProofCommand.DEFAULT_ISSUER + "/status";
    byte[] first = new byte[8];
    byte[] second = new byte[8];
    second[5] = 1; // revoked
    Path status = Files.createDirectories(dir.resolve("status"));
    StatusListTokenSigner lists = StatusListTokenSigner.builder(key).issuer(OpenProofCommand.DEFAULT_ISSUER).build();
    Files.writeString(status.resolve("1.jwt"), lists.sign(base + "/1", first) + "\n");
    Files.writeString(status.resolve("2.jwt"), lists.sign(base + "/2", second) + "\n");
    JwsProofSigner signer = JwsProofSigner.of(key, OpenProofCommand.DEFAULT_ISSUER);
    Path onFirst = write("first.jwt", signer.sign(Proofs.of("P-1", "100000001", new StatusReference(5, base + "/1"))).token());
    Path revoked = write("revoked.jwt", signer.sign(Proofs.of("P-2", "100000002", new StatusReference(5, base + "/2"))).token());
    Path onSecond = write("second.jwt", signer.sign(Proofs.of("P-3", "100000003", new StatusReference(4, base + "/2"))).token());
    Path elsewhere = write("elsewhere.jwt",
        signer.sign(Proofs.of("P-4", "100000004", new StatusReference(4, "https://evil.test/status/1"))).token());

    CommandRun run = CommandRun.of("verify", "--jwks", jwks.toString(), "--status", status.toString(),
        onFirst.toString(), revoked.toString(), onSecond.toString(), elsewhere.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).as(run.toString())
        .contains("first.jwt: VALID ", "revoked.jwt: INVALID REVOKED: ", "second.jwt: VALID ",
            "elsewhere.jwt: INVALID STATUS_LIST_UNTRUSTED: ");
  }

  @Test
  void aStatusUrlEndingInASlashIsATrustedPrefixAndPlainHttpElsewhereIsRefused() throws IOException {
    CommandRun run = CommandRun.of("verify", "--jwks", jwks.toString(), "--status", "http://status.example.test/status/",
        proof("a.jwt").toString());
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).as(run.toString()).contains("https");
    assertOneLine(run.err());
  }

  private Path write(String name, String token) throws IOException {
    return Files.writeString(dir.resolve(name), token + "\n");
  }
}
