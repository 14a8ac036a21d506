package dev.openproof.core.fulfillment;

import dev.openproof.core.model.Order;
import dev.openproof.core.model.Route;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides the route of an order: the legacy physical certificate or the digital proof.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TransitionPolicy {
  /** The default cut-over: orders placed from 2020-08-01T00:00Z on get digital proofs. */
  Instant DEFAULT_CUTOVER = Instant.parse("2020-08-01T00:00:00Z");

  /**
   * The route of an order.
   *
   * @param order the order
   * @return the route
   */
  Route route(Order order);

  /**
   * Orders placed before {@code cutover} take the physical route; from it on, the digital one.
   *
   * @param cutover the first instant of the digital route
   * @return the policy
   */
  static TransitionPolicy cutoverAt(Instant cutover) {
    Objects.requireNonNull(cutover, "cutover");
    return order -> order.placedAt().isBefore(cutover) ? Route.PHYSICAL : Route.DIGITAL;
  }

  /**
   * The policy with the {@link #DEFAULT_CUTOVER}.
   *
   * @return the policy
   */
  static TransitionPolicy standard() {
    return cutoverAt(DEFAULT_CUTOVER);
  }
}
