package dev.openproof.core.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entitlement of a {@link LicenseSummary}: a product held under one or more proofs, with the end
 * of its term and of its Software Assurance, and whether it is still in force.
 *
 * @param sku the vendor's part number
 * @param product the product's name
 * @param quantity how many, summed over the proofs it rests on
 * @param type what kind of right
 * @param termEnds the last day of a subscription or term license, or {@code null}
 * @param saEnds the last day of its Software Assurance, or {@code null}
 * @param state whether it is in force, or why not
 * @param proofs the license numbers of the proofs it rests on, at least one
 * @since 0.2.0
 */
public record SummaryLine(String sku, String product, int quantity, LicenseType type, @Nullable LocalDate termEnds,
    @Nullable LocalDate saEnds, State state, List<LicenseNumber> proofs) {

  /** Checks that the parts are present, the quantity positive, and at least one proof named. */
  public SummaryLine {
    Texts.requireText(sku, "sku");
    Texts.requireText(product, "product");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(state, "state");
    proofs = List.copyOf(Objects.requireNonNull(proofs, "proofs"));
    if (quantity < 1 || proofs.isEmpty()) {
      throw new IllegalArgumentException("a summary line holds at least one unit and names at least one proof");
    }
  }

  /** Whether an entitlement is still held, or why not. */
  public enum State {
    /** Held: its proof stands and its term has not ended. */
    IN_FORCE,
    /** Its order was returned. */
    RETURNED,
    /** It was transferred to another owner. */
    TRANSFERRED,
    /** Its term ended. */
    ENDED,
    /** Its proof was revoked for another reason. */
    REVOKED
  }
}
