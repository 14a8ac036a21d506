package dev.openproof.core.fulfillment;

import dev.openproof.core.exchange.DeliveryException;
import dev.openproof.core.exchange.DeliveryOutcome;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.exchange.FailureKind;
import dev.openproof.core.model.DeliveryId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The first deliveries of a batch: claimed in one ledger call, handed to the delivery port's
 * {@code deliverAll} together, the successes recorded in one call; a failure is recorded as a single
 * attempt's is, and retried later ({@link Workflow#recordAll}). Thread-safe.
 */
final class BatchDelivery {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final Workflow workflow;

  BatchDelivery(Workflow workflow) {
    this.workflow = workflow;
  }

  /**
   * Sends the pending ones of these first deliveries, claiming those {@code owner} does not hold
   * already; returns every delivery's record afterwards, in the same order.
   */
  List<DeliveryRecord> deliver(List<DeliveryRecord> firsts, List<Boolean> held, String owner) {
    List<DeliveryRecord> after = new ArrayList<>(firsts);
    List<Integer> pending = new ArrayList<>();
    List<DeliveryId> ids = new ArrayList<>();
    List<Integer> sent = new ArrayList<>();
    List<DeliveryRequest> requests = new ArrayList<>();
    for (int k = 0; k < firsts.size(); k++) {
      if (firsts.get(k).status() != DeliveryStatus.PENDING) {
        continue;
      }
      if (held.get(k)) {
        sent.add(k);
        requests.add(firsts.get(k).request());
      } else {
        pending.add(k);
        ids.add(firsts.get(k).request().deliveryId());
      }
    }
    List<Boolean> claimed = ids.isEmpty() ? List.of()
        : workflow.ledger().claimDeliveries(ids, owner, workflow.now(), workflow.settings.deliveryLease());
    for (int p = 0; p < pending.size(); p++) {
      int k = pending.get(p);
      if (claimed.get(p)) {
        sent.add(k);
        requests.add(firsts.get(k).request());
      } else {
        // Another caller holds it (a redelivery run): its record as it stands.
        after.set(k, workflow.ledger().findDelivery(ids.get(p)).orElse(firsts.get(k)));
      }
    }
    if (requests.isEmpty()) {
      return after;
    }
    List<DeliveryRecord> records = workflow.recordAll(attemptAll(requests));
    for (int s = 0; s < records.size(); s++) {
      after.set(sent.get(s), records.get(s));
    }
    return after;
  }

  /** One outcome per request; a port that throws anything but a delivery failure leaves each of them pending. */
  private List<DeliveryOutcome> attemptAll(List<DeliveryRequest> requests) {
    try {
      List<DeliveryOutcome> outcomes = workflow.settings.delivery().deliverAll(requests);
      if (outcomes.size() == requests.size()) {
        return outcomes;
      }
      return unknown(requests, new IllegalStateException("the delivery port returned " + outcomes.size()
          + " outcomes for " + requests.size() + " deliveries"));
    } catch (RuntimeException e) {
      return unknown(requests, e);
    }
  }

  private static List<DeliveryOutcome> unknown(List<DeliveryRequest> requests, RuntimeException e) {
    // Whether anything was sent is not known, so each delivery stays pending, to be retried.
    return requests.stream().<DeliveryOutcome>map(r -> new DeliveryOutcome.Failed(r,
        new DeliveryException(FailureKind.UNKNOWN, "delivery failed unexpectedly: " + e, e))).toList();
  }

  /** A pool of daemon threads that end when idle for a minute, so that it needs no shutdown. */
  static Executor daemonPool(int threads) {
    int pool = POOLS.incrementAndGet();
    AtomicInteger thread = new AtomicInteger();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
        task -> {
          Thread t = new Thread(task, "openproof-batch-" + pool + "-" + thread.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }
}
