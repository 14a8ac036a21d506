package dev.openproof.jdbc;

import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.PartyRef;
import dev.openproof.core.model.PhysicalShipment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Physical shipments of legacy orders with their entitlements; the order's key keeps the first. */
final class ShipmentTable {
  private static final String INSERT = "INSERT INTO openproof_shipment (order_id, distributor_id, distributor_name,"
      + " distributor_country, recorded_at) VALUES (?, ?, ?, ?, ?)";
  private static final String INSERT_ENTITLEMENT = "INSERT INTO openproof_shipment_entitlement (order_id, position,"
      + " sku, product, quantity, license_type, starts, ends) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT = "SELECT s.distributor_id, s.distributor_name, s.distributor_country,"
      + " s.recorded_at, e.position, e.sku, e.product, e.quantity, e.license_type, e.starts, e.ends"
      + " FROM openproof_shipment s LEFT JOIN openproof_shipment_entitlement e ON e.order_id = s.order_id"
      + " WHERE s.order_id = ? ORDER BY e.position";

  private final Jdbc jdbc;

  ShipmentTable(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  PhysicalShipment record(PhysicalShipment shipment) {
    OrderId orderId = shipment.orderId();
    String insert = jdbc.dialect().insertIfAbsent(INSERT, "order_id");
    return jdbc.transaction("record the shipment of order " + orderId, c -> {
      int inserted;
      try (PreparedStatement statement = c.prepareStatement(insert)) {
        statement.setString(1, orderId.value());
        Columns.setParty(statement, 2, shipment.distributor());
        Columns.setInstant(statement, 5, shipment.recordedAt());
        inserted = jdbc.insertOfOrder(statement, orderId);
      }
      if (inserted == 0) {
        return find(c, orderId).orElseThrow(() -> new IllegalStateException("shipment of order " + orderId + " is not readable"));
      }
      if (!shipment.entitlements().isEmpty()) {
        try (PreparedStatement statement = c.prepareStatement(INSERT_ENTITLEMENT)) {
          int position = 0;
          for (Entitlement entitlement : shipment.entitlements()) {
            statement.setString(1, orderId.value());
            statement.setInt(2, position++);
            Columns.setEntitlement(statement, 3, entitlement);
            statement.addBatch();
          }
          statement.executeBatch();
        }
      }
      return shipment;
    });
  }

  Optional<PhysicalShipment> find(Connection c, OrderId orderId) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(SELECT)) {
      statement.setString(1, orderId.value());
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        PartyRef distributor = Columns.party(row, "distributor");
        Instant recordedAt = Columns.requiredInstant(row, "recorded_at");
        List<Entitlement> entitlements = new ArrayList<>();
        do {
          if (row.getString("sku") != null) {
            entitlements.add(Columns.entitlement(row));
          }
        } while (row.next());
        return Optional.of(new PhysicalShipment(orderId, distributor, entitlements, recordedAt));
      }
    }
  }
}
