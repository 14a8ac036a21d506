package dev.openproof.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.openproof.core.exchange.DeliveryOutcome;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.FailureKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BatchDeliveryTest {
  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL = GreenMailServers.smtp();

  private final ScriptedSmtpServer server = ScriptedSmtpServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private static List<DeliveryRequest> requests(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(Mails::numbered).toList();
  }

  private static long delivered(List<DeliveryOutcome> outcomes) {
    return outcomes.stream().filter(DeliveryOutcome.Delivered.class::isInstance).count();
  }

  @Test
  void aBatchOfAHundredGoesOverOneConnection() {
    List<DeliveryOutcome> outcomes = Mails.delivery(server.port()).deliverAll(requests(100));

    assertThat(delivered(outcomes)).isEqualTo(100);
    assertThat(server.connections()).isEqualTo(1);
    assertThat(server.messages()).hasSize(100);
    assertThat(server.commands().stream().filter(c -> c.startsWith("EHLO")).count()).isEqualTo(1);
    assertThat(server.commands()).noneMatch(c -> c.startsWith("NOOP"));
  }

  @Test
  void aBatchOfAHundredReachesGreenMailInOrder() throws Exception {
    List<DeliveryOutcome> outcomes = Mails.delivery(GREEN_MAIL.getSmtp().getPort()).deliverAll(requests(100));

    assertThat(delivered(outcomes)).isEqualTo(100);
    assertThat(outcomes).extracting(o -> o.request().deliveryId().value())
        .containsExactlyElementsOf(requests(100).stream().map(r -> r.deliveryId().value()).toList());
    assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(100);
    assertThat(GREEN_MAIL.getReceivedMessages()[99].getMessageID()).isEqualTo("<delivery-gen-100@" + Mails.DOMAIN + ">");
  }

  @Test
  void aConnectionTheServerDropsIsReopenedAndTheBatchGoesOn() {
    server.dropAfterMessages(3);

    List<DeliveryOutcome> outcomes = Mails.delivery(server.port()).deliverAll(requests(10));

    assertThat(delivered(outcomes)).isEqualTo(10);
    assertThat(server.messages()).hasSize(10);
    assertThat(server.connections()).isEqualTo(4);
  }

  @Test
  void aConnectionBrokenAfterTheDataMakesThatMessageUnknownAndTheRestGoOnAFreshConnection() {
    server.endOfData(n -> n == 4 ? ScriptedSmtpServer.DROP : "250 2.0.0 queued as " + n);

    List<DeliveryOutcome> outcomes = Mails.delivery(server.port()).deliverAll(requests(8));

    assertThat(outcomes).filteredOn(DeliveryOutcome.Failed.class::isInstance).singleElement()
        .satisfies(o -> {
          assertThat(o.request().deliveryId().value()).isEqualTo("delivery-gen-4");
          assertThat(((DeliveryOutcome.Failed) o).failure().kind()).isEqualTo(FailureKind.UNKNOWN);
        });
    assertThat(delivered(outcomes)).isEqualTo(7);
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void aConnectionBrokenBeforeTheDataEndsIsRetriedOnceOnAFreshConnection() {
    server.endOfData(n -> n == 3 ? "421 4.4.2 Closing connection, idle too long" : "250 2.0.0 queued as " + n);

    List<DeliveryOutcome> outcomes = Mails.delivery(server.port()).deliverAll(requests(5));

    assertThat(delivered(outcomes)).isEqualTo(5);
    assertThat(server.messages()).hasSize(5);
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void aPermanentRefusalInTheMiddleKeepsTheConnection() {
    server.endOfData(n -> n == 2 ? "554 5.7.1 Rejected" : "250 2.0.0 queued as " + n);

    List<DeliveryOutcome> outcomes = Mails.delivery(server.port()).deliverAll(requests(4));

    assertThat(outcomes).extracting(o -> o.getClass().getSimpleName()).containsExactly("Delivered", "Failed", "Delivered", "Delivered");
    assertThat(((DeliveryOutcome.Failed) outcomes.get(1)).failure().replyCode()).hasValue(554);
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void anUnreachableServerFailsTheWholeBatchTransientlyWithoutWaitingForEach() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    List<DeliveryOutcome> outcomes = Mails.delivery(closedPort).deliverAll(requests(5));

    assertThat(outcomes).hasSize(5).allSatisfy(o -> {
      assertThat(o).isInstanceOf(DeliveryOutcome.Failed.class);
      assertThat(((DeliveryOutcome.Failed) o).failure().kind()).isEqualTo(FailureKind.TRANSIENT);
    });
    assertThat(((DeliveryOutcome.Failed) outcomes.get(4)).failure().getMessage()).startsWith("not attempted");
  }
}
