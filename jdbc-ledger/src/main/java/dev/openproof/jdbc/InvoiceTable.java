package dev.openproof.jdbc;

import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.InvoiceId;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.InvoiceLine;
import dev.openproof.core.model.Money;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.PartyRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Invoices with their lines; the key (order, leg) keeps the first invoice of each leg. */
final class InvoiceTable {
  static final String INSERT = "INSERT INTO openproof_invoice (order_id, leg, invoice_id,"
      + " seller_id, seller_name, seller_country, buyer_id, buyer_name, buyer_country, currency, total, total_scale,"
      + " issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static final String INSERT_LINE = "INSERT INTO openproof_invoice_line (order_id, leg, line_no, sku,"
      + " product, quantity, unit_price, unit_price_scale, amount, amount_scale, amount_currency)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT = "SELECT " + InvoiceTable.COLUMNS
      + " FROM openproof_invoice i JOIN openproof_invoice_line l ON l.order_id = i.order_id AND l.leg = i.leg"
      + " WHERE i.order_id = ?";

  private final Jdbc jdbc;

  InvoiceTable(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  Invoice record(Invoice invoice) {
    String insert = jdbc.dialect().insertIfAbsent(INSERT, "order_id, leg");
    return jdbc.transaction("record invoice " + invoice.id() + " of order " + invoice.orderId(), c -> {
      int inserted;
      try (PreparedStatement statement = c.prepareStatement(insert)) {
        bindHeader(statement, invoice);
        inserted = jdbc.insertOfOrder(statement, invoice.orderId());
      }
      if (inserted == 0) {
        return find(c, invoice.orderId(), invoice.leg()).orElseThrow(() ->
            new IllegalStateException("invoice of order " + invoice.orderId() + ", leg " + invoice.leg() + " is not readable"));
      }
      insertLines(c, invoice);
      return invoice;
    });
  }

  /** Records the invoices of one order in one transaction: the headers in one batch, the lines in another. */
  List<Invoice> recordAll(List<Invoice> invoices) {
    if (invoices.isEmpty()) {
      return List.of();
    }
    return jdbc.transaction("record the invoices of order " + invoices.get(0).orderId(), c -> keepAll(c, invoices));
  }

  /**
   * {@link #insertAll} on a connection in a transaction; returns, for each invoice, the one the ledger
   * keeps for its order and leg: this one as stored, or the one recorded before.
   */
  List<Invoice> keepAll(Connection c, List<Invoice> invoices) throws SQLException {
    int[] inserted = insertAll(c, invoices);
    List<Invoice> kept = new ArrayList<>(invoices.size());
    for (int i = 0; i < invoices.size(); i++) {
      Invoice invoice = invoices.get(i);
      kept.add(inserted[i] == 1 ? stored(invoice) : find(c, invoice.orderId(), invoice.leg()).orElseThrow(() ->
          new IllegalStateException("invoice of order " + invoice.orderId() + ", leg " + invoice.leg() + " is not readable")));
    }
    return kept;
  }

  /** Inserts invoices whose order has none of their leg, with their lines; returns the rows inserted of each. */
  int[] insertAll(Connection c, List<Invoice> invoices) throws SQLException {
    boolean[] inserted;
    try {
      inserted = jdbc.insertAllIfAbsent(c, INSERT, invoices, InvoiceTable::bindHeader,
          new Jdbc.Key<>("order_id, leg", invoice -> Jdbc.key(invoice.orderId().value(), invoice.leg().name())));
    } catch (SQLException e) {
      if (Jdbc.isMissingParent(e)) {
        throw new IllegalStateException("an order of invoices " + invoices.stream().map(i -> i.id().value()).toList()
            + " was never claimed", e);
      }
      throw e;
    }
    List<Object[]> lines = new ArrayList<>();
    int[] counts = new int[invoices.size()];
    for (int i = 0; i < invoices.size(); i++) {
      counts[i] = inserted[i] ? 1 : 0;
      if (inserted[i]) {
        int lineNo = 0;
        for (InvoiceLine line : invoices.get(i).lines()) {
          lines.add(new Object[] {invoices.get(i), lineNo++, line});
        }
      }
    }
    jdbc.insertAll(c, INSERT_LINE, lines, (statement, base, row) ->
        bindLine(statement, base, (Invoice) row[0], (Integer) row[1], (InvoiceLine) row[2]));
    return counts;
  }

  /** An invoice as the database keeps it: its instant truncated to the microsecond. */
  static Invoice stored(Invoice invoice) {
    return new Invoice(invoice.id(), invoice.leg(), invoice.orderId(), invoice.seller(), invoice.buyer(), invoice.lines(),
        invoice.total(), Columns.stored(invoice.issuedAt()));
  }

  private static void bindHeader(PreparedStatement statement, Invoice invoice) throws SQLException {
    bindHeader(statement, 1, invoice);
  }

  /** Binds an invoice's header to the thirteen parameters of {@link #INSERT} from {@code base} on. */
  static void bindHeader(PreparedStatement statement, int base, Invoice invoice) throws SQLException {
    statement.setString(base, invoice.orderId().value());
    statement.setString(base + 1, invoice.leg().name());
    statement.setString(base + 2, invoice.id().value());
    Columns.setParty(statement, base + 3, invoice.seller());
    Columns.setParty(statement, base + 6, invoice.buyer());
    statement.setString(base + 9, invoice.total().currency().getCurrencyCode());
    Columns.setDecimal(statement, base + 10, invoice.total().amount());
    Columns.setInstant(statement, base + 12, invoice.issuedAt());
  }

  private static void bindLine(PreparedStatement statement, Invoice invoice, int lineNo, InvoiceLine line) throws SQLException {
    bindLine(statement, 1, invoice, lineNo, line);
  }

  /** Binds an invoice line to the eleven parameters of {@link #INSERT_LINE} from {@code base} on. */
  static void bindLine(PreparedStatement statement, int base, Invoice invoice, int lineNo, InvoiceLine line)
      throws SQLException {
    statement.setString(base, invoice.orderId().value());
    statement.setString(base + 1, invoice.leg().name());
    statement.setInt(base + 2, lineNo);
    statement.setString(base + 3, line.sku());
    statement.setString(base + 4, line.product());
    statement.setInt(base + 5, line.quantity());
    Columns.setDecimal(statement, base + 6, line.unitPrice());
    Columns.setDecimal(statement, base + 8, line.amount().amount());
    statement.setString(base + 10, line.amount().currency().getCurrencyCode());
  }

  private static void insertLines(Connection c, Invoice invoice) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(INSERT_LINE)) {
      int lineNo = 0;
      for (InvoiceLine line : invoice.lines()) {
        bindLine(statement, invoice, lineNo++, line);
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  /** The columns of an invoice and its lines, from {@code openproof_invoice i} joined with {@code openproof_invoice_line l}. */
  static final String COLUMNS = "i.leg, i.invoice_id, i.seller_id, i.seller_name, i.seller_country,"
      + " i.buyer_id, i.buyer_name, i.buyer_country, i.currency, i.total, i.total_scale, i.issued_at,"
      + " l.sku, l.product, l.quantity, l.unit_price, l.unit_price_scale, l.amount, l.amount_scale, l.amount_currency";

  Optional<Invoice> find(Connection c, OrderId orderId, InvoiceLeg leg) throws SQLException {
    Lines lines = new Lines();
    try (PreparedStatement statement = c.prepareStatement(SELECT + " AND i.leg = ? ORDER BY l.line_no")) {
      statement.setString(1, orderId.value());
      statement.setString(2, leg.name());
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          lines.add(row);
        }
      }
    }
    return lines.invoices(orderId).stream().findFirst();
  }

  /** Collects the invoices of one order from rows of {@link #COLUMNS}, ordered by line; rows without an invoice are skipped. */
  static final class Lines {
    private final Map<InvoiceLeg, Header> headers = new EnumMap<>(InvoiceLeg.class);
    private final Map<InvoiceLeg, List<InvoiceLine>> lines = new EnumMap<>(InvoiceLeg.class);

    void add(ResultSet row) throws SQLException {
      String name = row.getString("leg");
      if (name == null) {
        return;
      }
      InvoiceLeg leg = InvoiceLeg.valueOf(name);
      if (!headers.containsKey(leg)) {
        headers.put(leg, new Header(InvoiceId.of(row.getString("invoice_id")), Columns.party(row, "seller"),
            Columns.party(row, "buyer"),
            new Money(Columns.decimal(row, "total"), Currency.getInstance(row.getString("currency"))),
            Columns.requiredInstant(row, "issued_at")));
      }
      lines.computeIfAbsent(leg, l -> new ArrayList<>()).add(new InvoiceLine(row.getString("sku"),
          row.getString("product"), row.getInt("quantity"), Columns.decimal(row, "unit_price"),
          new Money(Columns.decimal(row, "amount"), Currency.getInstance(row.getString("amount_currency")))));
    }

    /** The invoices, in the order of the legs. */
    List<Invoice> invoices(OrderId orderId) {
      List<Invoice> invoices = new ArrayList<>();
      headers.forEach((leg, h) ->
          invoices.add(new Invoice(h.id(), leg, orderId, h.seller(), h.buyer(), lines.getOrDefault(leg, List.of()),
              h.total(), h.issuedAt())));
      return invoices;
    }
  }

  private record Header(InvoiceId id, PartyRef seller, PartyRef buyer, Money total, Instant issuedAt) {}
}
