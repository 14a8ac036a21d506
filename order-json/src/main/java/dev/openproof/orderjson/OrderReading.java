package dev.openproof.orderjson;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.Customer;
import dev.openproof.core.model.Distributor;
import dev.openproof.core.model.LicenseType;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.OrderLine;
import dev.openproof.core.model.Program;
import dev.openproof.core.model.Reseller;
import dev.openproof.core.constraint.LanguageTag;
import dev.openproof.core.validation.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One reading of an order document: maps what it can, notes a violation for every member that is
 * missing, of the wrong type, unknown or unparseable, and puts a placeholder in its place so that
 * the input rules can still be checked on the rest. Not thread-safe; use once.
 */
final class OrderReading {
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,4})?");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  private static final Set<String> ORDER_MEMBERS = Set.of("order_id", "program", "placed_at", "currency",
      "authorization_number", "distributor", "reseller", "customer", "lines");
  private static final Set<String> PARTY_MEMBERS = Set.of("id", "name", "country", "email");
  private static final Set<String> CUSTOMER_MEMBERS = Set.of("id", "name", "country", "email", "language");
  private static final Set<String> LINE_MEMBERS = Set.of("sku", "product", "quantity", "type", "unit_price", "starts", "ends");

  /** Stands, valid, for a part that could not be read, so that its own violation is the only one. */
  private static final String PLACEHOLDER = "placeholder";
  private static final String PLACEHOLDER_EMAIL = "placeholder@example.invalid";
  private static final String PLACEHOLDER_COUNTRY = "DE";

  private final List<Violation> violations = new ArrayList<>();

  List<Violation> violations() {
    return violations;
  }

  @Nullable Order order(JsonNode root) {
    if (!root.isObject()) {
      violations.add(new Violation("", "must be a JSON object"));
      return null;
    }
    unknownMembers(root, "", ORDER_MEMBERS);
    String authorization = optionalText(root, "authorization_number");
    return new Order(
        OrderId.of(nonBlank(text(root, "order_id", ""))),
        enumValue(root, "program", "", Program.class, Program.OPEN_LICENSE),
        instant(root, "placed_at"),
        currency(root),
        authorization == null ? null : AuthorizationNumber.of(nonBlank(authorization)),
        party(root, "distributor", (id, name, country, email) -> new Distributor(id, name, country, email)),
        party(root, "reseller", (id, name, country, email) -> new Reseller(id, name, country, email)),
        customer(root),
        lines(root));
  }

  private interface PartyFactory<T> {
    T create(String id, String name, String country, String email);
  }

  private <T> T party(JsonNode root, String member, PartyFactory<T> factory) {
    JsonNode node = object(root, member, "");
    if (node == null) {
      return factory.create(PLACEHOLDER, PLACEHOLDER, PLACEHOLDER_COUNTRY, PLACEHOLDER_EMAIL);
    }
    String path = member + ".";
    unknownMembers(node, path, PARTY_MEMBERS);
    return factory.create(text(node, "id", path), text(node, "name", path), text(node, "country", path),
        text(node, "email", path));
  }

  private Customer customer(JsonNode root) {
    JsonNode node = object(root, "customer", "");
    if (node == null) {
      return new Customer(PLACEHOLDER, PLACEHOLDER, PLACEHOLDER_COUNTRY, PLACEHOLDER_EMAIL, Locale.ENGLISH);
    }
    unknownMembers(node, "customer.", CUSTOMER_MEMBERS);
    Locale language = Locale.ENGLISH;
    String tag = optionalText(node, "language", "customer.");
    if (tag != null) {
      // The length first: the pattern's repeated group would exhaust the stack on a long tag.
      if (tag.length() <= LanguageTag.MAX_LENGTH && LANGUAGE.matcher(tag).matches()) {
        language = Locale.forLanguageTag(tag);
      } else {
        violations.add(new Violation("customer.language", "must be a BCP 47 language tag of at most " + LanguageTag.MAX_LENGTH + " characters such as ru or de-AT"));
      }
    }
    return new Customer(text(node, "id", "customer."), text(node, "name", "customer."),
        text(node, "country", "customer."), text(node, "email", "customer."), language);
  }

  private List<OrderLine> lines(JsonNode root) {
    JsonNode node = root.get("lines");
    if (node == null) {
      violations.add(new Violation("lines", "is required"));
      return List.of();
    }
    if (!node.isArray()) {
      violations.add(new Violation("lines", "must be an array"));
      return List.of();
    }
    List<OrderLine> lines = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      String path = "lines[" + i + "].";
      JsonNode line = node.get(i);
      if (!line.isObject()) {
        violations.add(new Violation("lines[" + i + "]", "must be an object"));
        // A valid placeholder keeps the indexes of the following lines.
        lines.add(new OrderLine(PLACEHOLDER, PLACEHOLDER, 1, LicenseType.LICENSE, BigDecimal.ZERO));
        continue;
      }
      unknownMembers(line, path, LINE_MEMBERS);
      lines.add(new OrderLine(
          text(line, "sku", path),
          text(line, "product", path),
          quantity(line, path),
          enumValue(line, "type", path, LicenseType.class, LicenseType.LICENSE),
          price(line, path),
          date(line, "starts", path),
          date(line, "ends", path)));
    }
    return lines;
  }

  /** The object member, or {@code null} (with a violation noted) where it is missing or not an object. */
  private @Nullable JsonNode object(JsonNode parent, String member, String path) {
    JsonNode node = parent.get(member);
    if (node == null) {
      violations.add(new Violation(path + member, "is required"));
    } else if (!node.isObject()) {
      violations.add(new Violation(path + member, "must be an object"));
    } else {
      return node;
    }
    return null;
  }

  private String text(JsonNode node, String member, String path) {
    JsonNode value = node.get(member);
    if (value == null) {
      violations.add(new Violation(path + member, "is required"));
      return "";
    }
    if (!value.isTextual()) {
      violations.add(new Violation(path + member, "must be a string"));
      return "";
    }
    return value.textValue();
  }

  private @Nullable String optionalText(JsonNode node, String member) {
    return optionalText(node, member, "");
  }

  private @Nullable String optionalText(JsonNode node, String member, String path) {
    JsonNode value = node.get(member);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      violations.add(new Violation(path + member, "must be a string"));
      return null;
    }
    return value.textValue();
  }

  private <E extends Enum<E>> E enumValue(JsonNode node, String member, String path, Class<E> type, E placeholder) {
    String value = text(node, member, path);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    if (!value.isEmpty() || node.has(member) && node.get(member).isTextual()) {
      violations.add(new Violation(path + member, "must be one of " + Arrays.stream(type.getEnumConstants())
          .map(Enum::name).collect(Collectors.joining(", "))));
    }
    return placeholder;
  }

  private Instant instant(JsonNode node, String member) {
    return parsed(node, member, "", s -> OffsetDateTime.parse(s).toInstant(),
        "must be an RFC 3339 date-time with an offset, such as 2020-08-15T10:00:00Z", Instant.EPOCH);
  }

  // parsed(...) hands back its placeholder, null here, when the date is broken; NullAway does not
  // follow a null through the type variable.
  @SuppressWarnings("NullAway")
  private @Nullable LocalDate date(JsonNode node, String member, String path) {
    if (!node.has(member)) {
      return null;
    }
    return parsed(node, member, path, LocalDate::parse, "must be a date such as 2021-04-01", null);
  }

  private Currency currency(JsonNode node) {
    return parsed(node, "currency", "", code -> {
      if (!CURRENCY.matcher(code).matches()) {
        throw new IllegalArgumentException(code);
      }
      return Currency.getInstance(code);
    }, "must be an ISO 4217 currency code such as EUR", Currency.getInstance("EUR"));
  }

  private BigDecimal price(JsonNode node, String path) {
    return parsed(node, "unit_price", path, value -> {
      if (!DECIMAL.matcher(value).matches()) {
        throw new IllegalArgumentException(value);
      }
      return new BigDecimal(value);
    }, "must be a decimal string of up to 12 digits and 4 decimals, such as \"31000.00\"", BigDecimal.ZERO);
  }

  private int quantity(JsonNode node, String path) {
    JsonNode value = node.get("quantity");
    if (value == null) {
      violations.add(new Violation(path + "quantity", "is required"));
      return 1;
    }
    if (!value.canConvertToExactIntegral() || !value.canConvertToInt()) {
      violations.add(new Violation(path + "quantity", "must be a whole number from 1 to 1000000"));
      return 1;
    }
    return value.asInt();
  }

  private <T> T parsed(JsonNode node, String member, String path, Function<String, T> parser, String rule, T placeholder) {
    String text = text(node, member, path);
    if (!node.has(member) || !node.get(member).isTextual()) {
      return placeholder;
    }
    try {
      return parser.apply(text);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      violations.add(new Violation(path + member, rule));
      return placeholder;
    }
  }

  private void unknownMembers(JsonNode node, String path, Set<String> allowed) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        violations.add(new Violation(path + name, "is not a member of the order schema"));
      }
    }
  }

  /** Placeholder for an identifier the reading could not take, so that a record can still be built. */
  private static String nonBlank(String value) {
    return value.isBlank() ? "-" : value;
  }
}
