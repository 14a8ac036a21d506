package dev.openproof.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a customer, or one authorization, holds: every entitlement in force with the proofs it rests
 * on; with {@code includesEnded}, also those returned, transferred or ended, marked so. What an
 * auditor asks for.
 *
 * @param customerId the customer summed up, or {@code null} for a summary of an authorization
 * @param authorization the authorization summed up, or {@code null} for a summary of a customer
 * @param asOf when it was drawn up
 * @param includesEnded whether entitlements no longer in force are listed too
 * @param lines the entitlements, by SKU
 * @since 0.2.0
 */
public record LicenseSummary(@Nullable String customerId, @Nullable AuthorizationNumber authorization, Instant asOf,
    boolean includesEnded, List<SummaryLine> lines) {

  /** Checks that exactly one subject is named and the parts are present. */
  public LicenseSummary {
    if ((customerId == null) == (authorization == null)) {
      throw new IllegalArgumentException("a summary is of a customer or of an authorization");
    }
    Objects.requireNonNull(asOf, "asOf");
    lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
  }

  /**
   * The customer summed up.
   *
   * @return the customer's id, or empty for a summary of an authorization
   */
  public Optional<String> forCustomer() {
    return Optional.ofNullable(customerId);
  }

  /**
   * The authorization summed up.
   *
   * @return the authorization number, or empty for a summary of a customer
   */
  public Optional<AuthorizationNumber> forAuthorization() {
    return Optional.ofNullable(authorization);
  }

  /**
   * The summary as CSV (RFC 4180, CRLF line ends, a header row): {@code
   * sku,product,quantity,type,term_ends,sa_ends,state,proofs}, the proofs' license numbers separated by
   * spaces.
   *
   * @return the CSV text
   */
  public String toCsv() {
    StringBuilder out = new StringBuilder("sku,product,quantity,type,term_ends,sa_ends,state,proofs\r\n");
    for (SummaryLine line : lines) {
      out.append(cell(line.sku())).append(',').append(cell(line.product())).append(',').append(line.quantity())
          .append(',').append(line.type().name()).append(',')
          .append(line.termEnds() == null ? "" : line.termEnds().toString()).append(',')
          .append(line.saEnds() == null ? "" : line.saEnds().toString()).append(',')
          .append(line.state().name()).append(',')
          .append(cell(String.join(" ", line.proofs().stream().map(LicenseNumber::value).toList()))).append("\r\n");
    }
    return out.toString();
  }

  /** A cell, quoted where it holds a comma, a quote or a line break; a leading formula sign is defused. */
  private static String cell(String value) {
    String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
