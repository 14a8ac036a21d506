package dev.openproof.core.memory;

import dev.openproof.core.model.DeliveryReceipt;
import dev.openproof.core.exchange.DeliveryException;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.port.ProofDelivery;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * A {@link ProofDelivery} that sends nothing and records every request it is given: the default when
 * no mail server is plugged in, and a test double. Failures can be scripted with {@link #failNext}.
 * Thread-safe.
 *
 * @since 0.1.0
 */
public final class RecordingProofDelivery implements ProofDelivery {
  private final Clock clock;
  private final List<DeliveryRequest> delivered = new ArrayList<>();
  private final List<DeliveryRequest> attempted = new ArrayList<>();
  private final Deque<DeliveryException> scriptedFailures = new ArrayDeque<>();

  private RecordingProofDelivery(Clock clock) {
    this.clock = clock;
  }

  /**
   * A recording delivery that stamps receipts with the given clock.
   *
   * @param clock the clock
   * @return the delivery
   */
  public static RecordingProofDelivery create(Clock clock) {
    return new RecordingProofDelivery(Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Makes the next attempts fail, in order, with the given exceptions.
   *
   * @param failures the failures, first one first
   * @return this
   */
  public synchronized RecordingProofDelivery failNext(DeliveryException... failures) {
    scriptedFailures.addAll(List.of(failures));
    return this;
  }

  @Override
  public synchronized DeliveryReceipt deliver(DeliveryRequest request) {
    Objects.requireNonNull(request, "request");
    attempted.add(request);
    DeliveryException failure = scriptedFailures.poll();
    if (failure != null) {
      throw failure;
    }
    delivered.add(request);
    return new DeliveryReceipt(
        request.deliveryId(),
        request.proof().proofId(),
        request.recipient().email(),
        "<" + request.deliveryId().value() + "@openproof.invalid>",
        clock.instant());
  }

  /**
   * Every request delivered successfully, in order.
   *
   * @return the requests
   */
  public synchronized List<DeliveryRequest> delivered() {
    return List.copyOf(delivered);
  }

  /**
   * Every request attempted, successful or not, in order.
   *
   * @return the requests
   */
  public synchronized List<DeliveryRequest> attempted() {
    return List.copyOf(attempted);
  }
}
