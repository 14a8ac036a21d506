package dev.openproof.core.exchange;

import dev.openproof.core.model.DeliveryReceipt;
import java.util.Objects;

/**
 * What came of one delivery in a batch.
 *
 * @since 0.1.0
 */
public sealed interface DeliveryOutcome {
  /**
   * The delivery this outcome is of.
   *
   * @return the request
   */
  DeliveryRequest request();

  /**
   * The proof was handed over.
   *
   * @param request the delivery
   * @param receipt the evidence
   */
  record Delivered(DeliveryRequest request, DeliveryReceipt receipt) implements DeliveryOutcome {
    /** Checks that the parts are present. */
    public Delivered {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(receipt, "receipt");
    }
  }

  /**
   * The delivery failed.
   *
   * @param request the delivery
   * @param failure why, and whether it is retried
   */
  record Failed(DeliveryRequest request, DeliveryException failure) implements DeliveryOutcome {
    /** Checks that the parts are present. */
    public Failed {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(failure, "failure");
    }
  }
}
