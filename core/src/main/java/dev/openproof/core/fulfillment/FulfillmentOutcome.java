package dev.openproof.core.fulfillment;

import dev.openproof.core.OpenProofException;
import dev.openproof.core.model.OrderId;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link LicenseFulfillment#fulfillAll} did with one order: {@link Fulfilled} with the result
 * {@code fulfill} would have returned, or {@link Failed} with what {@code fulfill} would have thrown.
 *
 * @since 0.2.0
 */
public sealed interface FulfillmentOutcome permits FulfillmentOutcome.Fulfilled, FulfillmentOutcome.Failed {

  /**
   * The order.
   *
   * @return the order's id
   */
  OrderId orderId();

  /**
   * The result, where the order was fulfilled.
   *
   * @return the result, or empty where it failed
   */
  Optional<FulfillmentResult> fulfilled();

  /**
   * The order was fulfilled now, or before (then {@link FulfillmentResult#replayed()}).
   *
   * @param result the result, as recorded in the ledger
   * @since 0.2.0
   */
  record Fulfilled(FulfillmentResult result) implements FulfillmentOutcome {
    /** Checks that the result is present. */
    public Fulfilled {
      Objects.requireNonNull(result, "result");
    }

    @Override
    public OrderId orderId() {
      return result.orderId();
    }

    @Override
    public Optional<FulfillmentResult> fulfilled() {
      return Optional.of(result);
    }
  }

  /**
   * The order failed, alone: what was done for it is recorded and a later call finishes the job,
   * as after a failed {@code fulfill}.
   *
   * @param orderId the order
   * @param reasonCode the stable reason code: the failure's {@link OpenProofException#reasonCode()}
   *     ({@code INVALID_ORDER}, {@code ORDER_CONFLICT}, {@code ORDER_IN_PROGRESS}, a port's code such as
   *     {@code SIGNING_FAILED} or {@code LEDGER_UNAVAILABLE}), or {@code UNEXPECTED} for any other exception
   * @param failure what {@code fulfill} would have thrown
   * @since 0.2.0
   */
  record Failed(OrderId orderId, String reasonCode, RuntimeException failure) implements FulfillmentOutcome {
    /** The reason code given for a failure that is no {@link OpenProofException}. */
    public static final String UNEXPECTED = "UNEXPECTED";

    /** Checks that the parts are present. */
    public Failed {
      Objects.requireNonNull(orderId, "orderId");
      Objects.requireNonNull(reasonCode, "reasonCode");
      Objects.requireNonNull(failure, "failure");
    }

    /**
     * The failure of an order, its reason code taken from the exception.
     *
     * @param orderId the order
     * @param failure what went wrong
     * @return the outcome
     */
    public static Failed of(OrderId orderId, RuntimeException failure) {
      return new Failed(orderId, failure instanceof OpenProofException known ? known.reasonCode() : UNEXPECTED, failure);
    }

    @Override
    public Optional<FulfillmentResult> fulfilled() {
      return Optional.empty();
    }
  }
}
