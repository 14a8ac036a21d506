package dev.openproof.core.port;

import dev.openproof.core.exchange.DeliveryException;
import dev.openproof.core.exchange.DeliveryOutcome;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.FailureKind;
import dev.openproof.core.model.DeliveryReceipt;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers signed proofs to the customer's license contact, never to the distributor. The
 * {@code mail-adapter} module delivers over SMTP.
 *
 * <p>Implementations must be thread-safe, and must give a retried delivery (same
 * {@link DeliveryRequest#deliveryId()}) the same message identity.
 *
 * @since 0.1.0
 */
public interface ProofDelivery {
  /**
   * Delivers one proof.
   *
   * @param request the delivery
   * @return the receipt
   * @throws DeliveryException if it was not delivered, with its {@link FailureKind}
   */
  DeliveryReceipt deliver(DeliveryRequest request);

  /**
   * Delivers several proofs; an adapter may share one connection among them. One failure does not
   * stop the others. The default delivers them one by one.
   *
   * @param requests the deliveries
   * @return one outcome per request, in the same order
   */
  default List<DeliveryOutcome> deliverAll(List<DeliveryRequest> requests) {
    List<DeliveryOutcome> outcomes = new ArrayList<>(requests.size());
    for (DeliveryRequest request : requests) {
      try {
        outcomes.add(new DeliveryOutcome.Delivered(request, deliver(request)));
      } catch (DeliveryException e) {
        outcomes.add(new DeliveryOutcome.Failed(request, e));
      }
    }
    return outcomes;
  }
}
