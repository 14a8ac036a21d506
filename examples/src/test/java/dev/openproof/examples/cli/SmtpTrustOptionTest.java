package dev.openproof.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --smtp-trust FILE}: a file that is no trust store, or a trust file without a server, stops the command at once. */
class SmtpTrustOptionTest {
  @TempDir
  Path dir;

  @Test
  void aFileThatIsNoTrustStoreIsNamedAndNothingIsSent() throws Exception {
    Path junk = Files.writeString(dir.resolve("relay-ca.pem.txt"), "this is not a certificate");

    CommandRun run = CommandRun.of("demo", "--out", dir.resolve("out").toString(),
        "--smtp", "127.0.0.1:25", "--smtp-trust", junk.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("relay-ca.pem.txt", "neither a PEM file of certificates nor a PKCS#12 store");
    assertThat(dir.resolve("out").resolve("ledger.mv.db")).doesNotExist();
  }

  @Test
  void aTrustFileWithoutARealServerIsRefused() throws Exception {
    Path junk = Files.writeString(dir.resolve("ca.pem"), "unused");

    CommandRun run = CommandRun.of("demo", "--out", dir.resolve("out").toString(), "--smtp-trust", junk.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("a trust file is for a real SMTP server (--smtp)");
  }
}
