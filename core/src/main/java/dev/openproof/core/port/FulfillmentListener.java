package dev.openproof.core.port;

import dev.openproof.core.event.FulfillmentEvent;

/**
 * Receives the workflow's events, for audit and metrics. Called on the thread that did the work,
 * after the ledger recorded it; an exception thrown here is logged and does not undo the work.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface FulfillmentListener {
  /**
   * Handles one event.
   *
   * @param event the event
   */
  void on(FulfillmentEvent event);
}
