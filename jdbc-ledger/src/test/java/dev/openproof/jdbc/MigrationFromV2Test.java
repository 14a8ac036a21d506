package dev.openproof.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.DeliveryId;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.Recipient;
import dev.openproof.core.model.SignedProof;
import dev.openproof.core.exchange.DeliveryKind;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.testing.SampleOrders;
import dev.openproof.core.testing.SampleProofs;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A database of schema version 2 that holds proofs is migrated to the latest version with nothing lost. */
class MigrationFromV2Test {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  private static final AuthorizationNumber AUTH = AuthorizationNumber.of("A-OLD-1");
  /** The proof insert of the ledger at schema version 2, before proofs could replace each other. */
  private static final String V2_PROOF_INSERT = "INSERT INTO openproof_proof (proof_id, order_id, license_number,"
      + " authorization_number, program, ordered_at, customer_id, customer_name, customer_country, reseller_id,"
      + " reseller_name, reseller_country, distributor_id, distributor_name, distributor_country, issued_at,"
      + " expires_at, status_index, status_uri, token, algorithm, key_id, recipient_name, recipient_email,"
      + " recipient_language, recorded_at)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void proofsRecordedAtVersionTwoAreFoundAndCanBeReplacedAfterTheMigration(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase database = TestDatabase.of(kind)) {
      DataSource pool = database.newPool(2);
      Order first = SampleOrders.numbered(1);
      Order second = SampleOrders.numbered(2);
      try (Connection c = pool.getConnection(); Statement statement = c.createStatement()) {
        MigrationTest.applyUpTo(statement, 2);
        insertV2Proof(c, first, "p-old-1", "700000001");
        insertV2Proof(c, second, "p-old-2", "700000002");
        statement.execute("INSERT INTO openproof_revocation VALUES ('p-old-2', 'returned', CURRENT_TIMESTAMP)");
      }

      JdbcProofLedger ledger = JdbcProofLedger.create(pool);
      // Version 3 (order digests), version 4 (after the sale) and version 5 (the outbox's seq) are applied.
      assertThat(ledger.migrate()).isEqualTo(3);

      ProofRecord old = ledger.findProof(ProofId.of("p-old-1")).orElseThrow();
      assertThat(old.proof().replacesProof()).isEmpty();
      assertThat(old.proof().entitlements()).hasSize(2);
      assertThat(ledger.findOrder(first.orderId()).orElseThrow().issuedProofId()).contains(ProofId.of("p-old-1"));
      assertThat(ledger.deliveries(ProofId.of("p-old-1"))).hasSize(1);
      assertThat(ledger.findProof(LicenseNumber.withCheckDigit("700000001"))).get()
          .extracting(r -> r.proof().proofId()).isEqualTo(ProofId.of("p-old-1"));
      assertThat(ledger.findProofs(AUTH)).extracting(r -> r.proof().proofId())
          .containsExactly(ProofId.of("p-old-1"), ProofId.of("p-old-2"));
      assertThat(ledger.findProofsOfCustomer("C-GEN-2").get(0).revoked()).isPresent();

      LicenseProof again = proof(first, "p-again", "700000009");
      DeliveryRequest againDelivery = SampleProofs.firstDelivery(first, again, "d-again");
      assertThat(ledger.recordProof(again, againDelivery.signedProof(), againDelivery, T0).proof().proofId())
          .as("still one first proof per order").isEqualTo(ProofId.of("p-old-1"));

      LicenseProof replacement = old.proof().replacedBy(ProofId.of("p-new-1"), LicenseNumber.withCheckDigit("700000011"),
          AUTH, old.proof().customer(), old.proof().entitlements().subList(0, 1), T0);
      DeliveryRequest delivery = new DeliveryRequest(DeliveryId.of("d-new-1"),
          DeliveryKind.ORIGINAL, null, old.recipient(), replacement, SampleProofs.signed(replacement));
      assertThat(ledger.recordReplacement(replacement, delivery.signedProof(), delivery, T0).proof().proofId())
          .isEqualTo(ProofId.of("p-new-1"));
      assertThat(ledger.findOrder(first.orderId()).orElseThrow().issuedProofId()).contains(ProofId.of("p-old-1"));
      assertThat(ledger.findReplacement(ProofId.of("p-old-1"))).isPresent();
      assertThat(ledger.migrate()).isZero();
    }
  }

  private static LicenseProof proof(Order order, String proofId, String licensePayload) {
    return LicenseProof.of(order, ProofId.of(proofId), LicenseNumber.withCheckDigit(licensePayload), AUTH, T0);
  }

  private static void insertV2Proof(Connection c, Order order, String proofId, String licensePayload) throws SQLException {
    LicenseProof proof = proof(order, proofId, licensePayload);
    SignedProof signed = SampleProofs.signed(proof);
    Recipient recipient = Recipient.of(order.customer());
    OffsetDateTime at = OffsetDateTime.ofInstant(T0, ZoneOffset.UTC);
    try (PreparedStatement s = c.prepareStatement("INSERT INTO openproof_order (order_id, completed, route, created_at)"
        + " VALUES (?, TRUE, 'DIGITAL', ?)")) {
      s.setString(1, order.orderId().value());
      s.setObject(2, at);
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement(V2_PROOF_INSERT)) {
      Object[] values = {proofId, order.orderId().value(), proof.licenseNumber().value(), AUTH.value(),
          proof.program().name(), OffsetDateTime.ofInstant(proof.orderedAt(), ZoneOffset.UTC),
          proof.customer().id(), proof.customer().name(), proof.customer().country(),
          proof.reseller().id(), proof.reseller().name(), proof.reseller().country(),
          proof.distributor().id(), proof.distributor().name(), proof.distributor().country(), at, null, null, null,
          signed.token(), signed.algorithm(), signed.keyId(), recipient.name(), recipient.email(),
          recipient.language().toLanguageTag(), at};
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null) {
          s.setNull(i + 1, i == 16 ? Types.TIMESTAMP_WITH_TIMEZONE : i == 17 ? Types.BIGINT : Types.VARCHAR);
        } else {
          s.setObject(i + 1, values[i]);
        }
      }
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement("INSERT INTO openproof_proof_entitlement (proof_id, position, sku, product,"
        + " quantity, license_type, starts, ends) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)")) {
      for (int i = 0; i < proof.entitlements().size(); i++) {
        var e = proof.entitlements().get(i);
        s.setString(1, proofId);
        s.setInt(2, i);
        s.setString(3, e.sku());
        s.setString(4, e.product());
        s.setInt(5, e.quantity());
        s.setString(6, e.type().name());
        s.executeUpdate();
      }
    }
    try (PreparedStatement s = c.prepareStatement("INSERT INTO openproof_delivery (delivery_id, proof_id, kind,"
        + " recipient_name, recipient_email, recipient_language, status, attempts, created_at)"
        + " VALUES (?, ?, 'ORIGINAL', ?, ?, ?, 'PENDING', 0, ?)")) {
      s.setString(1, "d-" + proofId);
      s.setString(2, proofId);
      s.setString(3, recipient.name());
      s.setString(4, recipient.email());
      s.setString(5, recipient.language().toLanguageTag());
      s.setObject(6, at);
      s.executeUpdate();
    }
  }
}
