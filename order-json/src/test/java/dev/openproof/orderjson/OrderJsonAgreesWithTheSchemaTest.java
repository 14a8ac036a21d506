package dev.openproof.orderjson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.openproof.core.validation.InvalidOrderException;
import dev.openproof.core.testing.SampleFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-written reader must accept exactly what {@code order.schema.json} accepts: every sample,
 * and hundreds of documents made from them by changing, removing or retyping one member each.
 *
 * <p>The schema's {@code format} keywords (date-time, date, email) are annotations in JSON Schema
 * 2020-12, and the validator's own e-mail check refuses the reserved {@code .test} domains of the
 * samples; so the schema side runs without format assertions, and where the two differ on a member
 * with a format, the reader must be the stricter one.
 */
class OrderJsonAgreesWithTheSchemaTest {
  private static final JsonNode[] REPLACEMENTS = {
      JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.numberNode(0), JsonNodeFactory.instance.numberNode(-1),
      JsonNodeFactory.instance.textNode(""), JsonNodeFactory.instance.textNode("x\r\ny"), JsonNodeFactory.instance.textNode("ZZ"),
      JsonNodeFactory.instance.textNode("0"), JsonNodeFactory.instance.textNode("a@b.example"),
      JsonNodeFactory.instance.textNode("2021-02-30"), JsonNodeFactory.instance.booleanNode(true),
      JsonNodeFactory.instance.textNode("12.34567"), JsonNodeFactory.instance.numberNode(2_000_000),
      JsonNodeFactory.instance.textNode("a".repeat(65)), JsonNodeFactory.instance.objectNode()};

  /**
   * Members whose form the schema states but the reader checks further: a format (date-time, email),
   * an assigned country code, a currency to invoice in, a language tag every stage carries.
   */
  private static final java.util.Set<String> FORMAT_MEMBERS =
      java.util.Set.of("placed_at", "email", "starts", "ends", "country", "currency", "language");

  private final ObjectMapper mapper = new ObjectMapper();
  private final OrderJson reader = OrderJson.create();
  private final Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
      .getSchema(read("schema/order.schema.json"), InputFormat.JSON);

  /** The schema as this module's jar ships it, or a sample from core's test-jar. */
  private static String read(String path) {
    if (path.startsWith("samples/")) {
      return SampleFiles.text(path.substring("samples/".length()));
    }
    try (java.io.InputStream in = OrderJson.class.getResourceAsStream("/dev/openproof/" + path)) {
      if (in == null) {
        throw new IllegalStateException("no resource /dev/openproof/" + path);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private boolean schemaAccepts(String doc) {
    return schema.validate(doc, InputFormat.JSON).isEmpty();
  }

  private String schemaErrors(String doc) {
    return schema.validate(doc, InputFormat.JSON).toString();
  }

  private boolean readerAccepts(String doc) {
    try {
      reader.parse(doc, "order");
      return true;
    } catch (InvalidOrderException e) {
      return false;
    }
  }

  @Test
  void bothAcceptTheValidSamplesAndRefuseTheInvalidOne() {
    for (String name : List.of("order-ru.json", "order-en-before-cutover.json", "order-de-subscription.json")) {
      String doc = read("samples/" + name);
      assertThat(schemaAccepts(doc)).as(name).isTrue();
      assertThat(readerAccepts(doc)).as(name).isTrue();
    }
    String invalid = read("samples/order-invalid.json");
    assertThat(schemaAccepts(invalid)).isFalse();
    assertThat(readerAccepts(invalid)).isFalse();
  }

  @Test
  void bothAgreeOnEveryOneMemberMutationOfTheSamples() throws Exception {
    List<String> disagreements = new ArrayList<>();
    int documents = 0;
    for (String name : List.of("order-ru.json", "order-de-subscription.json")) {
      JsonNode sample = mapper.readTree(read("samples/" + name));
      for (Mutant mutant : mutants(sample)) {
        String doc = mapper.writeValueAsString(mutant.document());
        documents++;
        boolean schema = schemaAccepts(doc);
        boolean reader = readerAccepts(doc);
        if (schema && !reader && FORMAT_MEMBERS.contains(mutant.member())) {
          continue;
        }
        if (schema != reader) {
          disagreements.add((schemaAccepts(doc) ? "schema accepts, reader refuses: " : "schema refuses, reader accepts: ")
              + schemaErrors(doc) + " in " + doc);
        }
      }
    }
    assertThat(documents).isGreaterThan(300);
    assertThat(disagreements).isEmpty();
  }

  /** A document that differs from a sample in the named member. */
  private record Mutant(String member, JsonNode document) {}

  /** Every document that differs from {@code root} in one member: removed, or replaced by one of {@link #REPLACEMENTS}. */
  private List<Mutant> mutants(JsonNode root) {
    List<Mutant> out = new ArrayList<>();
    collect(root, root, new ArrayList<>(), out);
    return out;
  }

  private void collect(JsonNode root, JsonNode node, List<Object> path, List<Mutant> out) {
    if (node.isObject()) {
      for (var names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        List<Object> child = new ArrayList<>(path);
        child.add(name);
        out.add(new Mutant(name, mutate(root, child, null)));
        for (JsonNode replacement : REPLACEMENTS) {
          out.add(new Mutant(name, mutate(root, child, replacement)));
        }
        collect(root, node.get(name), child, out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        List<Object> child = new ArrayList<>(path);
        child.add(i);
        collect(root, node.get(i), child, out);
      }
    }
  }

  private static JsonNode mutate(JsonNode root, List<Object> path, JsonNode replacement) {
    JsonNode copy = root.deepCopy();
    JsonNode parent = copy;
    for (Object step : path.subList(0, path.size() - 1)) {
      parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
    }
    Object last = path.get(path.size() - 1);
    if (parent instanceof ObjectNode object) {
      if (replacement == null) {
        object.remove((String) last);
      } else {
        object.set((String) last, replacement);
      }
    } else if (parent instanceof ArrayNode array && replacement != null) {
      array.set((Integer) last, replacement);
    }
    return copy;
  }

  @Test
  void theReaderChecksTheFormatsTheSchemaNames() throws Exception {
    ObjectNode sample = (ObjectNode) mapper.readTree(read("samples/order-de-subscription.json"));
    for (String good : List.of("2020-08-15T10:00:00Z", "2020-08-15T10:00:00.5+05:30", "2020-08-15T10:00:00-08:00")) {
      sample.put("placed_at", good);
      assertThat(readerAccepts(mapper.writeValueAsString(sample))).as(good).isTrue();
    }
    for (String bad : List.of("2020-08-15", "2020-08-15T10:00:00", "2020-13-15T10:00:00Z", "yesterday")) {
      sample.put("placed_at", bad);
      assertThat(readerAccepts(mapper.writeValueAsString(sample))).as(bad).isFalse();
    }
    sample.put("placed_at", "2021-03-02T14:05:00+01:00");
    ObjectNode line = (ObjectNode) sample.get("lines").get(0);
    for (String bad : List.of("2021-02-30", "2021-4-1", "01.04.2021")) {
      line.put("starts", bad);
      assertThat(readerAccepts(mapper.writeValueAsString(sample))).as(bad).isFalse();
    }
    line.put("starts", "2021-04-01");
    ObjectNode customer = (ObjectNode) sample.get("customer");
    for (String bad : List.of("no-at-sign", "two@@example.test", "space in@example.test", "trailing@")) {
      customer.put("email", bad);
      assertThat(readerAccepts(mapper.writeValueAsString(sample))).as(bad).isFalse();
    }
    customer.put("email", "it@baeckerei-schaefer.example.test");
    assertThat(readerAccepts(mapper.writeValueAsString(sample))).isTrue();
  }
}
