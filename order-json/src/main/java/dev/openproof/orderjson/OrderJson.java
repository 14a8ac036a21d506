package dev.openproof.orderjson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
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
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
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
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private final OrderValidator validator;

  private OrderJson(OrderValidator validator) {
    this.validator = validator;
    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(ParseFailures.MAX_DEPTH)
        .maxNumberLength(ParseFailures.MAX_NUMBER_LENGTH)
        .maxStringLength(MAX_DOCUMENT_BYTES)
        .build());
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
   * Reads an order file: at most {@link #MAX_DOCUMENT_BYTES} bytes are read, whatever the file is (a
   * pipe, a device such as {@code /dev/zero}), before anything is parsed.
   *
   * @param file the file
   * @return the order, valid by every input rule
   * @throws InvalidOrderException naming every violation
   * @throws IOException if the file cannot be read, with a message that names it
   */
  public Order read(Path file) throws IOException {
    String subject = "order file " + file.getFileName();
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_DOCUMENT_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new IOException("cannot read " + file + ": no such file", e);
    } catch (IOException e) {
      throw new IOException("cannot read " + file + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
    }
    return parse(bytes, subject);
  }

  /**
   * Reads an order from a stream, such as standard input: at most {@link #MAX_DOCUMENT_BYTES} bytes.
   *
   * @param in the stream; not closed
   * @param subject what to call it in messages
   * @return the order, valid by every input rule
   * @throws InvalidOrderException naming every violation
   * @throws IOException if the stream cannot be read
   */
  public Order read(InputStream in, String subject) throws IOException {
    return parse(in.readNBytes(MAX_DOCUMENT_BYTES + 1), subject);
  }

  private Order parse(byte[] bytes, String subject) {
    if (bytes.length > MAX_DOCUMENT_BYTES) {
      throw new InvalidOrderException(subject,
          List.of(new Violation("", "is larger than " + MAX_DOCUMENT_BYTES + " bytes (read no further)")));
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidOrderException(subject, List.of(new Violation("", "is not UTF-8 text" + firstBadByte(bytes))));
    }
    return parse(text.startsWith("\uFEFF") ? text.substring(1) : text, subject);
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
    if (json.length() > MAX_DOCUMENT_BYTES) {
      throw new InvalidOrderException(subject, List.of(new Violation("", "is larger than " + MAX_DOCUMENT_BYTES + " characters")));
    }
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidOrderException(subject, List.of(ParseFailures.violation(e)));
    }
    if (root == null || root.isMissingNode()) {
      throw new InvalidOrderException(subject, List.of(new Violation("", "is empty: an order is a JSON object")));
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

  private static String firstBadByte(byte[] bytes) {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    var result = decoder.decode(in, out, true);
    return result.isError() ? String.format(java.util.Locale.ROOT, " (byte 0x%02X at offset %d)", bytes[in.position()] & 0xff, in.position()) : "";
  }

  private static ObjectNode party(ObjectNode node, dev.openproof.core.model.Party party) {
    node.put("id", party.id());
    node.put("name", party.name());
    node.put("country", party.country());
    node.put("email", party.email());
    return node;
  }
}
