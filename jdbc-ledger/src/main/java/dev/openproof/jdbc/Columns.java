package dev.openproof.jdbc;

import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.LicenseType;
import dev.openproof.core.model.PartyRef;
import dev.openproof.core.model.Recipient;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How values of the model are written to columns and read back: instants as {@code TIMESTAMP WITH
 * TIME ZONE} in UTC, to the microsecond; decimals as {@code NUMERIC(38, 12)} with their scale in a
 * column beside them, so that {@code 100.00} comes back as {@code 100.00}; locales as language tags.
 */
final class Columns {
  /** The fraction digits of the {@code NUMERIC} columns. */
  private static final int MAX_SCALE = 12;
  /** The integer digits of the {@code NUMERIC} columns. */
  private static final int MAX_INTEGER_DIGITS = 26;

  private Columns() {}

  /** An instant as the database keeps it: truncated to the microsecond. */
  static Instant stored(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** A proof as the database keeps it: its instants truncated to the microsecond. */
  static LicenseProof stored(LicenseProof proof) {
    Instant expiresAt = proof.expiresAt();
    return new LicenseProof(proof.proofId(), proof.licenseNumber(), proof.authorizationNumber(), proof.program(),
        proof.orderId(), stored(proof.orderedAt()), proof.customer(), proof.reseller(), proof.distributor(),
        proof.entitlements(), stored(proof.issuedAt()), expiresAt == null ? null : stored(expiresAt), proof.status(), proof.replaces());
  }

  /** A recipient as the database keeps it: its language as the language tag makes it. */
  static Recipient stored(Recipient recipient) {
    return new Recipient(recipient.name(), recipient.email(), Locale.forLanguageTag(recipient.language().toLanguageTag()));
  }

  static void setInstant(PreparedStatement statement, int index, @Nullable Instant instant) throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, OffsetDateTime.ofInstant(stored(instant), ZoneOffset.UTC));
    }
  }

  static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static Instant requiredInstant(ResultSet row, String column) throws SQLException {
    return Objects.requireNonNull(instant(row, column), column);
  }

  static void setDate(PreparedStatement statement, int index, @Nullable LocalDate date) throws SQLException {
    if (date == null) {
      statement.setNull(index, Types.DATE);
    } else {
      statement.setObject(index, date);
    }
  }

  static @Nullable LocalDate date(ResultSet row, String column) throws SQLException {
    return row.getObject(column, LocalDate.class);
  }

  static void setNullableLong(PreparedStatement statement, int index, @Nullable Long value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }

  /** Binds a decimal to two parameters, the value and its scale. */
  static void setDecimal(PreparedStatement statement, int index, BigDecimal value) throws SQLException {
    if (value.scale() > MAX_SCALE || value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
      throw new IllegalArgumentException("the ledger keeps amounts of up to " + MAX_INTEGER_DIGITS
          + " integer and " + MAX_SCALE + " fraction digits, not " + value.toPlainString());
    }
    statement.setBigDecimal(index, value);
    statement.setShort(index + 1, (short) value.scale());
  }

  static BigDecimal decimal(ResultSet row, String column) throws SQLException {
    return row.getBigDecimal(column).setScale(row.getShort(column + "_scale"));
  }

  /** Binds a party to three parameters: id, name, country. */
  static void setParty(PreparedStatement statement, int index, PartyRef party) throws SQLException {
    statement.setString(index, party.id());
    statement.setString(index + 1, party.name());
    statement.setString(index + 2, party.country());
  }

  static PartyRef party(ResultSet row, String prefix) throws SQLException {
    return new PartyRef(row.getString(prefix + "_id"), row.getString(prefix + "_name"), row.getString(prefix + "_country"));
  }

  /** Binds a recipient to three parameters: name, e-mail, language tag. */
  static void setRecipient(PreparedStatement statement, int index, Recipient recipient) throws SQLException {
    statement.setString(index, recipient.name());
    statement.setString(index + 1, recipient.email());
    statement.setString(index + 2, recipient.language().toLanguageTag());
  }

  static Recipient recipient(ResultSet row) throws SQLException {
    return new Recipient(row.getString("recipient_name"), row.getString("recipient_email"),
        Locale.forLanguageTag(row.getString("recipient_language")));
  }

  /** Binds an entitlement to six parameters: sku, product, quantity, type, starts, ends. */
  static void setEntitlement(PreparedStatement statement, int index, Entitlement entitlement) throws SQLException {
    statement.setString(index, entitlement.sku());
    statement.setString(index + 1, entitlement.product());
    statement.setInt(index + 2, entitlement.quantity());
    statement.setString(index + 3, entitlement.type().name());
    setDate(statement, index + 4, entitlement.starts());
    setDate(statement, index + 5, entitlement.ends());
  }

  static Entitlement entitlement(ResultSet row) throws SQLException {
    return new Entitlement(row.getString("sku"), row.getString("product"), row.getInt("quantity"),
        LicenseType.valueOf(row.getString("license_type")), date(row, "starts"), date(row, "ends"));
  }
}
