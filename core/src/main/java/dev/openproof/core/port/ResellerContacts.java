package dev.openproof.core.port;

import dev.openproof.core.model.PartyRef;
import dev.openproof.core.model.Recipient;
import java.util.Optional;

/**
 * Where a reseller's copies of renewal reminders go: the host knows its resellers' contacts, which
 * proofs do not carry.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface ResellerContacts {
  /**
   * The contact of a reseller.
   *
   * @param reseller the reseller as a proof names it
   * @return its contact, or empty to send it no copy
   */
  Optional<Recipient> contactOf(PartyRef reseller);
}
