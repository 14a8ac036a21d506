package dev.openproof.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openproof.core.model.StatusReference;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written rules and the schema file, evaluated by a JSON Schema validator, give the same
 * verdict on schema-valid and schema-invalid claims.
 */
class ClaimsRulesAgreeWithSchemaTest {
  private static Arguments valid(String name, Consumer<ObjectNode> change) {
    return Arguments.of(name, change, true);
  }

  private static Arguments invalid(String name, Consumer<ObjectNode> change) {
    return Arguments.of(name, change, false);
  }

  private static ObjectNode license(ObjectNode claims) {
    return (ObjectNode) claims.get("license");
  }

  private static ObjectNode customer(ObjectNode claims) {
    return (ObjectNode) license(claims).get("customer");
  }

  private static ObjectNode entitlement(ObjectNode claims) {
    return (ObjectNode) license(claims).get("entitlements").get(0);
  }

  static Stream<Arguments> claims() {
    List<Arguments> cases = new ArrayList<>(List.of(
        valid("as issued", c -> {}),
        valid("with status", c -> c.set("status", Forge.claims(Proofs.perpetual()
            .withStatus(new StatusReference(3, "https://status.example.test"))).get("status"))),
        valid("with term dates", c -> entitlement(c).put("starts", "2024-02-29").put("ends", "2025-12-31")),
        valid("aud as a string", c -> c.put("aud", "partner")),
        valid("aud as an array", c -> c.putArray("aud").add("a").add("b")),
        valid("nbf and exp", c -> c.put("nbf", 0).put("exp", 4102444800L)),
        valid("a claim of the issuer's own", c -> c.putObject("x-note").put("any", List.of().size())),
        valid("iat written as 1.0e9", c -> c.put("iat", new BigDecimal("1.0e9"))),
        valid("version written as 1.0", c -> license(c).put("version", new BigDecimal("1.0"))),
        valid("replaces a proof", c -> c.put("replaces", "3f2a9c0d8e7b6a5f4e3d2c1b0a998877")),
        invalid("replaces empty", c -> c.put("replaces", "")),
        invalid("replaces a number", c -> c.put("replaces", 7)),
        invalid("replaces of 65 characters", c -> c.put("replaces", "r".repeat(65))),
        valid("a party without country", c -> customer(c).remove("country")),
        valid("an identifier of 64 characters", c -> customer(c).put("id", "C" + "0".repeat(63))),
        valid("a name of 200 characters beyond the BMP", c -> customer(c).put("name", "\uD83D\uDE00".repeat(200))),
        valid("a date-time with offset and fraction", c -> license(c).put("ordered_at", "2020-08-15T12:00:00.123456+02:00")),
        valid("a date-time in lower case", c -> license(c).put("ordered_at", "2020-08-15t10:00:00z")),
        valid("500 entitlements", c -> {
          ArrayNode items = (ArrayNode) license(c).get("entitlements");
          while (items.size() < 500) {
            items.add(items.get(0).deepCopy());
          }
        }),
        invalid("not an object", c -> c.removeAll()),
        invalid("iss empty", c -> c.put("iss", "")),
        invalid("sub a number", c -> c.put("sub", 5)),
        invalid("jti of 65 characters", c -> c.put("jti", "j".repeat(65))),
        invalid("iat negative", c -> c.put("iat", -1)),
        invalid("iat a string", c -> c.put("iat", "1614693600")),
        invalid("iat with a fraction", c -> c.put("iat", new BigDecimal("1614693600.5"))),
        invalid("exp a boolean", c -> c.put("exp", true)),
        invalid("aud a number", c -> c.put("aud", 1)),
        invalid("aud an array of numbers", c -> c.putArray("aud").add(1)),
        invalid("version 2", c -> license(c).put("version", 2)),
        invalid("version \"1\"", c -> license(c).put("version", "1")),
        invalid("program unknown", c -> license(c).put("program", "OPEN_SESAME")),
        invalid("a member license does not allow", c -> license(c).put("price", 10)),
        invalid("an identifier with a space", c -> license(c).put("order_id", "PO 1")),
        invalid("an identifier starting with a dash", c -> license(c).put("authorization_number", "-A1")),
        invalid("an identifier with a trailing line feed", c -> license(c).put("order_id", "PO-1\n")),
        invalid("an identifier of 65 characters", c -> license(c).put("license_number", "1".repeat(65))),
        invalid("ordered_at a date only", c -> license(c).put("ordered_at", "2020-08-15")),
        invalid("ordered_at without seconds", c -> license(c).put("ordered_at", "2020-08-15T10:00Z")),
        invalid("ordered_at on February 30", c -> license(c).put("ordered_at", "2021-02-30T10:00:00Z")),
        invalid("ordered_at at hour 24", c -> license(c).put("ordered_at", "2021-02-03T24:00:00Z")),
        invalid("a party as a string", c -> license(c).put("reseller", "R-77")),
        invalid("a party without name", c -> customer(c).remove("name")),
        invalid("a party with e-mail", c -> customer(c).put("email", "it@example.test")),
        invalid("a name with a line feed", c -> customer(c).put("name", "A\nB")),
        invalid("a name with DEL", c -> customer(c).put("name", "A\u007fB")),
        invalid("a name of 201 characters", c -> customer(c).put("name", "n".repeat(201))),
        invalid("an empty name", c -> customer(c).put("name", "")),
        invalid("a country in lower case", c -> customer(c).put("country", "ru")),
        invalid("a country of three letters", c -> customer(c).put("country", "RUS")),
        invalid("no entitlements", c -> license(c).putArray("entitlements")),
        invalid("501 entitlements", c -> {
          ArrayNode items = (ArrayNode) license(c).get("entitlements");
          while (items.size() < 501) {
            items.add(items.get(0).deepCopy());
          }
        }),
        invalid("an entitlement without sku", c -> entitlement(c).remove("sku")),
        invalid("a quantity of 0", c -> entitlement(c).put("quantity", 0)),
        invalid("a quantity of 1.5", c -> entitlement(c).put("quantity", 1.5)),
        invalid("a type unknown", c -> entitlement(c).put("type", "RENTAL")),
        invalid("a start date of February 29 in 2023", c -> entitlement(c).put("starts", "2023-02-29")),
        invalid("an end date without leading zeros", c -> entitlement(c).put("ends", "2024-3-1")),
        invalid("an entitlement with a price", c -> entitlement(c).put("price", 1)),
        invalid("status without status_list", c -> c.putObject("status")),
        invalid("status idx negative", c -> c.putObject("status").putObject("status_list").put("idx", -1).put("uri", "u")),
        invalid("status uri empty", c -> c.putObject("status").putObject("status_list").put("idx", 1).put("uri", ""))));
    for (String name : new String[] {"iss", "sub", "jti", "iat", "license"}) {
      cases.add(invalid("without " + name, c -> c.remove(name)));
    }
    for (String name : new String[] {"version", "program", "license_number", "authorization_number", "order_id",
        "ordered_at", "customer", "reseller", "distributor", "entitlements"}) {
      cases.add(invalid("without license/" + name, c -> license(c).remove(name)));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("claims")
  void theRulesAndTheSchemaAgree(String name, Consumer<ObjectNode> change, boolean valid) throws Exception {
    ObjectNode claims = Forge.claims(Proofs.perpetual());
    change.accept(claims);
    String json = claims.isEmpty() ? "[]" : Json.MAPPER.writeValueAsString(claims);
    JsonNode parsed = Json.MAPPER.readTree(json);

    assertThat(ClaimsSchema.errors(json).isEmpty()).as("schema validator on %s", name).isEqualTo(valid);
    assertThat(ClaimsRules.violation(parsed) == null).as("rules on %s: %s", name, ClaimsRules.violation(parsed)).isEqualTo(valid);
  }
}
