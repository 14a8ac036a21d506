package dev.openproof.core.fulfillment;

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
import java.util.List;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/** Everything a {@link LicenseFulfillment} is built from; made by {@link LicenseFulfillmentBuilder}. */
record FulfillmentSettings(
    ProofSigner signer,
    ProofDelivery delivery,
    Invoicing invoicing,
    ProofLedger ledger,
    List<FulfillmentListener> listeners,
    Clock clock,
    IdGenerator ids,
    TransitionPolicy transitionPolicy,
    OrderValidator validator,
    RetryPolicy retry,
    Duration orderLease,
    Duration deliveryLease,
    Duration claimWait,
    int batchSize,
    boolean deferDelivery,
    StatusLists statusLists,
    AfterSaleOptions afterSale,
    @Nullable Executor batchExecutor) {}
