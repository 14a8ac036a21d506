package dev.openproof.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.testing.SampleFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed mail is never silent: exit statuses, the summary's lines, and what a rerun does. */
class MailFailureCommandTest {
  @TempDir
  Path dir;

  private RecipientScriptedSmtp smtp;

  @BeforeEach
  void start() throws Exception {
    smtp = new RecipientScriptedSmtp();
  }

  @AfterEach
  void stop() throws Exception {
    smtp.close();
  }

  private CommandRun demo(String... tls) {
    String[] base = {"demo", "--out", dir.resolve("demo").toString(), "--smtp", smtp.address()};
    String[] args = java.util.Arrays.copyOf(base, base.length + tls.length);
    System.arraycopy(tls, 0, args, base.length, tls.length);
    return CommandRun.of(args);
  }

  private CommandRun issue(String... tls) {
    String[] base = {"issue", "--order", SampleFiles.file("order-ru.json").toString(),
        "--key", dir.resolve("keys/signing-key.jwk").toString(), "--out", dir.resolve("out").toString(),
        "--smtp", smtp.address()};
    String[] args = java.util.Arrays.copyOf(base, base.length + tls.length);
    System.arraycopy(tls, 0, args, base.length, tls.length);
    return CommandRun.of(args);
  }

  @Test
  void theDemoNamesEachUndeliveredProofWithItsClassAndReplyAndExitsThree() {
    smtp.rcpt("it@romashka.example.test", "451 4.7.1 greylisted, try later")
        .rcpt("it@baeckerei-schaefer.example.test", "550 5.1.1 no such mailbox");

    CommandRun run = demo("--smtp-tls", "NONE");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitStatus.UNDELIVERED);
    assertThat(run.out()).contains("3 sent straight to customers, 1 waiting for a retry, 1 failed for good")
        .containsPattern("not delivered   it@romashka.example.test \\(license \\d+\\): PENDING TRANSIENT 451: .*greylisted")
        .containsPattern("not delivered   it@baeckerei-schaefer.example.test \\(license \\d+\\): FAILED PERMANENT 550: .*no such mailbox");

    // Straight after, the 451 is not due yet: still named, still exit 3, nothing sent twice.
    smtp.acceptAll();
    CommandRun again = demo("--smtp-tls", "NONE");
    assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitStatus.UNDELIVERED);
    assertThat(again.out()).contains("0 sent straight to customers, 1 waiting for a retry, 1 failed for good")
        .contains("not delivered   it@romashka.example.test", "not delivered   it@baeckerei-schaefer.example.test");
    assertThat(smtp.accepted()).hasSize(3);
  }

  @Test
  void aServerWithoutStartTlsIsAConfigurationErrorAndTheRerunWithTheFixSendsEveryProof() {
    CommandRun run = demo();

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitStatus.MAIL_CONFIGURATION);
    assertThat(run.err()).contains("MAIL_CONFIGURATION", "does not offer STARTTLS", "--smtp-tls NONE for a local test server")
        .doesNotContain("at dev.openproof");
    assertThat(run.out()).contains("0 sent straight to customers, 5 waiting for a retry");
    assertThat(smtp.commands()).noneMatch(c -> c.startsWith("RCPT"));

    CommandRun fixed = demo("--smtp-tls", "NONE");
    assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
    assertThat(fixed.out()).contains("5 sent straight to customers, 0 waiting for a retry, 0 failed for good");
    assertThat(smtp.accepted()).hasSize(5);
  }

  @Test
  void issueExitsThreeOnA451AndOnA550AndNamesTheReply() throws Exception {
    CommandRun.of("keys", "generate", "--out", dir.resolve("keys").toString());
    smtp.rcpt("it@romashka.example.test", "451 4.3.0 mailbox busy");
    CommandRun busy = issue("--smtp-tls", "NONE");
    assertThat(busy.exitCode()).as(busy.toString()).isEqualTo(ExitStatus.UNDELIVERED);
    assertThat(busy.out()).contains("mail     PENDING to it@romashka.example.test via " + smtp.address(),
        "TRANSIENT 451", "mailbox busy");

    // Another server now: the delivery is not due, and the old reply is not shown as the new server's.
    try (RecipientScriptedSmtp other = new RecipientScriptedSmtp()) {
      CommandRun rerun = CommandRun.of("issue", "--order", SampleFiles.file("order-ru.json").toString(),
          "--key", dir.resolve("keys/signing-key.jwk").toString(), "--out", dir.resolve("out").toString(),
          "--smtp", other.address(), "--smtp-tls", "NONE");
      assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(ExitStatus.UNDELIVERED);
      assertThat(rerun.out()).contains("was fulfilled before", "PENDING to it@romashka.example.test (not attempted now)")
          .doesNotContain("via " + other.address());
    }
  }

  @Test
  void issueExitsThreeOnAPermanentRefusal() {
    CommandRun.of("keys", "generate", "--out", dir.resolve("keys").toString());
    smtp.rcpt("it@romashka.example.test", "550 5.1.1 user unknown");
    CommandRun run = issue("--smtp-tls", "NONE");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitStatus.UNDELIVERED);
    assertThat(run.out()).contains("FAILED to it@romashka.example.test", "PERMANENT 550", "user unknown");
  }

  @Test
  void issueReportsAConfigurationErrorAtOnceAndTheFixedRerunSendsThroughTheServerGivenNow() {
    CommandRun.of("keys", "generate", "--out", dir.resolve("keys").toString());
    CommandRun wrong = issue();
    assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(ExitStatus.MAIL_CONFIGURATION);
    assertThat(wrong.err()).contains("MAIL_CONFIGURATION", "--smtp-tls NONE");
    assertThat(wrong.err().lines()).hasSize(2);

    CommandRun fixed = issue("--smtp-tls", "NONE");
    assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
    assertThat(fixed.out()).contains("was fulfilled before", "mail     DELIVERED to it@romashka.example.test via " + smtp.address());
    assertThat(smtp.accepted()).containsExactly("it@romashka.example.test");
  }
}
