package dev.openproof.core.fulfillment;

import dev.openproof.core.memory.InMemoryInvoicing;
import dev.openproof.core.memory.NoStatusLists;
import dev.openproof.core.port.FulfillmentListener;
import dev.openproof.core.port.IdGenerator;
import dev.openproof.core.port.Invoicing;
import dev.openproof.core.port.ProofDelivery;
import dev.openproof.core.port.ProofLedger;
import dev.openproof.core.port.ProofSigner;
import dev.openproof.core.port.StatusLists;
import dev.openproof.core.validation.OrderValidator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link LicenseFulfillment}. Three parts are required: the {@linkplain #signer signer}, the
 * {@linkplain #delivery delivery} and the {@linkplain #ledger ledger}; {@link #build()} names each
 * one missing. A caller who wants the in-memory ones says so ({@code
 * InMemoryProofLedger.create()}, {@code RecordingProofDelivery.create(clock)}). Every other part has
 * a default: in-memory invoicing, no status lists, the system UTC clock, secure random ids, the
 * standard cut-over, {@link RetryPolicy#DEFAULT}.
 *
 * <p>Not thread-safe; the workflow it builds is.
 *
 * @since 0.1.0
 */
public final class LicenseFulfillmentBuilder {
  private @Nullable ProofSigner signer;
  private @Nullable ProofDelivery delivery;
  private @Nullable Invoicing invoicing;
  private @Nullable ProofLedger ledger;
  private final List<FulfillmentListener> listeners = new ArrayList<>();
  private Clock clock = Clock.systemUTC();
  private @Nullable IdGenerator ids;
  private TransitionPolicy transitionPolicy = TransitionPolicy.standard();
  private RetryPolicy retry = RetryPolicy.DEFAULT;
  private Duration orderLease = Duration.ofMinutes(5);
  private Duration deliveryLease = Duration.ofMinutes(5);
  private Duration claimWait = Duration.ofSeconds(30);
  private int batchSize = 100;
  private boolean deferDelivery;
  private @Nullable Executor batchExecutor;
  private StatusLists statusLists = NoStatusLists.create();
  private AfterSaleOptions afterSale = AfterSaleOptions.defaults();

  LicenseFulfillmentBuilder() {}

  /**
   * The signer of proofs. Required.
   *
   * @param signer the signer
   * @return this builder
   */
  public LicenseFulfillmentBuilder signer(ProofSigner signer) {
    this.signer = Objects.requireNonNull(signer, "signer");
    return this;
  }

  /**
   * The delivery of proofs to customers. Required; {@code RecordingProofDelivery} records and sends
   * nothing, for tests.
   *
   * @param delivery the delivery
   * @return this builder
   */
  public LicenseFulfillmentBuilder delivery(ProofDelivery delivery) {
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    return this;
  }

  /**
   * The invoicing of both legs. Default: {@link InMemoryInvoicing#create()}.
   *
   * @param invoicing the invoicing
   * @return this builder
   */
  public LicenseFulfillmentBuilder invoicing(Invoicing invoicing) {
    this.invoicing = Objects.requireNonNull(invoicing, "invoicing");
    return this;
  }

  /**
   * The ledger. Required; {@code InMemoryProofLedger.create()} keeps it in memory only, lost on a
   * restart.
   *
   * @param ledger the ledger
   * @return this builder
   */
  public LicenseFulfillmentBuilder ledger(ProofLedger ledger) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    return this;
  }

  /**
   * Adds a listener of the workflow's events.
   *
   * @param listener the listener
   * @return this builder
   */
  public LicenseFulfillmentBuilder listener(FulfillmentListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * The clock for every timestamp. Default: {@link Clock#systemUTC()}.
   *
   * @param clock the clock
   * @return this builder
   */
  public LicenseFulfillmentBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * The source of new identifiers. Default: {@link RandomIdGenerator#secure()}.
   *
   * @param ids the generator
   * @return this builder
   */
  public LicenseFulfillmentBuilder ids(IdGenerator ids) {
    this.ids = Objects.requireNonNull(ids, "ids");
    return this;
  }

  /**
   * The route policy. Default: {@link TransitionPolicy#standard()}.
   *
   * @param policy the policy
   * @return this builder
   */
  public LicenseFulfillmentBuilder transitionPolicy(TransitionPolicy policy) {
    this.transitionPolicy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * When failed deliveries are retried. Default: {@link RetryPolicy#DEFAULT}.
   *
   * @param retry the policy
   * @return this builder
   */
  public LicenseFulfillmentBuilder retryPolicy(RetryPolicy retry) {
    this.retry = Objects.requireNonNull(retry, "retry");
    return this;
  }

  /**
   * How long a claim on an order or a delivery holds before another instance may take it over.
   * Default: five minutes. Longer than any one signing or delivery can take.
   *
   * @param lease the lease, positive
   * @return this builder
   */
  public LicenseFulfillmentBuilder lease(Duration lease) {
    requirePositive(lease, "lease");
    this.orderLease = lease;
    this.deliveryLease = lease;
    return this;
  }

  /**
   * How long {@code fulfill} waits for another instance that holds the same order. Default: 30 s.
   *
   * @param wait the wait, not negative
   * @return this builder
   */
  public LicenseFulfillmentBuilder claimWait(Duration wait) {
    Objects.requireNonNull(wait, "wait");
    if (wait.isNegative()) {
      throw new IllegalArgumentException("claimWait must not be negative: " + wait);
    }
    this.claimWait = wait;
    return this;
  }

  /**
   * How many pending deliveries {@code redeliverPending} claims and sends at once, and how many
   * orders {@code fulfillAll} records in one transaction. Default: 100.
   *
   * @param size the batch size, at least 1
   * @return this builder
   */
  public LicenseFulfillmentBuilder batchSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1: " + size);
    }
    this.batchSize = size;
    return this;
  }

  /**
   * Publishes each new proof's status in Token Status Lists: every proof issued from now on carries
   * a {@link dev.openproof.core.model.StatusReference}, {@code revoke} marks it invalid, {@code
   * suspend} and {@code reinstate} toggle it. Default: {@link NoStatusLists}, proofs carry no status
   * and cannot be suspended.
   *
   * @param lists the status lists
   * @return this builder
   */
  public LicenseFulfillmentBuilder statusLists(StatusLists lists) {
    this.statusLists = Objects.requireNonNull(lists, "lists");
    return this;
  }

  /**
   * Whether {@code fulfill} leaves the first delivery of a proof to {@code redeliverPending}, which
   * sends the pending ones in batches (over one connection, with the mail adapter). Default:
   * {@code false}, {@code fulfill} delivers at once. Either way the proof and its pending delivery are
   * recorded before anything is sent.
   *
   * @param defer {@code true} to defer
   * @return this builder
   */
  public LicenseFulfillmentBuilder deferDelivery(boolean defer) {
    this.deferDelivery = defer;
    return this;
  }

  /**
   * Builds the workflow.
   *
   * @return the workflow
   * @throws IllegalStateException naming every required part that was not given
   */
  public LicenseFulfillment build() {
    List<String> missing = new ArrayList<>();
    for (var part : new Object[][] {{signer, "signer(...)"}, {delivery, "delivery(...)"}, {ledger, "ledger(...)"}}) {
      if (part[0] == null) {
        missing.add((String) part[1]);
      }
    }
    if (signer == null || delivery == null || ledger == null) {
      throw new IllegalStateException("a LicenseFulfillment needs a signer, a delivery and a ledger; call "
          + String.join(", ", missing));
    }
    return new LicenseFulfillment(new FulfillmentSettings(
        signer,
        delivery,
        invoicing != null ? invoicing : InMemoryInvoicing.create(),
        ledger,
        List.copyOf(listeners),
        clock,
        ids != null ? ids : RandomIdGenerator.secure(),
        transitionPolicy,
        OrderValidator.create(),
        retry,
        orderLease,
        deliveryLease,
        claimWait,
        batchSize,
        deferDelivery,
        statusLists,
        afterSale,
        batchExecutor));
  }

  /**
   * Where {@link LicenseFulfillment#fulfillAll} invoices and signs the orders of a batch in
   * parallel. The caller owns it and shuts it down; it must not be the pool the caller of {@code
   * fulfillAll} runs on, if that pool is bounded. Default: a pool of one daemon thread per available
   * processor, owned by the workflow, whose threads end when idle, so nothing needs shutting down.
   *
   * @param executor the executor
   * @return this builder
   * @since 0.2.0
   */
  public LicenseFulfillmentBuilder batchExecutor(Executor executor) {
    this.batchExecutor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  /**
   * How the workflow treats a license after the sale: notices, the return window, renewal reminders
   * and copies to resellers. Default: {@link AfterSaleOptions#defaults()}.
   *
   * @param options the options
   * @return this builder
   * @since 0.2.0
   */
  public LicenseFulfillmentBuilder afterSale(AfterSaleOptions options) {
    this.afterSale = Objects.requireNonNull(options, "options");
    return this;
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
  }
}
