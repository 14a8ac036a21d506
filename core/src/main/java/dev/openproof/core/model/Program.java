package dev.openproof.core.model;

/**
 * The volume-licensing program an order is placed under.
 *
 * @since 0.1.0
 */
public enum Program {
  /** Open License: perpetual licenses, optionally with Software Assurance. */
  OPEN_LICENSE,
  /** Open Value: licenses with Software Assurance, paid over the agreement's term. */
  OPEN_VALUE,
  /** Open Value Subscription: rights for the subscription term only. */
  OPEN_VALUE_SUBSCRIPTION
}
