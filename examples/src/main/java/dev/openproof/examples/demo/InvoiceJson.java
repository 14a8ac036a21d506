package dev.openproof.examples.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openproof.core.model.CreditNote;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.InvoiceId;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.InvoiceLine;
import dev.openproof.core.model.Money;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.PartyRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Writes invoices as JSON files and reads them back. */
final class InvoiceJson {
  private final ObjectMapper mapper = new ObjectMapper();

  String write(Invoice invoice) {
    ObjectNode root = mapper.createObjectNode();
    root.put("invoice_id", invoice.id().value());
    root.put("leg", invoice.leg().name());
    root.put("order_id", invoice.orderId().value());
    party(root.putObject("seller"), invoice.seller());
    party(root.putObject("buyer"), invoice.buyer());
    root.put("currency", invoice.total().currency().getCurrencyCode());
    var lines = root.putArray("lines");
    for (InvoiceLine line : invoice.lines()) {
      ObjectNode node = lines.addObject();
      node.put("sku", line.sku());
      node.put("product", line.product());
      node.put("quantity", line.quantity());
      node.put("unit_price", line.unitPrice().toPlainString());
      node.put("amount", line.amount().amount().toPlainString());
    }
    root.put("total", invoice.total().amount().toPlainString());
    root.put("issued_at", invoice.issuedAt().toString());
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an invoice could not be written", e);
    }
  }

  /** A credit note: the lines credited, and the invoice it cancels. */
  String write(CreditNote note) {
    ObjectNode root = mapper.createObjectNode();
    root.put("credit_note_id", note.id().value());
    root.put("cancels", note.cancels().value());
    root.put("leg", note.leg().name());
    root.put("order_id", note.orderId().value());
    party(root.putObject("seller"), note.seller());
    party(root.putObject("buyer"), note.buyer());
    root.put("currency", note.total().currency().getCurrencyCode());
    var lines = root.putArray("lines");
    for (InvoiceLine line : note.lines()) {
      ObjectNode node = lines.addObject();
      node.put("sku", line.sku());
      node.put("product", line.product());
      node.put("quantity", line.quantity());
      node.put("unit_price", line.unitPrice().toPlainString());
      node.put("amount", line.amount().amount().toPlainString());
    }
    root.put("total", note.total().amount().toPlainString());
    root.put("reason", note.reason());
    root.put("issued_at", note.issuedAt().toString());
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a credit note could not be written", e);
    }
  }

  CreditNote readCreditNote(String json) throws JsonProcessingException {
    JsonNode root = mapper.readTree(json);
    Currency currency = Currency.getInstance(root.get("currency").asText());
    List<InvoiceLine> lines = new ArrayList<>();
    for (JsonNode line : root.get("lines")) {
      lines.add(new InvoiceLine(line.get("sku").asText(), line.get("product").asText(), line.get("quantity").asInt(),
          new BigDecimal(line.get("unit_price").asText()), new Money(new BigDecimal(line.get("amount").asText()), currency)));
    }
    return new CreditNote(InvoiceId.of(root.get("credit_note_id").asText()), InvoiceLeg.valueOf(root.get("leg").asText()),
        OrderId.of(root.get("order_id").asText()), InvoiceId.of(root.get("cancels").asText()), party(root.get("seller")),
        party(root.get("buyer")), lines, new Money(new BigDecimal(root.get("total").asText()), currency),
        root.get("reason").asText(), Instant.parse(root.get("issued_at").asText()));
  }

  Invoice read(String json) throws JsonProcessingException {
    JsonNode root = mapper.readTree(json);
    Currency currency = Currency.getInstance(root.get("currency").asText());
    List<InvoiceLine> lines = new ArrayList<>();
    for (JsonNode line : root.get("lines")) {
      lines.add(new InvoiceLine(line.get("sku").asText(), line.get("product").asText(), line.get("quantity").asInt(),
          new BigDecimal(line.get("unit_price").asText()), new Money(new BigDecimal(line.get("amount").asText()), currency)));
    }
    return new Invoice(InvoiceId.of(root.get("invoice_id").asText()), InvoiceLeg.valueOf(root.get("leg").asText()),
        OrderId.of(root.get("order_id").asText()), party(root.get("seller")), party(root.get("buyer")), lines,
        new Money(new BigDecimal(root.get("total").asText()), currency), Instant.parse(root.get("issued_at").asText()));
  }

  private static void party(ObjectNode node, PartyRef party) {
    node.put("id", party.id());
    node.put("name", party.name());
    party.countryCode().ifPresent(c -> node.put("country", c));
  }

  private static PartyRef party(JsonNode node) {
    return new PartyRef(node.get("id").asText(), node.get("name").asText(),
        node.hasNonNull("country") ? node.get("country").asText() : null);
  }
}
