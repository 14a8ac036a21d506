package dev.openproof.benchmarks.mail;

import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.testing.SampleOrders;
import dev.openproof.mail.SmtpProofDelivery;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Proof mails composed per second, in memory: texts rendered as plain text and HTML, the MIME tree
 * built and written out as it would go on the wire (to a stream that discards it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class MailComposeBenchmark {
  /** The sample: a Russian customer with two products, or a German subscription. */
  @Param({"ru", "de"})
  public String sample;

  private SmtpProofDelivery delivery;
  private DeliveryRequest request;

  /** Builds the delivery (it never connects) and the request. */
  @Setup
  public void setUp() {
    delivery = MailRequests.delivery(25);
    request = MailRequests.of("ru".equals(sample) ? SampleOrders.russian() : SampleOrders.germanSubscription());
  }

  /** Composes one message and writes it out. */
  @Benchmark
  public void compose() {
    delivery.writeMessage(request, OutputStream.nullOutputStream());
  }
}
