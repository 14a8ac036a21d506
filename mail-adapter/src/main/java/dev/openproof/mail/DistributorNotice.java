package dev.openproof.mail;

import dev.openproof.core.model.PartyRef;
import dev.openproof.core.model.Recipient;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A distributor's notice to one of its resellers or customers that proofs of license now arrive
 * digitally, straight to the customer, instead of as a paper certificate. Sent with
 * {@link SmtpProofDelivery#sendNotice(DistributorNotice)}, in the recipient's language.
 *
 * @param noticeId identifies this notice to this recipient; a retry with the same id gets the same
 *     Message-ID
 * @param audience whether the recipient is a reseller or a customer
 * @param recipient whom the notice goes to, and in which language
 * @param distributor the distributor on whose behalf it is sent
 * @param digitalFrom the first day on which orders get a digital proof (the cut-over)
 * @since 0.1.0
 */
public record DistributorNotice(
    String noticeId, Audience audience, Recipient recipient, PartyRef distributor, LocalDate digitalFrom) {

  /** Checks that the parts are present and the id is not blank. */
  public DistributorNotice {
    Objects.requireNonNull(noticeId, "noticeId");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(distributor, "distributor");
    Objects.requireNonNull(digitalFrom, "digitalFrom");
    if (noticeId.isBlank()) {
      throw new IllegalArgumentException("noticeId must not be blank");
    }
  }

  /** Who a notice is written for. */
  public enum Audience {
    /** A reseller that orders through the distributor. */
    RESELLER,
    /** A customer of the distributor's resellers. */
    CUSTOMER
  }
}
