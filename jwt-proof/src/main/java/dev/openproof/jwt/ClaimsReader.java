package dev.openproof.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.LicenseType;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.PartyRef;
import dev.openproof.core.model.Program;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.StatusReference;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@link LicenseProof} of a claims set that {@link ClaimsRules} accepted. What the schema
 * allows but the model cannot hold (a license number that is not digits, a blank name, a term that
 * ends before it starts, a time beyond {@link Instant#MAX}) is reported as an {@link
 * IllegalArgumentException} with a one-line message.
 */
final class ClaimsReader {
  private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(Instant.MAX.getEpochSecond());

  private ClaimsReader() {}

  static LicenseProof read(JsonNode claims) {
    JsonNode license = claims.get("license");
    PartyRef customer = party(license.get("customer"));
    if (!customer.id().equals(claims.get("sub").textValue())) {
      throw new IllegalArgumentException("claim /sub is not the customer's id /license/customer/id");
    }
    List<Entitlement> entitlements = new ArrayList<>();
    for (JsonNode item : license.get("entitlements")) {
      BigDecimal quantity = item.get("quantity").decimalValue();
      if (quantity.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
        throw new IllegalArgumentException("an entitlement's quantity is too large");
      }
      entitlements.add(new Entitlement(
          item.get("sku").textValue(),
          item.get("product").textValue(),
          quantity.intValue(),
          LicenseType.valueOf(item.get("type").textValue()),
          date(item.get("starts")),
          date(item.get("ends"))));
    }
    JsonNode status = claims.get("status");
    StatusReference reference = null;
    if (status != null) {
      JsonNode list = status.get("status_list");
      BigDecimal index = list.get("idx").decimalValue();
      if (index.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
        throw new IllegalArgumentException("claim /status/status_list/idx is too large");
      }
      reference = new StatusReference(index.longValue(), list.get("uri").textValue());
    }
    JsonNode exp = claims.get("exp");
    JsonNode replaces = claims.get("replaces");
    return new LicenseProof(
        ProofId.of(claims.get("jti").textValue()),
        new LicenseNumber(license.get("license_number").textValue()),
        AuthorizationNumber.of(license.get("authorization_number").textValue()),
        Program.valueOf(license.get("program").textValue()),
        OrderId.of(license.get("order_id").textValue()),
        dateTime(license.get("ordered_at").textValue()),
        customer,
        party(license.get("reseller")),
        party(license.get("distributor")),
        entitlements,
        instant(claims.get("iat"), "iat"),
        exp == null ? null : instant(exp, "exp"),
        reference,
        replaces == null ? null : ProofId.of(replaces.textValue()));
  }

  /** Seconds since the epoch; the claim is a non-negative integer. */
  static Instant instant(JsonNode seconds, String name) {
    BigDecimal value = seconds.decimalValue();
    if (value.compareTo(MAX_SECONDS) > 0) {
      throw new IllegalArgumentException("claim /" + name + " is beyond the last representable instant");
    }
    return Instant.ofEpochSecond(value.longValue());
  }

  private static PartyRef party(JsonNode party) {
    JsonNode country = party.get("country");
    return new PartyRef(party.get("id").textValue(), party.get("name").textValue(), country == null ? null : country.textValue());
  }

  private static @Nullable LocalDate date(@Nullable JsonNode date) {
    return date == null ? null : date(date.textValue());
  }

  /** An RFC 3339 full-date that {@link ClaimsRules#isDate(CharSequence)} accepted. */
  static LocalDate date(CharSequence text) {
    return LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
  }

  /** An RFC 3339 date-time that {@link ClaimsRules#isDateTime(CharSequence)} accepted. */
  static Instant dateTime(CharSequence text) {
    long days = LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10)).toEpochDay();
    int secondOfDay = LocalTime.of(number(text, 11, 13), number(text, 14, 16), number(text, 17, 19)).toSecondOfDay();
    int at = 19;
    int nanos = 0;
    if (text.charAt(at) == '.') {
      int digits = 0;
      for (at++; at < text.length() && Character.isDigit(text.charAt(at)); at++, digits++) {
        if (digits < 9) {
          nanos = nanos * 10 + (text.charAt(at) - '0');
        }
      }
      for (; digits < 9; digits++) {
        nanos *= 10;
      }
    }
    char zone = text.charAt(at);
    ZoneOffset offset = zone == 'Z' || zone == 'z' ? ZoneOffset.UTC
        : ZoneOffset.ofHoursMinutes((zone == '-' ? -1 : 1) * number(text, at + 1, at + 3),
            (zone == '-' ? -1 : 1) * number(text, at + 4, at + 6));
    return Instant.ofEpochSecond(days * 86_400 + secondOfDay - offset.getTotalSeconds(), nanos);
  }

  /** The decimal number of {@code text[from, to)}, digits only (as {@link Integer#parseInt} reads them, without its sign). */
  private static int number(CharSequence text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        throw new NumberFormatException("not a digit at " + i + " of " + text);
      }
      value = value * 10 + digit;
    }
    return value;
  }
}
