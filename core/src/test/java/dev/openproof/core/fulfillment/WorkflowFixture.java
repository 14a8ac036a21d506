package dev.openproof.core.fulfillment;

import dev.openproof.core.event.FulfillmentEvent;
import dev.openproof.core.memory.InMemoryInvoicing;
import dev.openproof.core.memory.InMemoryProofLedger;
import dev.openproof.core.memory.RecordingProofDelivery;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.exchange.InvoiceRequest;
import dev.openproof.core.port.Invoicing;
import dev.openproof.core.exchange.InvoicingException;
import dev.openproof.core.testing.FakeSigner;
import dev.openproof.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Real in-memory ports around a workflow under test, with knobs to make them fail. */
final class WorkflowFixture {
  static final Instant T0 = Instant.parse("2021-03-10T10:00:00Z");

  final MutableClock clock = new MutableClock(T0);
  final InMemoryProofLedger ledger = InMemoryProofLedger.create();
  final RecordingProofDelivery delivery = RecordingProofDelivery.create(clock);
  final FakeSigner fakeSigner = new FakeSigner();
  final CountingInvoicing invoicing = new CountingInvoicing();
  final List<FulfillmentEvent> events = new CopyOnWriteArrayList<>();
  final AtomicInteger signerFailures = new AtomicInteger();

  LicenseFulfillmentBuilder builder() {
    return LicenseFulfillment.builder()
        .signer(proof -> {
          if (signerFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new dev.openproof.core.exchange.SigningException("key store unavailable", null);
          }
          return fakeSigner.sign(proof);
        })
        .delivery(delivery)
        .invoicing(invoicing)
        .ledger(ledger)
        .clock(clock)
        .ids(RandomIdGenerator.using(new Random(42)))
        .retryPolicy(new RetryPolicy(Duration.ofMinutes(1), Duration.ofMinutes(10), 4))
        .listener(events::add);
  }

  LicenseFulfillment workflow() {
    return builder().build();
  }

  <T extends FulfillmentEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** In-memory invoicing that counts its calls and can be made to fail. */
  static final class CountingInvoicing implements Invoicing {
    final InMemoryInvoicing real = InMemoryInvoicing.create();
    final AtomicInteger calls = new AtomicInteger();
    volatile int failOnCall = -1;

    @Override
    public Invoice issue(InvoiceRequest request) {
      int call = calls.incrementAndGet();
      if (call == failOnCall) {
        throw new InvoicingException("billing system down", null);
      }
      return real.issue(request);
    }
  }
}
