package dev.openproof.examples.demo;

import dev.openproof.core.model.DeliveryReceipt;
import dev.openproof.core.exchange.DeliveryOutcome;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.port.Invoicing;
import dev.openproof.core.port.ProofDelivery;
import dev.openproof.core.port.ProofSigner;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/** How long each step of the demo took in all, measured around the ports the workflow calls. */
final class StepTimes {
  enum Step {
    INVOICING("invoicing"),
    SIGNING("signing"),
    MAIL("mail"),
    VERIFYING("verifying"),
    TOTAL("total");

    final String label;

    Step(String label) {
      this.label = label;
    }
  }

  private final Map<Step, LongAdder> nanos = new EnumMap<>(Step.class);

  StepTimes() {
    for (Step step : Step.values()) {
      nanos.put(step, new LongAdder());
    }
  }

  <T> T time(Step step, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      adder(step).add(System.nanoTime() - start);
    }
  }

  Duration of(Step step) {
    return Duration.ofNanos(adder(step).sum());
  }

  /** Every step has its adder from the start. */
  private LongAdder adder(Step step) {
    return Objects.requireNonNull(nanos.get(step), "every step is counted");
  }

  Invoicing timedInvoicing(Invoicing invoicing) {
    return request -> time(Step.INVOICING, () -> invoicing.issue(request));
  }

  ProofSigner timedSigner(ProofSigner signer) {
    return proof -> time(Step.SIGNING, () -> signer.sign(proof));
  }

  ProofDelivery timedDelivery(ProofDelivery delivery) {
    return new ProofDelivery() {
      @Override
      public DeliveryReceipt deliver(DeliveryRequest request) {
        return time(Step.MAIL, () -> delivery.deliver(request));
      }

      @Override
      public List<DeliveryOutcome> deliverAll(List<DeliveryRequest> requests) {
        return time(Step.MAIL, () -> delivery.deliverAll(requests));
      }
    };
  }

}
