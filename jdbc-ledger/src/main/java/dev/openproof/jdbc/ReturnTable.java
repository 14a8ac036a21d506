package dev.openproof.jdbc;

import dev.openproof.core.model.CreditNote;
import dev.openproof.core.model.InvoiceId;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.InvoiceLine;
import dev.openproof.core.model.Money;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.exchange.ReturnRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Returns of orders, and the credit notes with their lines; each keyed so the first one is kept. */
final class ReturnTable {
  private static final String INSERT_RETURN = "INSERT INTO openproof_return (order_id, proof_id, skus, reason,"
      + " returned_at, completed) VALUES (?, ?, ?, ?, ?, FALSE)";
  private static final String SELECT_RETURN = "SELECT * FROM openproof_return WHERE order_id = ?";
  private static final String COMPLETE_RETURN = "UPDATE openproof_return SET completed = TRUE WHERE order_id = ?";
  private static final String INSERT_NOTE = "INSERT INTO openproof_credit_note (credit_note_id, order_id, leg, cancels,"
      + " seller_id, seller_name, seller_country, buyer_id, buyer_name, buyer_country, currency, total, total_scale,"
      + " reason, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_LINE = "INSERT INTO openproof_credit_note_line (credit_note_id, line_no, sku,"
      + " product, quantity, unit_price, unit_price_scale, amount, amount_scale, amount_currency)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT_NOTES = "SELECT n.*, l.sku, l.product, l.quantity, l.unit_price,"
      + " l.unit_price_scale, l.amount, l.amount_scale, l.amount_currency"
      + " FROM openproof_credit_note n JOIN openproof_credit_note_line l ON l.credit_note_id = n.credit_note_id";

  private final Jdbc jdbc;

  ReturnTable(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  ReturnRecord recordReturn(ReturnRecord returned) {
    String insert = jdbc.dialect().insertIfAbsent(INSERT_RETURN, "order_id");
    return jdbc.transaction("record the return of order " + returned.orderId(), c -> {
      try (PreparedStatement statement = c.prepareStatement(insert)) {
        statement.setString(1, returned.orderId().value());
        statement.setString(2, returned.proofId().value());
        statement.setString(3, String.join(" ", returned.skus()));
        statement.setString(4, returned.reason());
        Columns.setInstant(statement, 5, returned.returnedAt());
        if (jdbc.dialect().executeInsertIfAbsent(statement) == 1) {
          return new ReturnRecord(returned.orderId(), returned.proofId(), returned.skus(), returned.reason(),
              Columns.stored(returned.returnedAt()), false);
        }
      } catch (SQLException e) {
        if (Jdbc.isMissingParent(e)) {
          throw new IllegalStateException("order " + returned.orderId() + " was never claimed, or proof "
              + returned.proofId() + " is unknown", e);
        }
        throw e;
      }
      return findReturn(c, returned.orderId()).orElseThrow();
    });
  }

  Optional<ReturnRecord> findReturn(OrderId orderId) {
    return jdbc.autoCommit("read the return of order " + orderId, c -> findReturn(c, orderId));
  }

  private static Optional<ReturnRecord> findReturn(Connection c, OrderId orderId) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(SELECT_RETURN)) {
      statement.setString(1, orderId.value());
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        String skus = row.getString("skus");
        return Optional.of(new ReturnRecord(orderId, ProofId.of(row.getString("proof_id")),
            skus.isEmpty() ? List.of() : Arrays.asList(skus.split(" ")), row.getString("reason"),
            Columns.requiredInstant(row, "returned_at"), row.getBoolean("completed")));
      }
    }
  }

  void completeReturn(OrderId orderId) {
    int updated = jdbc.transaction("complete the return of order " + orderId, c -> {
      try (PreparedStatement statement = c.prepareStatement(COMPLETE_RETURN)) {
        statement.setString(1, orderId.value());
        return statement.executeUpdate();
      }
    });
    if (updated == 0) {
      throw new IllegalStateException("order " + orderId + " was never returned");
    }
  }

  CreditNote recordCreditNote(CreditNote note) {
    String insert = jdbc.dialect().insertIfAbsent(INSERT_NOTE, "credit_note_id");
    return jdbc.transaction("record credit note " + note.id(), c -> {
      try (PreparedStatement statement = c.prepareStatement(insert)) {
        statement.setString(1, note.id().value());
        statement.setString(2, note.orderId().value());
        statement.setString(3, note.leg().name());
        statement.setString(4, note.cancels().value());
        Columns.setParty(statement, 5, note.seller());
        Columns.setParty(statement, 8, note.buyer());
        statement.setString(11, note.total().currency().getCurrencyCode());
        Columns.setDecimal(statement, 12, note.total().amount());
        statement.setString(14, note.reason());
        Columns.setInstant(statement, 15, note.issuedAt());
        if (jdbc.dialect().executeInsertIfAbsent(statement) == 0) {
          return notes(c, " WHERE n.credit_note_id = ? ORDER BY l.line_no", note.id().value()).get(0);
        }
      } catch (SQLException e) {
        if (Jdbc.isMissingParent(e)) {
          throw new IllegalStateException("order " + note.orderId() + " was never claimed", e);
        }
        throw e;
      }
      try (PreparedStatement statement = c.prepareStatement(INSERT_LINE)) {
        int lineNo = 0;
        for (InvoiceLine line : note.lines()) {
          statement.setString(1, note.id().value());
          statement.setInt(2, lineNo++);
          statement.setString(3, line.sku());
          statement.setString(4, line.product());
          statement.setInt(5, line.quantity());
          Columns.setDecimal(statement, 6, line.unitPrice());
          Columns.setDecimal(statement, 8, line.amount().amount());
          statement.setString(10, line.amount().currency().getCurrencyCode());
          statement.addBatch();
        }
        statement.executeBatch();
      }
      return new CreditNote(note.id(), note.leg(), note.orderId(), note.cancels(), note.seller(), note.buyer(),
          note.lines(), note.total(), note.reason(), Columns.stored(note.issuedAt()));
    });
  }

  List<CreditNote> creditNotes(OrderId orderId) {
    return jdbc.autoCommit("read the credit notes of order " + orderId,
        c -> notes(c, " WHERE n.order_id = ? ORDER BY n.seq, l.line_no", orderId.value()));
  }

  private static List<CreditNote> notes(Connection c, String where, String value) throws SQLException {
    Map<String, List<InvoiceLine>> lines = new LinkedHashMap<>();
    Map<String, CreditNote> headers = new LinkedHashMap<>();
    try (PreparedStatement statement = c.prepareStatement(SELECT_NOTES + where)) {
      statement.setString(1, value);
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          String id = row.getString("credit_note_id");
          InvoiceLine line = new InvoiceLine(row.getString("sku"), row.getString("product"), row.getInt("quantity"),
              Columns.decimal(row, "unit_price"),
              new Money(Columns.decimal(row, "amount"), Currency.getInstance(row.getString("amount_currency"))));
          lines.computeIfAbsent(id, k -> new ArrayList<>()).add(line);
          if (!headers.containsKey(id)) {
            Money total = new Money(Columns.decimal(row, "total"), Currency.getInstance(row.getString("currency")));
            // A placeholder line until all are read; the note is built again below with every line.
            headers.put(id, new CreditNote(InvoiceId.of(id), InvoiceLeg.valueOf(row.getString("leg")),
                OrderId.of(row.getString("order_id")), InvoiceId.of(row.getString("cancels")), Columns.party(row, "seller"),
                Columns.party(row, "buyer"), List.of(new InvoiceLine(line.sku(), line.product(), line.quantity(),
                    line.unitPrice(), total)), total, row.getString("reason"), Columns.requiredInstant(row, "issued_at")));
          }
        }
      }
    }
    List<CreditNote> notes = new ArrayList<>(headers.size());
    headers.forEach((id, h) -> notes.add(new CreditNote(h.id(), h.leg(), h.orderId(), h.cancels(), h.seller(), h.buyer(),
        lines.getOrDefault(id, List.of()), h.total(), h.reason(), h.issuedAt())));
    return notes;
  }
}
