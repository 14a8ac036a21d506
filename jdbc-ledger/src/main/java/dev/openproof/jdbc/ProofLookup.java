package dev.openproof.jdbc;

import dev.openproof.core.model.ProofId;
import dev.openproof.core.exchange.ProofRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds proofs by license number, authorization number, customer, and the proof they replace. */
final class ProofLookup {
  private static final String BY_LICENSE = "SELECT proof_id FROM openproof_proof WHERE license_number = ?";
  private static final String BY_AUTHORIZATION =
      "SELECT proof_id FROM openproof_proof WHERE authorization_number = ? ORDER BY recorded_at, proof_id";
  private static final String BY_CUSTOMER =
      "SELECT proof_id FROM openproof_proof WHERE customer_id = ? ORDER BY recorded_at, proof_id";

  private static final String ENDING = "SELECT p.proof_id FROM openproof_proof p WHERE p.proof_id IN"
      + " (SELECT e.proof_id FROM openproof_proof_entitlement e WHERE e.ends BETWEEN ? AND ?)"
      + " ORDER BY p.recorded_at, p.proof_id";

  private final Jdbc jdbc;
  private final ProofTable proofs;

  ProofLookup(Jdbc jdbc, ProofTable proofs) {
    this.jdbc = jdbc;
    this.proofs = proofs;
  }

  Optional<ProofRecord> byLicense(String licenseNumber) {
    return jdbc.autoCommit("find the proof of license " + licenseNumber, c -> {
      List<ProofRecord> found = records(c, BY_LICENSE, licenseNumber);
      return found.isEmpty() ? Optional.<ProofRecord>empty() : Optional.of(found.get(0));
    });
  }

  List<ProofRecord> byAuthorization(String authorizationNumber) {
    return jdbc.autoCommit("find the proofs of authorization " + authorizationNumber,
        c -> records(c, BY_AUTHORIZATION, authorizationNumber));
  }

  List<ProofRecord> byCustomer(String customerId) {
    return jdbc.autoCommit("find the proofs of customer " + customerId, c -> records(c, BY_CUSTOMER, customerId));
  }

  List<ProofRecord> ending(LocalDate from, LocalDate to) {
    return jdbc.autoCommit("find the proofs ending from " + from + " to " + to, c -> {
      List<ProofId> ids = new ArrayList<>();
      try (PreparedStatement statement = c.prepareStatement(ENDING)) {
        Columns.setDate(statement, 1, from);
        Columns.setDate(statement, 2, to);
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            ids.add(ProofId.of(row.getString(1)));
          }
        }
      }
      List<ProofRecord> records = new ArrayList<>(ids.size());
      for (ProofId id : ids) {
        proofs.find(c, id).ifPresent(records::add);
      }
      return records;
    });
  }

  Optional<ProofRecord> replacementOf(ProofId replaced) {
    return jdbc.autoCommit("find the replacement of proof " + replaced, c -> {
      Optional<ProofId> id = ProofTable.proofOfKey(c, ProofTable.replacementKey(replaced));
      return id.isEmpty() ? Optional.<ProofRecord>empty() : proofs.find(c, id.get());
    });
  }

  private List<ProofRecord> records(Connection c, String query, String value) throws SQLException {
    List<ProofId> ids = new ArrayList<>();
    try (PreparedStatement statement = c.prepareStatement(query)) {
      statement.setString(1, value);
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          ids.add(ProofId.of(row.getString(1)));
        }
      }
    }
    List<ProofRecord> records = new ArrayList<>(ids.size());
    for (ProofId id : ids) {
      proofs.find(c, id).ifPresent(records::add);
    }
    return records;
  }
}
