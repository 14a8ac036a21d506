package dev.openproof.jdbc;

import dev.openproof.core.model.ProofId;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** Renewal reminders recorded, once per proof and reminder, by the table's primary key. */
final class ReminderTable {
  private static final String INSERT =
      "INSERT INTO openproof_reminder (proof_id, reminder, recorded_at) VALUES (?, ?, ?)";
  private static final String DELETE = "DELETE FROM openproof_reminder WHERE proof_id = ? AND reminder = ?";

  private final Jdbc jdbc;

  ReminderTable(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  boolean record(ProofId proofId, String reminder, Instant at) {
    String insert = jdbc.dialect().insertIfAbsent(INSERT, "proof_id, reminder");
    return jdbc.transaction("record reminder " + reminder + " of proof " + proofId, c -> {
      try (PreparedStatement statement = c.prepareStatement(insert)) {
        statement.setString(1, proofId.value());
        statement.setString(2, reminder);
        Columns.setInstant(statement, 3, at);
        return jdbc.dialect().executeInsertIfAbsent(statement) == 1;
      } catch (SQLException e) {
        if (Jdbc.isMissingParent(e)) {
          throw new IllegalStateException("unknown proof " + proofId, e);
        }
        throw e;
      }
    });
  }

  void forget(ProofId proofId, String reminder) {
    jdbc.transaction("forget reminder " + reminder + " of proof " + proofId, c -> {
      try (PreparedStatement statement = c.prepareStatement(DELETE)) {
        statement.setString(1, proofId.value());
        statement.setString(2, reminder);
        return statement.executeUpdate();
      }
    });
  }
}
