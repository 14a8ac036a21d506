package dev.openproof.orderjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.model.Order;
import dev.openproof.core.testing.SampleOrders;
import dev.openproof.core.validation.InvalidOrderException;
import dev.openproof.core.validation.Violation;
import dev.openproof.core.testing.SampleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderJsonTest {
  private final OrderJson json = OrderJson.create();

  @Test
  void theValidSamplesReadAsTheOrdersTheyDescribe() throws Exception {
    assertThat(json.read(SampleFiles.file("order-ru.json"))).isEqualTo(SampleOrders.russian());
    assertThat(json.read(SampleFiles.file("order-en-before-cutover.json"))).isEqualTo(SampleOrders.beforeCutover());
    assertThat(json.read(SampleFiles.file("order-de-subscription.json"))).isEqualTo(SampleOrders.germanSubscription());
  }

  @Test
  void theInvalidSampleIsRefusedWholeWithEveryViolationNamed() {
    assertThatThrownBy(() -> json.read(SampleFiles.file("order-invalid.json")))
        .isInstanceOfSatisfying(InvalidOrderException.class, e -> {
          assertThat(e.violations()).extracting(Violation::path).containsExactly(
              "currency", "customer.email", "customer.name", "distributor.country", "distributor.name",
              "lines[0].quantity", "lines[0].unit_price", "order_id", "placed_at", "reseller.email");
          assertThat(e.getMessage()).startsWith("order file order-invalid.json bad id with spaces is invalid (10 violations)");
          assertThat(e.violations()).contains(
              new Violation("placed_at", "must be an RFC 3339 date-time with an offset, such as 2020-08-15T10:00:00Z"),
              new Violation("currency", "must be an ISO 4217 currency code such as EUR"));
        });
  }

  @Test
  void writingAndReadingGivesTheSameOrder() {
    for (Order order : new Order[] {SampleOrders.russian(), SampleOrders.germanSubscription(), SampleOrders.beforeCutover()}) {
      assertThat(json.parse(json.write(order), "round trip")).isEqualTo(order);
    }
  }

  @Test
  void missingMembersWrongTypesAndUnknownMembersAreEachNamed() {
    String doc = """
        {"order_id": 7, "program": "OPEN_BAR", "placed_at": "2020-08-15T10:00:00Z", "currency": "EUR", "extra": true,
         "distributor": {"id": "D-1", "name": "D", "country": "DE"},
         "reseller": "R-1",
         "customer": {"id": "C-1", "name": "C", "country": "DE", "email": "c@example.test", "language": "German"},
         "lines": [{"sku": "A-1", "product": "P", "quantity": 1.5, "type": "LICENSE", "unit_price": 10}, 3]}
        """;
    assertThatThrownBy(() -> json.parse(doc, "order"))
        .isInstanceOfSatisfying(InvalidOrderException.class, e -> assertThat(e.violations()).extracting(Violation::toString)
            .containsExactly(
                "customer.language: must be a BCP 47 language tag of at most 35 characters such as ru or de-AT",
                "distributor.email: is required",
                "extra: is not a member of the order schema",
                "lines[0].quantity: must be a whole number from 1 to 1000000",
                "lines[0].unit_price: must be a string",
                "lines[1]: must be an object",
                "order_id: must be a string",
                "program: must be one of OPEN_LICENSE, OPEN_VALUE, OPEN_VALUE_SUBSCRIPTION",
                "reseller: must be an object"));
  }

  @Test
  void malformedJsonAndDuplicateMembersAreRefusedWithoutParserInternals() {
    assertThatThrownBy(() -> json.parse("{\"order_id\": ", "order"))
        .isInstanceOfSatisfying(InvalidOrderException.class, e -> assertThat(e.violations()).singleElement()
            .extracting(Violation::message).asString().startsWith("is not well-formed JSON (line 1"));
    assertThatThrownBy(() -> json.parse("{\"order_id\": \"a\", \"order_id\": \"b\"}", "order"))
        .isInstanceOfSatisfying(InvalidOrderException.class, e -> assertThat(e.violations()).extracting(Violation::toString)
            .containsExactly("order_id: appears twice"));
    assertThatThrownBy(() -> json.parse("[]", "order"))
        .isInstanceOfSatisfying(InvalidOrderException.class, e -> assertThat(e.violations()).extracting(Violation::toString)
            .containsExactly("must be a JSON object"));
  }

  @Test
  void anOverlongFileIsRefusedBeforeItIsParsed(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.json");
    Files.writeString(big, " ".repeat(OrderJson.MAX_DOCUMENT_BYTES + 1));
    assertThatThrownBy(() -> json.read(big)).isInstanceOf(InvalidOrderException.class).hasMessageContaining("larger than");
  }
}
