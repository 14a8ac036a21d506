package dev.openproof.benchmarks.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.openproof.core.exchange.DeliveryOutcome;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.mail.SmtpProofDelivery;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A batch of 1,000 proof mails to an SMTP server on 127.0.0.1: over one connection
 * ({@code deliverAll}) against one connection per message ({@code deliver} each). The score is in
 * messages per second; {@link MailBatchRatio} runs both and prints their ratio.
 *
 * <p>{@code server=greenmail} is GreenMail, a real SMTP server that parses and stores every message;
 * {@code server=sink} is {@link SmtpSink}, which discards them, so that the client's cost shows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class MailBatchBenchmark {
  /** Messages in one batch. */
  static final int BATCH = 1000;

  /** Which local server receives the mail. */
  @Param({"sink", "greenmail"})
  public String server;

  private @Nullable GreenMail greenMail;
  private @Nullable SmtpSink sink;
  private SmtpProofDelivery delivery;
  private List<DeliveryRequest> requests;

  /** Starts the server on 127.0.0.1 and prepares the batch. */
  @Setup(Level.Trial)
  public void start() throws IOException {
    int port;
    if ("greenmail".equals(server)) {
      GreenMail started = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
      started.start();
      greenMail = started;
      port = started.getSmtp().getPort();
    } else {
      SmtpSink started = new SmtpSink();
      sink = started;
      port = started.port();
    }
    delivery = MailRequests.delivery(port);
    requests = MailRequests.batch(BATCH);
  }

  /** Empties GreenMail's mailboxes so that memory stays flat. */
  @TearDown(Level.Invocation)
  public void purge() throws Exception {
    GreenMail running = greenMail;
    if (running != null) {
      running.purgeEmailFromAllMailboxes();
    }
  }

  /** Stops the server. */
  @TearDown(Level.Trial)
  public void stop() throws IOException {
    GreenMail running = greenMail;
    if (running != null) {
      running.stop();
    }
    SmtpSink open = sink;
    if (open != null) {
      open.close();
    }
  }

  /** The batch over one connection. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int oneConnection() {
    return check(delivery.deliverAll(requests));
  }

  /** The batch with one connection per message. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int connectionPerMessage() {
    int sent = 0;
    for (DeliveryRequest request : requests) {
      delivery.deliver(request);
      sent++;
    }
    return sent;
  }

  private static int check(List<DeliveryOutcome> outcomes) {
    for (DeliveryOutcome outcome : outcomes) {
      if (outcome instanceof DeliveryOutcome.Failed failed) {
        throw failed.failure();
      }
    }
    return outcomes.size();
  }
}
