package dev.openproof.spring;

import dev.openproof.core.event.FulfillmentEvent;
import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.model.Route;
import dev.openproof.core.port.FulfillmentListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The workflow's Micrometer metrics, from its events and from {@link OpenProofOperations}:
 *
 * <ul>
 *   <li>{@code openproof.orders} (route, outcome {@code new}/{@code replayed}/{@code failed}) and
 *       the timer {@code openproof.fulfill} (outcome);
 *   <li>{@code openproof.proofs.issued}, {@code openproof.proofs.revoked}, {@code
 *       openproof.proofs.suspended}, {@code openproof.proofs.reinstated};
 *   <li>{@code openproof.deliveries} (kind, outcome {@code delivered}/{@code retrying}/{@code
 *       failed}, failure {@code none}/{@code transient}/{@code permanent}/{@code unknown});
 *   <li>where the ledger is JDBC: the gauges {@code openproof.deliveries.pending} and {@code
 *       openproof.status.list.fill} (list), read from the ledger and so shared by every instance.
 * </ul>
 *
 * @since 0.1.0
 */
public final class OpenProofMetrics implements FulfillmentListener, FulfillmentMeter {
  private final MeterRegistry registry;
  private final @Nullable LedgerCounts counts;
  private final Set<String> listGauges = ConcurrentHashMap.newKeySet();

  /**
   * Creates the metrics and registers the gauges.
   *
   * @param registry where the meters go
   * @param counts the ledger's counts, or {@code null} where the ledger is not JDBC
   */
  public OpenProofMetrics(MeterRegistry registry, @Nullable LedgerCounts counts) {
    this.registry = registry;
    this.counts = counts;
    if (counts != null) {
      Gauge.builder("openproof.deliveries.pending", counts, c -> c.deliveries("PENDING"))
          .description("Deliveries waiting for an attempt, in the shared ledger").register(registry);
      registerListGauges();
    }
  }

  @Override
  public void on(FulfillmentEvent event) {
    if (event instanceof FulfillmentEvent.ProofIssued) {
      registry.counter("openproof.proofs.issued").increment();
      registerListGauges();
    } else if (event instanceof FulfillmentEvent.ProofRevoked) {
      registry.counter("openproof.proofs.revoked").increment();
    } else if (event instanceof FulfillmentEvent.ProofDelivered delivered) {
      delivery(delivered.kind().name(), "delivered", "none").increment();
    } else if (event instanceof FulfillmentEvent.DeliveryFailed failed) {
      String kind = failed.failure().kind().name();
      delivery("ANY", failed.willRetry() ? "retrying" : "failed", kind).increment();
    }
  }

  @Override
  public void fulfilled(@Nullable Route route, @Nullable Boolean replayed, long nanos) {
    String outcome = replayed == null ? "failed" : replayed ? "replayed" : "new";
    Counter.builder("openproof.orders").description("Orders fulfilled, by route and outcome")
        .tag("route", route == null ? "none" : route.name().toLowerCase(Locale.ROOT)).tag("outcome", outcome)
        .register(registry).increment();
    Timer.builder("openproof.fulfill").description("Time of one fulfill call").tag("outcome", outcome)
        .register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void statusChanged(ProofStatus status) {
    registry.counter(status == ProofStatus.SUSPENDED ? "openproof.proofs.suspended" : "openproof.proofs.reinstated")
        .increment();
  }

  private Counter delivery(String kind, String outcome, String failure) {
    return Counter.builder("openproof.deliveries").description("Delivery attempts, by outcome and failure kind")
        .tag("kind", kind.toLowerCase(Locale.ROOT)).tag("outcome", outcome)
        .tag("failure", failure.toLowerCase(Locale.ROOT)).register(registry);
  }

  private void registerListGauges() {
    LedgerCounts c = counts;
    if (c == null) {
      return;
    }
    // Until the first list is known, a kept reading may predate it: ask the ledger itself.
    for (String uri : (listGauges.isEmpty() ? c.statusListFillNow() : c.statusListFill()).keySet()) {
      if (listGauges.add(uri)) {
        Gauge.builder("openproof.status.list.fill", c, x -> x.statusListFill().getOrDefault(uri, 0.0))
            .description("Places given out in a status list, over its capacity").tag("list", uri).register(registry);
      }
    }
  }
}
