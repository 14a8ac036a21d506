package dev.openproof.core.model;

/**
 * How the proof of license reaches the customer.
 *
 * @since 0.1.0
 */
public enum Route {
  /** The legacy route: a paper certificate shipped to the distributor. */
  PHYSICAL,
  /** A signed digital proof sent straight to the customer. */
  DIGITAL
}
