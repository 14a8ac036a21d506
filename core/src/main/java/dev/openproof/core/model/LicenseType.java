package dev.openproof.core.model;

/**
 * What an order line grants.
 *
 * @since 0.1.0
 */
public enum LicenseType {
  /** A license. */
  LICENSE,
  /** Software Assurance for licenses the customer already has. */
  SOFTWARE_ASSURANCE,
  /** A license together with Software Assurance. */
  LICENSE_AND_SOFTWARE_ASSURANCE,
  /** A subscription right, for a term. */
  SUBSCRIPTION
}
