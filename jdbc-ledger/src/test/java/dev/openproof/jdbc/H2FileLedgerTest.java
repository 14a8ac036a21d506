package dev.openproof.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.fulfillment.FulfillmentResult;
import dev.openproof.core.fulfillment.LicenseFulfillment;
import dev.openproof.core.memory.RecordingProofDelivery;
import dev.openproof.core.model.Order;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.exchange.OrderRecord;
import dev.openproof.core.testing.FakeSigner;
import dev.openproof.core.testing.SampleOrders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The embedded H2 file ledger: what one run records, the next run finds, even after a kill. */
class H2FileLedgerTest {
  @TempDir Path directory;

  /** A day when every sample order is still in its term. */
  private final Clock clock = Clock.fixed(Instant.parse("2023-06-01T10:00:00Z"), ZoneOffset.UTC);
  private final List<Order> orders = List.of(SampleOrders.russian(), SampleOrders.beforeCutover(), SampleOrders.germanSubscription());

  @Test
  void aSecondRunFindsEverythingTheFirstRecordedAndAddsNothing() {
    FakeSigner firstSigner = new FakeSigner();
    RecordingProofDelivery firstDelivery = RecordingProofDelivery.create(clock);
    List<FulfillmentResult> first;
    try (JdbcProofLedger ledger = JdbcProofLedger.h2File(directory)) {
      LicenseFulfillment run = LicenseFulfillment.builder().signer(firstSigner).ledger(ledger).delivery(firstDelivery).clock(clock).build();
      first = orders.stream().map(run::fulfill).toList();
    }
    assertThat(directory.resolve("openproof-ledger.mv.db")).isRegularFile();

    FakeSigner secondSigner = new FakeSigner();
    RecordingProofDelivery secondDelivery = RecordingProofDelivery.create(clock);
    try (JdbcProofLedger ledger = JdbcProofLedger.h2File(directory)) {
      assertThat(ledger.migrate()).isZero();
      LicenseFulfillment run = LicenseFulfillment.builder().signer(secondSigner).ledger(ledger).delivery(secondDelivery).clock(clock).build();
      List<FulfillmentResult> second = orders.stream().map(run::fulfill).toList();

      assertThat(second).allMatch(FulfillmentResult::replayed);
      assertThat(second).extracting(FulfillmentResult::issuedProof).isEqualTo(first.stream().map(FulfillmentResult::issuedProof).toList());
      assertThat(second).extracting(FulfillmentResult::invoices)
          .isEqualTo(first.stream().map(FulfillmentResult::invoices).toList());
      assertThat(second).extracting(FulfillmentResult::physicalShipment)
          .isEqualTo(first.stream().map(FulfillmentResult::physicalShipment).toList());
      assertThat(secondSigner.calls()).isZero();
      assertThat(secondDelivery.attempted()).isEmpty();
      assertThat(firstSigner.calls()).isEqualTo(2);
      assertThat(firstDelivery.delivered()).hasSize(2);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"single", "batch"})
  void aKilledRunIsResumedByTheNextWithTheSameProofAndDeliveryId(String path) throws Exception {
    Process child = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
        KilledRun.class.getName(), directory.toString(), path)
        .redirectErrorStream(true)
        .start();
    assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(child.exitValue()).as(output).isEqualTo(KilledRun.KILLED);
    String[] aboutToSend = output.lines().reduce((a, b) -> b).orElseThrow().split(" ");

    Order order = SampleOrders.russian();
    try (JdbcProofLedger ledger = JdbcProofLedger.h2File(directory)) {
      OrderRecord recorded = ledger.findOrder(order.orderId()).orElseThrow();
      assertThat(recorded.completed()).as("a batch completes its orders with their proofs").isEqualTo(path.equals("batch"));
      DeliveryRecord pending = ledger.deliveries(recorded.issuedProofId().orElseThrow()).get(0);
      assertThat(pending.status()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(pending.request().deliveryId().value()).isEqualTo(aboutToSend[0]);
      assertThat(pending.request().signedProof().token()).isEqualTo(aboutToSend[1]);

      Clock afterTheLease = Clock.fixed(Instant.now().plus(Duration.ofMinutes(6)), ZoneOffset.UTC);
      RecordingProofDelivery delivery = RecordingProofDelivery.create(afterTheLease);
      FakeSigner signer = new FakeSigner();
      LicenseFulfillment next = LicenseFulfillment.builder().signer(signer).ledger(ledger).delivery(delivery)
          .clock(afterTheLease).build();
      assertThat(next.redeliverPending().delivered()).isEqualTo(1);
      assertThat(delivery.delivered()).containsExactly(pending.request());
      assertThat(next.fulfill(order).firstDelivery().orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
      assertThat(signer.calls()).isZero();
    }
  }

  @Test
  void aDirectoryWhoseNameH2CannotTakeIsRefused() {
    assertThatThrownBy(() -> JdbcProofLedger.h2File(directory.resolve("a;INIT=RUNSCRIPT FROM 'x'")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String javaCommand() {
    return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
