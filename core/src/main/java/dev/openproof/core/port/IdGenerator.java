package dev.openproof.core.port;

import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.DeliveryId;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.ProofId;

/**
 * Makes new identifiers. Injected, so that tests are deterministic; implementations must be
 * thread-safe and must not repeat themselves.
 *
 * @since 0.1.0
 */
public interface IdGenerator {
  /**
   * A new proof id, at most 64 characters.
   *
   * @return the id
   */
  ProofId newProofId();

  /**
   * A new license number, with its check digit.
   *
   * @return the number
   */
  LicenseNumber newLicenseNumber();

  /**
   * A new authorization number, for an order that does not add to an existing one.
   *
   * @return the number
   */
  AuthorizationNumber newAuthorizationNumber();

  /**
   * A new delivery id.
   *
   * @return the id
   */
  DeliveryId newDeliveryId();

  /**
   * A new identifier for a workflow instance, naming it as the owner of its claims in the ledger.
   *
   * @return the id
   */
  String newInstanceId();
}
