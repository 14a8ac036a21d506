package dev.openproof.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.openproof.core.exchange.DeliveryException;
import dev.openproof.core.exchange.FailureKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each way a delivery can fail, against a scripted server on 127.0.0.1, and the kind it gets. */
class FailureClassificationTest {
  private final ScriptedSmtpServer server = ScriptedSmtpServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private DeliveryException failure() {
    SmtpProofDelivery delivery = SmtpProofDelivery.create(Mails.settings(server.port()).readTimeout(Duration.ofMillis(500)).build());
    return catchThrowableOfType(DeliveryException.class, () -> delivery.deliver(Mails.russian("d-fail")));
  }

  @Test
  void a451AtDataIsTransientWithItsReplyCode() {
    server.reply("DATA", "451 4.3.0 Temporary local problem, try later");

    DeliveryException e = failure();

    assertThat(e.kind()).isEqualTo(FailureKind.TRANSIENT);
    assertThat(e.replyCode()).isEqualTo(OptionalInt.of(451));
    assertThat(e.getMessage()).contains("451", "DATA", "Temporary local problem");
  }

  @Test
  void a451AfterTheDataIsTransient() {
    server.endOfData(n -> "451 4.7.1 Greylisted, come back later");

    DeliveryException e = failure();

    assertThat(e.kind()).isEqualTo(FailureKind.TRANSIENT);
    assertThat(e.replyCode()).isEqualTo(OptionalInt.of(451));
    assertThat(server.messages()).isEmpty();
  }

  @Test
  void a452AtRcptIsTransient() {
    server.reply("RCPT", "452 4.2.2 Mailbox full");

    DeliveryException e = failure();

    assertThat(e.kind()).isEqualTo(FailureKind.TRANSIENT);
    assertThat(e.replyCode()).isEqualTo(OptionalInt.of(452));
  }

  @Test
  void a550AtRcptIsPermanent() {
    server.reply("RCPT", "550 5.1.1 No such user");

    DeliveryException e = failure();

    assertThat(e.kind()).isEqualTo(FailureKind.PERMANENT);
    assertThat(e.replyCode()).isEqualTo(OptionalInt.of(550));
    assertThat(e.getMessage()).contains("RCPT TO", "No such user");
  }

  @Test
  void a553AtMailFromIsPermanent() {
    server.reply("MAIL", "553 5.7.1 Sender address rejected");

    DeliveryException e = failure();

    assertThat(e.kind()).isEqualTo(FailureKind.PERMANENT);
    assertThat(e.replyCode()).isEqualTo(OptionalInt.of(553));
  }

  @Test
  void a554AfterTheDataIsPermanent() {
    server.endOfData(n -> "554 5.7.1 Message rejected as spam");

    DeliveryException e = failure();

    assertThat(e.kind()).isEqualTo(FailureKind.PERMANENT);
    assertThat(e.replyCode()).isEqualTo(OptionalInt.of(554));
  }

  @Test
  void aTimeoutBeforeDataIsTransient() {
    server.reply("RCPT", ScriptedSmtpServer.HANG);

    DeliveryException e = failure();

    assertThat(e.kind()).isEqualTo(FailureKind.TRANSIENT);
    assertThat(e.replyCode()).isEmpty();
    assertThat(e.getMessage()).contains("RCPT TO", "before the message was handed over", "SocketTimeoutException");
  }

  @Test
  void aTimeoutAfterTheDataIsUnknown() {
    server.endOfData(n -> ScriptedSmtpServer.HANG);

    DeliveryException e = failure();

    assertThat(e.kind()).isEqualTo(FailureKind.UNKNOWN);
    assertThat(e.reasonCode()).isEqualTo("DELIVERY_UNKNOWN");
    assertThat(e.getMessage()).contains("after the message was sent");
  }

  @Test
  void aConnectionDroppedAfterTheDataIsUnknown() {
    server.endOfData(n -> ScriptedSmtpServer.DROP);

    assertThat(failure().kind()).isEqualTo(FailureKind.UNKNOWN);
  }

  @Test
  void aConnectionDroppedAtDataIsTransient() {
    server.reply("DATA", ScriptedSmtpServer.DROP);

    DeliveryException e = failure();

    assertThat(e.kind()).isEqualTo(FailureKind.TRANSIENT);
    assertThat(e.replyCode()).isEmpty();
  }

  @Test
  void a421GreetingIsTransient() {
    server.reply("GREETING", "421 4.3.2 Too many connections");

    DeliveryException e = failure();

    assertThat(e.kind()).isEqualTo(FailureKind.TRANSIENT);
    assertThat(e.replyCode()).isEqualTo(OptionalInt.of(421));
  }

  @Test
  void aServerWithoutStartTlsIsAConfigurationErrorWhenStartTlsIsRequired() {
    SmtpProofDelivery delivery = SmtpProofDelivery.create(Mails.settings(server.port()).tls(TlsMode.STARTTLS_REQUIRED).build());

    DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> delivery.deliver(Mails.russian("d-tls")));

    assertThat(e.kind()).isEqualTo(FailureKind.CONFIGURATION);
    assertThat(e.getMessage()).contains("does not offer STARTTLS", "STARTTLS_REQUIRED", "local test server");
    assertThat(server.commands()).noneMatch(c -> c.startsWith("MAIL") || c.startsWith("RCPT"));
  }

  @Test
  void implicitTlsToAPlainServerIsAConfigurationError() {
    SmtpProofDelivery delivery = SmtpProofDelivery.create(Mails.settings(server.port()).tls(TlsMode.IMPLICIT)
        .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(5)).build());

    DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> delivery.deliver(Mails.russian("d-implicit")));

    assertThat(e.kind()).isEqualTo(FailureKind.CONFIGURATION);
    assertThat(e.getMessage()).contains("no TLS session");
  }

  @Test
  void aRefusedLoginIsAConfigurationError() {
    server.ehlo("250-fake.example.test\r\n250 AUTH PLAIN LOGIN").reply("AUTH", "535 5.7.8 authentication credentials invalid");
    SmtpProofDelivery delivery = SmtpProofDelivery.create(Mails.settings(server.port())
        .authentication("licensing", "wrong-password").build());

    DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> delivery.deliver(Mails.russian("d-auth")));

    assertThat(e.kind()).isEqualTo(FailureKind.CONFIGURATION);
    assertThat(e.getMessage()).contains("refused the login").doesNotContain("wrong-password");
  }

  @Test
  void anUnknownHostIsAConfigurationErrorAndTheRestOfTheBatchToo() {
    SmtpProofDelivery delivery = SmtpProofDelivery.create(SmtpSettings.builder().host("no-such-host.invalid").port(2525)
        .tls(TlsMode.NONE).from("licensing@vendor.example.test", "Licensing").connectTimeout(Duration.ofSeconds(5)).build());

    var outcomes = delivery.deliverAll(java.util.List.of(Mails.russian("d-host-1"), Mails.german("d-host-2")));

    assertThat(outcomes).allSatisfy(o -> {
      assertThat(o).isInstanceOf(dev.openproof.core.exchange.DeliveryOutcome.Failed.class);
      DeliveryException f = ((dev.openproof.core.exchange.DeliveryOutcome.Failed) o).failure();
      assertThat(f.kind()).isEqualTo(FailureKind.CONFIGURATION);
      assertThat(f.getMessage()).contains("host name is not known");
    });
  }

  @Test
  void aRefusedConnectionIsTransient() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    DeliveryException e = catchThrowableOfType(DeliveryException.class,
        () -> Mails.delivery(closedPort).deliver(Mails.russian("d-refused")));

    assertThat(e.kind()).isEqualTo(FailureKind.TRANSIENT);
    assertThat(e.getMessage()).contains("could not open an SMTP session with 127.0.0.1:" + closedPort);
  }

  @Test
  void aStoppedGreenMailIsTransientNotACrash() {
    GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    greenMail.start();
    int port = greenMail.getSmtp().getPort();
    SmtpProofDelivery delivery = Mails.delivery(port);
    delivery.deliver(Mails.russian("d-before-stop"));
    greenMail.stop();

    DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> delivery.deliver(Mails.russian("d-after-stop")));

    assertThat(e.kind()).isEqualTo(FailureKind.TRANSIENT);
    assertThat(e.kind().retryable()).isTrue();
  }
}
