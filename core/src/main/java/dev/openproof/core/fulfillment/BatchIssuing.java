package dev.openproof.core.fulfillment;

import dev.openproof.core.event.FulfillmentEvent;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.IssuedProof;
import dev.openproof.core.exchange.OrderClaim;
import dev.openproof.core.exchange.OrderRecord;
import dev.openproof.core.exchange.OrderStart;
import dev.openproof.core.exchange.ProofIssue;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.StatusReference;
import dev.openproof.core.model.Route;
import dev.openproof.core.port.ProofLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Fulfilling many orders at once: each batch of new digital orders is claimed, checked against the
 * digests and given proof ids in one ledger call each, invoiced and signed in parallel, recorded in
 * one call (one transaction on a JDBC ledger), and its deliveries handed to the delivery port
 * together. Every other order (physical, repeated in the call, fulfilled before, held by another
 * instance, or half done by an earlier call) takes the path of {@code fulfill}, after the batches,
 * so every rule of a single order holds for it. Thread-safe.
 */
final class BatchIssuing {
  private static final System.Logger LOG = System.getLogger(LicenseFulfillment.class.getName());

  private final Workflow workflow;
  private final Issuing issuing;
  private final FulfillmentSettings settings;
  private final BatchDelivery delivery;
  private volatile @Nullable Executor pool;

  BatchIssuing(Workflow workflow, Issuing issuing) {
    this.workflow = workflow;
    this.issuing = issuing;
    this.settings = workflow.settings;
    this.delivery = new BatchDelivery(workflow);
  }

  List<FulfillmentOutcome> fulfillAll(List<Order> orders) {
    FulfillmentOutcome[] outcomes = new FulfillmentOutcome[orders.size()];
    List<Integer> batched = new ArrayList<>();
    List<Integer> single = new ArrayList<>();
    Set<OrderId> seen = new HashSet<>();
    for (int i = 0; i < orders.size(); i++) {
      Order order = orders.get(i);
      try {
        settings.validator().check(order);
        Route route = settings.transitionPolicy().route(order);
        issuing.refuseIfEveryTermEnded(order, route);
        (route == Route.DIGITAL && seen.add(order.orderId()) ? batched : single).add(i);
      } catch (RuntimeException e) {
        outcomes[i] = FulfillmentOutcome.Failed.of(order.orderId(), e);
      }
    }
    for (int from = 0; from < batched.size(); from += settings.batchSize()) {
      List<Integer> chunk = batched.subList(from, Math.min(batched.size(), from + settings.batchSize()));
      single.addAll(fulfillBatch(orders, chunk, outcomes));
    }
    single.sort(null);
    for (int i : single) {
      Order order = orders.get(i);
      try {
        outcomes[i] = new FulfillmentOutcome.Fulfilled(issuing.fulfill(order));
      } catch (RuntimeException e) {
        outcomes[i] = FulfillmentOutcome.Failed.of(order.orderId(), e);
      }
    }
    for (int i = 0; i < outcomes.length; i++) {
      if (outcomes[i] == null) {
        outcomes[i] = FulfillmentOutcome.Failed.of(orders.get(i).orderId(),
            new IllegalStateException("the batch lost track of order " + orders.get(i).orderId()));
      }
    }
    return List.of(outcomes);
  }

  /** Fulfills one batch; returns the indexes of the orders left to the single path. */
  private List<Integer> fulfillBatch(List<Order> orders, List<Integer> chunk, FulfillmentOutcome[] outcomes) {
    ProofLedger ledger = workflow.ledger();
    String owner = workflow.owner();
    List<OrderId> ids = chunk.stream().map(i -> orders.get(i).orderId()).toList();
    Map<OrderId, String> digests = new LinkedHashMap<>();
    Map<OrderId, ProofId> candidates = new LinkedHashMap<>();
    for (int k = 0; k < chunk.size(); k++) {
      digests.put(ids.get(k), OrderDigest.of(orders.get(chunk.get(k))));
      candidates.put(ids.get(k), settings.ids().newProofId());
    }
    Map<OrderId, OrderStart> starts;
    try {
      starts = ledger.startOrders(digests, candidates, owner, workflow.now(), settings.orderLease());
    } catch (RuntimeException e) {
      chunk.forEach(i -> outcomes[i] = FulfillmentOutcome.Failed.of(orders.get(i).orderId(), e));
      return List.of();
    }
    List<Integer> single = new ArrayList<>();
    Map<OrderId, Integer> held = new LinkedHashMap<>();
    for (int k = 0; k < chunk.size(); k++) {
      OrderStart start = starts.get(ids.get(k));
      if (start != null && start.claim() == OrderClaim.ACQUIRED) {
        held.put(ids.get(k), chunk.get(k));
      } else {
        single.add(chunk.get(k)); // fulfilled before, or held by another: as fulfill answers it
      }
    }
    Set<OrderId> completed = new HashSet<>();
    try {
      record(orders, held, starts, digests, single, completed, owner, outcomes);
    } catch (RuntimeException e) {
      held.forEach((id, i) -> {
        if (!completed.contains(id) && outcomes[i] == null) {
          outcomes[i] = FulfillmentOutcome.Failed.of(id, e);
        }
      });
    } finally {
      held.keySet().stream().filter(id -> !completed.contains(id)).forEach(id -> release(id, owner));
    }
    return single;
  }

  private void record(List<Order> orders, Map<OrderId, Integer> held, Map<OrderId, OrderStart> starts,
      Map<OrderId, String> digests, List<Integer> single, Set<OrderId> completed, String owner, FulfillmentOutcome[] outcomes) {
    ProofLedger ledger = workflow.ledger();
    Map<OrderId, Integer> fresh = new LinkedHashMap<>();
    Map<OrderId, ProofId> proofIds = new LinkedHashMap<>();
    Map<OrderId, OrderRecord> records = new LinkedHashMap<>();
    held.forEach((id, i) -> {
      OrderStart start = at(starts, id);
      OrderRecord record = start.order();
      if (!at(digests, id).equals(start.digest())) {
        outcomes[i] = FulfillmentOutcome.Failed.of(id, IssuingSteps.conflict(id, String.valueOf(start.digest()), at(digests, id)));
      } else if (record == null || record.issuedProofId().isPresent() || start.proofId() == null) {
        single.add(i); // begun by an earlier call: the single path finishes it
      } else {
        fresh.put(id, i);
        proofIds.put(id, start.proofId());
        records.put(id, record);
      }
    });
    if (proofIds.isEmpty()) {
      return;
    }
    Instant now = workflow.now();
    Map<OrderId, CompletableFuture<ProofIssue>> signing = new LinkedHashMap<>();
    Map<ProofId, StatusReference> places = IssuingSteps.places(settings, proofIds.values());
    proofIds.forEach((id, proofId) -> {
      Order order = orders.get(at(fresh, id));
      OrderRecord record = Objects.requireNonNull(records.get(id));
      signing.put(id, CompletableFuture.supplyAsync(() -> {
        List<Invoice> invoices = IssuingSteps.issueMissing(settings, order, record, now, new ArrayList<>(2));
        DeliveryRequest first = IssuingSteps.signedFirstDelivery(settings, order, proofId, now, places.get(proofId));
        return new ProofIssue(invoices, first.proof(), first.signedProof(), first, now);
      }, executor()));
    });
    List<ProofIssue> issues = new ArrayList<>();
    signing.forEach((id, future) -> {
      try {
        issues.add(future.join());
      } catch (CompletionException e) {
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
        outcomes[at(fresh, id)] = FulfillmentOutcome.Failed.of(id, cause);
      }
    });
    if (issues.isEmpty()) {
      return;
    }
    List<IssuedProof> kept = ledger.recordIssuedProofs(issues, settings.deferDelivery() ? null : owner, settings.deliveryLease());
    List<DeliveryRecord> firsts = new ArrayList<>();
    List<Boolean> claimed = new ArrayList<>();
    for (int k = 0; k < issues.size(); k++) {
      ProofIssue issue = issues.get(k);
      IssuedProof order = kept.get(k);
      completed.add(issue.orderId());
      ProofRecord proof = order.proof();
      for (int j = 0; j < issue.invoices().size(); j++) {
        if (order.invoices().get(j).equals(issue.invoices().get(j))) {
          workflow.publish(new FulfillmentEvent.InvoiceIssued(issue.orderId(), issue.invoices().get(j), now));
        }
      }
      if (proof.proof().proofId().equals(issue.proof().proofId())) {
        workflow.publish(new FulfillmentEvent.ProofIssued(issue.orderId(), proof.proof().proofId(),
            proof.proof().licenseNumber(), now));
      }
      firsts.add(order.delivery());
      claimed.add(order.claimed());
    }
    List<DeliveryRecord> delivered = firsts;
    if (!settings.deferDelivery()) {
      try {
        delivered = delivery.deliver(firsts, claimed, owner);
      } catch (RuntimeException e) {
        // The orders are recorded whole; their deliveries stay pending for redeliverPending().
        LOG.log(System.Logger.Level.WARNING, "the deliveries of a batch could not be attempted; they stay pending", e);
      }
    }
    for (int k = 0; k < issues.size(); k++) {
      OrderId id = issues.get(k).orderId();
      IssuedProof order = kept.get(k);
      outcomes[at(fresh, id)] = new FulfillmentOutcome.Fulfilled(new FulfillmentResult.Digital(id,
          IssuingSteps.merged(at(records, id), order.invoices()), order.proof(), delivered.get(k), false));
    }
  }

  private static <K, V> V at(Map<K, V> map, K key) {
    return Objects.requireNonNull(map.get(key), "a batch lost track of an order");
  }

  private void release(OrderId orderId, String owner) {
    try {
      workflow.ledger().releaseOrder(orderId, owner);
    } catch (RuntimeException e) {
      // The lease runs out by itself; the order's outcome already says what failed.
    }
  }

  private Executor executor() {
    Executor given = settings.batchExecutor();
    if (given != null) {
      return given;
    }
    Executor own = pool;
    if (own == null) {
      synchronized (this) {
        own = pool;
        if (own == null) {
          own = BatchDelivery.daemonPool(Runtime.getRuntime().availableProcessors());
          pool = own;
        }
      }
    }
    return own;
  }
}
