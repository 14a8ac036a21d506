package dev.openproof.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.testing.SampleFiles;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files as ssh treats them: owner-only whatever the umask, no link followed, open ones refused. */
class KeyFilePermissionsTest {
  @TempDir
  Path dir;

  @Test
  void keysGenerateUnderUmask000MakesAnOwnerOnlyFolderAndFiles() throws Exception {
    Path keys = dir.resolve("keys");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c",
        "umask 000 && exec \"$JAVA\" -cp \"$CP\" dev.openproof.examples.cli.OpenProofCommand keys generate --out \"$OUT\"");
    builder.environment().put("JAVA", java);
    builder.environment().put("CP", System.getProperty("java.class.path"));
    builder.environment().put("OUT", keys.toString());
    builder.redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile());
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(dir.resolve("log.txt"))).isZero();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("signing-key.jwk")))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("jwks.json")))).isEqualTo("rw-r--r--");
  }

  @Test
  void keysGenerateReplacesALinkPlantedAtJwksJsonAndLeavesItsTargetAlone() throws Exception {
    Path keys = Files.createDirectories(dir.resolve("keys"));
    Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
    Files.createSymbolicLink(keys.resolve("jwks.json"), victim);

    CommandRun run = CommandRun.of("keys", "generate", "--out", keys.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(Files.readString(victim)).isEqualTo("precious");
    assertThat(Files.isSymbolicLink(keys.resolve("jwks.json"))).isFalse();
    assertThat(Files.isRegularFile(keys.resolve("jwks.json"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    assertThat(Files.readString(keys.resolve("jwks.json"))).contains("\"kid\"");
  }

  @Test
  void issueRefusesAPrivateKeyFileOthersMayRead() throws Exception {
    CommandRun.of("keys", "generate", "--out", dir.resolve("keys").toString());
    Path key = dir.resolve("keys/signing-key.jwk");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

    CommandRun run = CommandRun.of("issue", "--order", SampleFiles.file("order-ru.json").toString(),
        "--key", key.toString(), "--out", dir.resolve("out").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("may be read by others", "chmod 600").doesNotContain("\"d\"").doesNotContain("at dev.");
    assertThat(dir.resolve("out/ledger")).doesNotExist();
  }

  @Test
  void theDemoRefusesAFolderWhosePrivateKeyOthersMayRead() throws Exception {
    Path out = dir.resolve("demo");
    assertThat(CommandRun.of("keys", "generate", "--out", out.resolve("keys").toString()).exitCode()).isZero();
    Files.setPosixFilePermissions(out.resolve("keys/signing-key.jwk"), PosixFilePermissions.fromString("rw-rw----"));

    CommandRun run = CommandRun.of("demo", "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("may be read by others");
    assertThat(out.resolve("ledger")).doesNotExist();
  }
}
