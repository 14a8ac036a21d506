package dev.openproof.core.model;

/**
 * A member of the ordering chain: the distributor, a reseller, or the customer.
 *
 * @since 0.1.0
 */
public sealed interface Party permits Distributor, Reseller, Customer {
  /**
   * The party's identifier in the host's systems.
   *
   * @return the identifier
   */
  String id();

  /**
   * The party's legal name.
   *
   * @return the name
   */
  String name();

  /**
   * The ISO 3166-1 alpha-2 country code.
   *
   * @return the country code
   */
  String country();

  /**
   * The e-mail address for this role (billing, orders, or the customer's license contact).
   *
   * @return the e-mail address
   */
  String email();

  /**
   * The party as it is named on proofs and invoices, without contact details.
   *
   * @return the reference
   */
  default PartyRef ref() {
    return new PartyRef(id(), name(), country());
  }
}
