package dev.openproof.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A digital proof of license: everything a customer, or a partner checking the customer's
 * entitlement offline, needs to know. Signed, it becomes a {@link SignedProof}; its claims are those
 * of {@code license-proof-claims.schema.json}, version 1.
 *
 * @param proofId the proof's identifier, unique per issued proof (the {@code jti})
 * @param licenseNumber the license number, with its check digit
 * @param authorizationNumber the customer's authorization number
 * @param program the program of the order
 * @param orderId the order that granted the license
 * @param orderedAt when the order was placed
 * @param customer the licensee (the token's subject)
 * @param reseller the reseller of the order
 * @param distributor the distributor of the order
 * @param entitlements what the license grants, 1 to 500 entitlements
 * @param issuedAt when the proof was issued
 * @param expiresAt when the proof expires, or {@code null}: a proof expires only when every
 *     entitlement has an end date
 * @param status where its revocation status is published, or {@code null}
 * @param replaces the proof this one replaces (after a partial return or a transfer), or {@code null}
 *     for the first proof of an order
 * @since 0.1.0
 */
public record LicenseProof(
    ProofId proofId,
    LicenseNumber licenseNumber,
    AuthorizationNumber authorizationNumber,
    Program program,
    OrderId orderId,
    Instant orderedAt,
    PartyRef customer,
    PartyRef reseller,
    PartyRef distributor,
    List<Entitlement> entitlements,
    Instant issuedAt,
    @Nullable Instant expiresAt,
    @Nullable StatusReference status,
    @Nullable ProofId replaces) {

  /** The most entitlements one proof carries. */
  public static final int MAX_ENTITLEMENTS = 500;

  /** Checks that the parts are present, 1 to 500 entitlements, and expiry after issue. */
  public LicenseProof {
    Objects.requireNonNull(proofId, "proofId");
    Objects.requireNonNull(licenseNumber, "licenseNumber");
    Objects.requireNonNull(authorizationNumber, "authorizationNumber");
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(orderedAt, "orderedAt");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(reseller, "reseller");
    Objects.requireNonNull(distributor, "distributor");
    Objects.requireNonNull(issuedAt, "issuedAt");
    entitlements = List.copyOf(Objects.requireNonNull(entitlements, "entitlements"));
    if (entitlements.isEmpty() || entitlements.size() > MAX_ENTITLEMENTS) {
      throw new IllegalArgumentException(
          "a proof carries 1 to " + MAX_ENTITLEMENTS + " entitlements, not " + entitlements.size());
    }
    if (expiresAt != null && !expiresAt.isAfter(issuedAt)) {
      throw new IllegalArgumentException("proof " + proofId + " expires " + expiresAt + ", not after it is issued " + issuedAt);
    }
    if (proofId.equals(replaces)) {
      throw new IllegalArgumentException("proof " + proofId + " cannot replace itself");
    }
  }

  /**
   * A proof that replaces no other: the first proof of an order.
   *
   * @param proofId the proof's identifier
   * @param licenseNumber the license number
   * @param authorizationNumber the customer's authorization number
   * @param program the program of the order
   * @param orderId the order that granted the license
   * @param orderedAt when the order was placed
   * @param customer the licensee
   * @param reseller the reseller of the order
   * @param distributor the distributor of the order
   * @param entitlements what the license grants
   * @param issuedAt when the proof was issued
   * @param expiresAt when the proof expires, or {@code null}
   * @param status where its revocation status is published, or {@code null}
   */
  public LicenseProof(ProofId proofId, LicenseNumber licenseNumber, AuthorizationNumber authorizationNumber,
      Program program, OrderId orderId, Instant orderedAt, PartyRef customer, PartyRef reseller,
      PartyRef distributor, List<Entitlement> entitlements, Instant issuedAt, @Nullable Instant expiresAt,
      @Nullable StatusReference status) {
    this(proofId, licenseNumber, authorizationNumber, program, orderId, orderedAt, customer, reseller,
        distributor, entitlements, issuedAt, expiresAt, status, null);
  }

  /**
   * The proof of an order: its entitlements are the order's lines, and it expires when its last term
   * ends if every line has an end date.
   *
   * @param order the order
   * @param proofId the new proof's id
   * @param licenseNumber the license number
   * @param authorizationNumber the authorization the license belongs to
   * @param issuedAt when the proof is issued; truncated to whole seconds, as the token carries it
   * @return the proof, with no status reference
   * @throws IllegalArgumentException if every term ended before {@code issuedAt}
   */
  public static LicenseProof of(Order order, ProofId proofId, LicenseNumber licenseNumber,
      AuthorizationNumber authorizationNumber, Instant issuedAt) {
    List<Entitlement> entitlements = order.lines().stream().map(Entitlement::of).toList();
    return new LicenseProof(proofId, licenseNumber, authorizationNumber, order.program(), order.orderId(),
        order.placedAt(), order.customer().ref(), order.reseller().ref(), order.distributor().ref(),
        entitlements, issuedAt.truncatedTo(ChronoUnit.SECONDS), expiryOf(entitlements).orElse(null), null);
  }

  /**
   * The expiry a proof of these entitlements gets: the end of the last term's last day (UTC) when
   * every entitlement has an end date, else none.
   *
   * @param entitlements the entitlements
   * @return the expiry, or empty for a proof that does not expire
   */
  public static Optional<Instant> expiryOf(List<Entitlement> entitlements) {
    LocalDate last = null;
    for (Entitlement entitlement : entitlements) {
      if (entitlement.ends() == null) {
        return Optional.empty();
      }
      if (last == null || entitlement.ends().isAfter(last)) {
        last = entitlement.ends();
      }
    }
    return Optional.ofNullable(last).map(day -> day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /**
   * When the proof expires.
   *
   * @return the expiry, or empty for a proof that does not expire
   */
  public Optional<Instant> expiry() {
    return Optional.ofNullable(expiresAt);
  }

  /**
   * Where the proof's status is published.
   *
   * @return the status list reference, or empty when the issuer publishes none
   */
  public Optional<StatusReference> statusReference() {
    return Optional.ofNullable(status);
  }

  /**
   * This proof with a status list reference.
   *
   * @param reference where the status is published
   * @return a copy that carries the reference
   */
  public LicenseProof withStatus(StatusReference reference) {
    Objects.requireNonNull(reference, "reference");
    return new LicenseProof(proofId, licenseNumber, authorizationNumber, program, orderId, orderedAt,
        customer, reseller, distributor, entitlements, issuedAt, expiresAt, reference, replaces);
  }

  /**
   * The proof this one replaces.
   *
   * @return the replaced proof's id, or empty for the first proof of an order
   */
  public Optional<ProofId> replacesProof() {
    return Optional.ofNullable(replaces);
  }

  /**
   * A new proof that replaces this one: the same order, program, reseller and distributor, for the
   * given licensee and entitlements, with no status reference yet.
   *
   * @param newProofId the new proof's id
   * @param newLicenseNumber its license number
   * @param authorization its authorization number
   * @param licensee its licensee: this proof's customer, or the new owner after a transfer
   * @param rights what it grants, 1 to 500 entitlements
   * @param at when it is issued; truncated to whole seconds
   * @return the new proof, naming this one in {@link #replaces()}
   */
  public LicenseProof replacedBy(ProofId newProofId, LicenseNumber newLicenseNumber,
      AuthorizationNumber authorization, PartyRef licensee, List<Entitlement> rights, Instant at) {
    return new LicenseProof(newProofId, newLicenseNumber, authorization, program, orderId, orderedAt,
        licensee, reseller, distributor, rights, at.truncatedTo(ChronoUnit.SECONDS),
        expiryOf(rights).orElse(null), null, proofId);
  }
}
