package dev.openproof.jdbc;

import dev.openproof.core.model.DeliveryId;
import dev.openproof.core.model.DeliveryReceipt;
import dev.openproof.core.exchange.DeliveryException;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.FailureKind;
import dev.openproof.core.port.ProofDelivery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The customers' side of the tests: every message handed over, by delivery id, whichever instance
 * sent it. Its {@link #delivery} is a {@link ProofDelivery} that gives each message the Message-ID
 * of its delivery id, as the mail adapter does, and fails transiently at random where asked to.
 */
final class Inbox {
  /** One message as the customer's server accepted it. */
  record Message(DeliveryId deliveryId, String messageId, String token) {}

  private final Map<DeliveryId, List<Message>> messages = new ConcurrentHashMap<>();

  static String messageIdOf(DeliveryRequest request) {
    return "<" + request.deliveryId().value() + "@openproof.test>";
  }

  /** Accepts a message, as a mail server does. */
  DeliveryReceipt accept(DeliveryRequest request, Clock clock) {
    Message message = new Message(request.deliveryId(), messageIdOf(request), request.signedProof().token());
    messages.compute(request.deliveryId(), (id, list) -> {
      List<Message> kept = list == null ? new ArrayList<>() : list;
      kept.add(message);
      return kept;
    });
    return new DeliveryReceipt(request.deliveryId(), request.proof().proofId(), request.recipient().email(),
        message.messageId(), clock.instant());
  }

  List<Message> of(DeliveryId deliveryId) {
    return List.copyOf(messages.getOrDefault(deliveryId, List.of()));
  }

  Map<DeliveryId, List<Message>> all() {
    return Map.copyOf(messages);
  }

  /** A delivery into this inbox that fails transiently with the given probability. */
  ProofDelivery delivery(Clock clock, long seed, double failureRate) {
    Random random = new Random(seed);
    return request -> {
      boolean fail;
      synchronized (random) {
        fail = random.nextDouble() < failureRate;
      }
      if (fail) {
        throw new DeliveryException(FailureKind.TRANSIENT, 451, "4.3.0 try again later", null);
      }
      return accept(request, clock);
    };
  }
}
