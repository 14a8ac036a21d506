package dev.openproof.orderjson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderLine;
import dev.openproof.core.validation.InvalidOrderException;
import dev.openproof.core.validation.OrderValidator;
import dev.openproof.core.validation.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads orders in the wire form of {@code order.schema.json} and writes them back. A document that
 * breaks the schema is refused with one {@link InvalidOrderException} that names every violation:
 * those of its shape (a missing member, a wrong type, a date that does not parse) together with
 * those of the input rules that {@link OrderValidator} checks.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class OrderJson {
  /** The largest order document read, in bytes: 500 lines of 200-character products fit easily. */
  public static final int MAX_DOCUMENT_BYTES = 1 << 20;

  private final ObjectMapper mapper = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private final OrderValidator validator;

  private OrderJson(OrderValidator validator) {
    this.validator = validator;
    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build());
  }

  /**
   * A reader and writer with its own validator.
   *
   * @return the codec
   */
  public static OrderJson create() {
    return new OrderJson(OrderValidator.create());
  }

  /**
   * Reads an order file.
   *
   * @param file the file
   * @return the order, valid by every input rule
   * @throws InvalidOrderException naming every violation
   * @throws IOException if the file cannot be read
   */
  public Order read(Path file) throws IOException {
    if (Files.size(file) > MAX_DOCUMENT_BYTES) {
      throw new InvalidOrderException("order file " + file.getFileName(),
          List.of(new Violation("", "is larger than " + MAX_DOCUMENT_BYTES + " bytes")));
    }
    return parse(Files.readString(file), "order file " + file.getFileName());
  }

  /**
   * Reads an order from JSON text.
   *
   * @param json the document
   * @param subject what to call it in messages, such as {@code order file po-1.json}
   * @return the order, valid by every input rule
   * @throws InvalidOrderException naming every violation
   */
  public Order parse(String json, String subject) {
    Objects.requireNonNull(json, "json");
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidOrderException(subject, List.of(new Violation("",
          "is not well-formed JSON (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")")));
    }
    OrderReading reading = new OrderReading();
    Order order = reading.order(root);
    Map<String, Violation> byPath = new LinkedHashMap<>();
    for (Violation v : reading.violations()) {
      byPath.putIfAbsent(v.path(), v);
    }
    if (order != null) {
      for (Violation v : validator.violations(order)) {
        byPath.putIfAbsent(v.path(), v);
      }
    }
    if (!byPath.isEmpty()) {
      List<Violation> all = new ArrayList<>(byPath.values());
      all.sort((a, b) -> a.path().compareTo(b.path()));
      String id = root.path("order_id").isTextual() ? " " + root.path("order_id").asText() : "";
      throw new InvalidOrderException(subject + id, all);
    }
    return Objects.requireNonNull(order);
  }

  /**
   * Writes an order in the wire form.
   *
   * @param order the order
   * @return the JSON document, indented
   */
  public String write(Order order) {
    ObjectNode root = mapper.createObjectNode();
    root.put("order_id", order.orderId().value());
    root.put("program", order.program().name());
    root.put("placed_at", order.placedAt().toString());
    root.put("currency", order.currency().getCurrencyCode());
    order.existingAuthorization().ifPresent(a -> root.put("authorization_number", a.value()));
    party(root.putObject("distributor"), order.distributor());
    party(root.putObject("reseller"), order.reseller());
    party(root.putObject("customer"), order.customer()).put("language", order.customer().language().toLanguageTag());
    var lines = root.putArray("lines");
    for (OrderLine line : order.lines()) {
      ObjectNode node = lines.addObject();
      node.put("sku", line.sku());
      node.put("product", line.product());
      node.put("quantity", line.quantity());
      node.put("type", line.type().name());
      node.put("unit_price", line.unitPrice().toPlainString());
      line.startDate().ifPresent(d -> node.put("starts", d.toString()));
      line.endDate().ifPresent(d -> node.put("ends", d.toString()));
    }
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an order tree could not be written", e);
    }
  }

  private static ObjectNode party(ObjectNode node, dev.openproof.core.model.Party party) {
    node.put("id", party.id());
    node.put("name", party.name());
    node.put("country", party.country());
    node.put("email", party.email());
    return node;
  }
}
