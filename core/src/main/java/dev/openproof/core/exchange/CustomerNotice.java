package dev.openproof.core.exchange;

import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.PartyRef;
import dev.openproof.core.model.Recipient;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A short notice to a customer about a license after the sale, sent through {@link dev.openproof.core.port.CustomerNotices}.
 *
 * @since 0.2.0
 */
public sealed interface CustomerNotice {
  /**
   * Identifies this notice to this recipient; a repeat carries the same id.
   *
   * @return the id
   */
  String noticeId();

  /**
   * Whom it goes to, and in which language.
   *
   * @return the recipient
   */
  Recipient recipient();

  /**
   * An order was returned: its proof is no longer valid.
   *
   * @param noticeId the notice's id
   * @param recipient the customer's license contact
   * @param customer the licensee
   * @param reseller the order's reseller, the customer's contact for the credit
   * @param orderId the returned order
   * @param licenseNumber the license number of the proof that is no longer valid
   * @param returned the entitlements returned
   * @param replacement the license number of the new proof of what was kept, or {@code null} when the
   *     whole order was returned
   * @param returnedOn the day of the return
   */
  record ReturnNotice(String noticeId, Recipient recipient, PartyRef customer, PartyRef reseller, OrderId orderId, LicenseNumber licenseNumber,
      List<Entitlement> returned, @Nullable LicenseNumber replacement, LocalDate returnedOn) implements CustomerNotice {
    /** Checks that the parts are present. */
    public ReturnNotice {
      Objects.requireNonNull(noticeId, "noticeId");
      Objects.requireNonNull(recipient, "recipient");
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(reseller, "reseller");
      Objects.requireNonNull(orderId, "orderId");
      Objects.requireNonNull(licenseNumber, "licenseNumber");
      returned = List.copyOf(Objects.requireNonNull(returned, "returned"));
      Objects.requireNonNull(returnedOn, "returnedOn");
    }

    /**
     * The new proof of what the customer kept.
     *
     * @return its license number, or empty after a whole return
     */
    public Optional<LicenseNumber> replacementLicense() {
      return Optional.ofNullable(replacement);
    }
  }

  /**
   * A subscription term or Software Assurance ends soon.
   *
   * @param noticeId the notice's id
   * @param recipient the customer's license contact, or the reseller for its copy
   * @param resellerCopy whether this is the reseller's copy
   * @param customer the licensee
   * @param reseller the order's reseller
   * @param licenseNumber the license number of the proof
   * @param orderId the order that granted it
   * @param ending the entitlements that end on {@code endsOn}
   * @param endsOn the last day of the term
   * @param daysLeft how many days are left, counted from the day the reminder is sent
   */
  record RenewalReminder(String noticeId, Recipient recipient, boolean resellerCopy, PartyRef customer, PartyRef reseller,
      LicenseNumber licenseNumber, OrderId orderId, List<Entitlement> ending, LocalDate endsOn, long daysLeft)
      implements CustomerNotice {
    /** Checks that the parts are present and at least one entitlement ends. */
    public RenewalReminder {
      Objects.requireNonNull(noticeId, "noticeId");
      Objects.requireNonNull(recipient, "recipient");
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(reseller, "reseller");
      Objects.requireNonNull(licenseNumber, "licenseNumber");
      Objects.requireNonNull(orderId, "orderId");
      ending = List.copyOf(Objects.requireNonNull(ending, "ending"));
      Objects.requireNonNull(endsOn, "endsOn");
      if (ending.isEmpty()) {
        throw new IllegalArgumentException("a reminder names at least one entitlement that ends");
      }
    }
  }
}
