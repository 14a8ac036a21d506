package dev.openproof.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code license-proof-claims.schema.json}, version 1, as code: every keyword of the schema checked
 * by hand, so that a verifier needs no schema engine per token. Formats ({@code date}, {@code
 * date-time}) are asserted, as RFC 3339 defines them. A test feeds the same documents to this class
 * and to a JSON Schema validator and expects the same verdicts.
 */
final class ClaimsRules {
  static final int MAX_ENTITLEMENTS = 500;

  private static final Set<String> LICENSE_MEMBERS = Set.of("version", "program", "license_number",
      "authorization_number", "order_id", "ordered_at", "customer", "reseller", "distributor", "entitlements");
  private static final Set<String> PARTY_MEMBERS = Set.of("id", "name", "country");
  private static final Set<String> ENTITLEMENT_MEMBERS = Set.of("sku", "product", "quantity", "type", "starts", "ends");
  static final Set<String> PROGRAMS = Set.of("OPEN_LICENSE", "OPEN_VALUE", "OPEN_VALUE_SUBSCRIPTION");
  static final Set<String> TYPES =
      Set.of("LICENSE", "SOFTWARE_ASSURANCE", "LICENSE_AND_SOFTWARE_ASSURANCE", "SUBSCRIPTION");

  private ClaimsRules() {}

  /**
   * The first way the claims break the schema.
   *
   * @return a one-line description naming the member by JSON pointer, or {@code null} when they
   *     conform
   */
  static @Nullable String violation(JsonNode claims) {
    try {
      checkClaims(claims);
      return null;
    } catch (Violation v) {
      return v.getMessage();
    }
  }

  private static void checkClaims(JsonNode claims) {
    if (!claims.isObject()) {
      throw new Violation("", "must be a JSON object");
    }
    for (String name : new String[] {"iss", "sub", "jti", "iat", "license"}) {
      if (!claims.has(name)) {
        throw new Violation("/" + name, "is required");
      }
    }
    nonEmptyString(claims.get("iss"), "/iss");
    nonEmptyString(claims.get("sub"), "/sub");
    JsonNode aud = claims.get("aud");
    if (aud != null) {
      if (aud.isArray()) {
        for (int i = 0; i < aud.size(); i++) {
          if (!aud.get(i).isTextual()) {
            throw new Violation("/aud/" + i, "must be a string");
          }
        }
      } else if (!aud.isTextual()) {
        throw new Violation("/aud", "must be a string or an array of strings");
      }
    }
    JsonNode jti = claims.get("jti");
    if (!jti.isTextual() || codePoints(jti.textValue()) < 1 || codePoints(jti.textValue()) > 64) {
      throw new Violation("/jti", "must be a string of 1 to 64 characters");
    }
    for (String name : new String[] {"iat", "nbf", "exp"}) {
      JsonNode time = claims.get(name);
      if (time != null && !isIntegerAtLeast(time, 0)) {
        throw new Violation("/" + name, "must be a non-negative integer (seconds since the epoch)");
      }
    }
    JsonNode replaces = claims.get("replaces");
    if (replaces != null
        && (!replaces.isTextual() || codePoints(replaces.textValue()) < 1 || codePoints(replaces.textValue()) > 64)) {
      throw new Violation("/replaces", "must be a string of 1 to 64 characters");
    }
    checkLicense(claims.get("license"));
    JsonNode status = claims.get("status");
    if (status != null) {
      checkStatus(status);
    }
  }

  private static void checkStatus(JsonNode status) {
    if (!status.isObject()) {
      throw new Violation("/status", "must be an object");
    }
    JsonNode list = status.get("status_list");
    if (list == null) {
      throw new Violation("/status/status_list", "is required");
    }
    if (!list.isObject()) {
      throw new Violation("/status/status_list", "must be an object");
    }
    JsonNode idx = list.get("idx");
    if (idx == null) {
      throw new Violation("/status/status_list/idx", "is required");
    }
    JsonNode uri = list.get("uri");
    if (uri == null) {
      throw new Violation("/status/status_list/uri", "is required");
    }
    if (!isIntegerAtLeast(idx, 0)) {
      throw new Violation("/status/status_list/idx", "must be a non-negative integer");
    }
    nonEmptyString(uri, "/status/status_list/uri");
  }

  private static void checkLicense(JsonNode license) {
    String at = "/license";
    if (!license.isObject()) {
      throw new Violation(at, "must be an object");
    }
    onlyMembers(license, LICENSE_MEMBERS, at);
    for (String name : new String[] {"version", "program", "license_number", "authorization_number", "order_id",
        "ordered_at", "customer", "reseller", "distributor", "entitlements"}) {
      if (!license.has(name)) {
        throw new Violation(at + "/" + name, "is required");
      }
    }
    JsonNode version = license.get("version");
    if (!version.isNumber() || version.decimalValue().compareTo(BigDecimal.ONE) != 0) {
      throw new Violation(at + "/version", "must be 1");
    }
    oneOf(license.get("program"), PROGRAMS, at + "/program");
    identifier(license.get("license_number"), at + "/license_number");
    identifier(license.get("authorization_number"), at + "/authorization_number");
    identifier(license.get("order_id"), at + "/order_id");
    JsonNode orderedAt = license.get("ordered_at");
    if (!orderedAt.isTextual() || !isDateTime(orderedAt.textValue())) {
      throw new Violation(at + "/ordered_at", "must be an RFC 3339 date-time");
    }
    party(license.get("customer"), at + "/customer");
    party(license.get("reseller"), at + "/reseller");
    party(license.get("distributor"), at + "/distributor");
    JsonNode entitlements = license.get("entitlements");
    if (!entitlements.isArray() || entitlements.isEmpty() || entitlements.size() > MAX_ENTITLEMENTS) {
      throw new Violation(at + "/entitlements", "must be an array of 1 to " + MAX_ENTITLEMENTS + " entitlements");
    }
    for (int i = 0; i < entitlements.size(); i++) {
      entitlement(entitlements.get(i), at + "/entitlements/" + i);
    }
  }

  private static void party(JsonNode party, String at) {
    if (!party.isObject()) {
      throw new Violation(at, "must be an object");
    }
    onlyMembers(party, PARTY_MEMBERS, at);
    requireMembers(party, at, "id", "name");
    identifier(party.get("id"), at + "/id");
    plainText(party.get("name"), at + "/name");
    JsonNode country = party.get("country");
    if (country != null && !(country.isTextual() && isCountry(country.textValue()))) {
      throw new Violation(at + "/country", "must be two upper-case letters (ISO 3166-1 alpha-2)");
    }
  }

  private static void entitlement(JsonNode entitlement, String at) {
    if (!entitlement.isObject()) {
      throw new Violation(at, "must be an object");
    }
    onlyMembers(entitlement, ENTITLEMENT_MEMBERS, at);
    requireMembers(entitlement, at, "sku", "product", "quantity", "type");
    identifier(entitlement.get("sku"), at + "/sku");
    plainText(entitlement.get("product"), at + "/product");
    if (!isIntegerAtLeast(entitlement.get("quantity"), 1)) {
      throw new Violation(at + "/quantity", "must be an integer of at least 1");
    }
    oneOf(entitlement.get("type"), TYPES, at + "/type");
    for (String name : new String[] {"starts", "ends"}) {
      JsonNode date = entitlement.get(name);
      if (date != null && !(date.isTextual() && isDate(date.textValue()))) {
        throw new Violation(at + "/" + name, "must be an RFC 3339 full-date (YYYY-MM-DD)");
      }
    }
  }

  private static void requireMembers(JsonNode object, String at, String... names) {
    for (String name : names) {
      if (!object.has(name)) {
        throw new Violation(at + "/" + name, "is required");
      }
    }
  }

  private static void onlyMembers(JsonNode object, Set<String> allowed, String at) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new Violation(at, "has a member the schema does not allow: " + Texts.quote(name));
      }
    }
  }

  private static void nonEmptyString(JsonNode node, String at) {
    if (!node.isTextual() || node.textValue().isEmpty()) {
      throw new Violation(at, "must be a non-empty string");
    }
  }

  private static void oneOf(JsonNode node, Set<String> values, String at) {
    if (!node.isTextual() || !values.contains(node.textValue())) {
      throw new Violation(at, "must be one of " + values);
    }
  }

  private static void identifier(JsonNode node, String at) {
    if (!node.isTextual() || !isIdentifier(node.textValue())) {
      throw new Violation(at, "must be an identifier: 1 to 64 of A-Z a-z 0-9 . _ -, starting with a letter or digit");
    }
  }

  private static void plainText(JsonNode node, String at) {
    if (!node.isTextual() || !isPlainText(node.textValue())) {
      throw new Violation(at, "must be a string of 1 to 200 characters without control characters");
    }
  }

  /** {@code ^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$}. */
  static boolean isIdentifier(String text) {
    if (text.isEmpty() || text.length() > 64 || !isAlphanumeric(text.charAt(0))) {
      return false;
    }
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isAlphanumeric(c) && c != '.' && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** {@code minLength 1, maxLength 200} (in code points), and no control character (U+0000 to U+001F, U+007F). */
  static boolean isPlainText(String text) {
    int length = codePoints(text);
    if (length < 1 || length > 200) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  static boolean isCountry(String text) {
    return text.length() == 2 && isUpper(text.charAt(0)) && isUpper(text.charAt(1));
  }

  /** RFC 3339 {@code full-date}. */
  static boolean isDate(CharSequence text) {
    return text.length() == 10 && isDateAt(text);
  }

  /** Whether the text starts with a valid {@code YYYY-MM-DD}. */
  private static boolean isDateAt(CharSequence text) {
    if (text.charAt(4) != '-' || text.charAt(7) != '-' || !digits(text, 0, 4) || !digits(text, 5, 7) || !digits(text, 8, 10)) {
      return false;
    }
    try {
      LocalDate.of(two(text, 0) * 100 + two(text, 2), two(text, 5), two(text, 8)); // digits, checked above
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /**
   * RFC 3339 {@code date-time}, without leap seconds: {@code YYYY-MM-DD}, {@code T} or {@code t},
   * {@code hh:mm:ss}, optional fraction ({@code .} and digits), then {@code Z}, {@code z} or {@code
   * +hh:mm} / {@code -hh:mm}.
   */
  static boolean isDateTime(CharSequence text) {
    int length = text.length();
    if (length < 20 || !isDateAt(text) || (text.charAt(10) != 'T' && text.charAt(10) != 't')) {
      return false;
    }
    if (!digits(text, 11, 13) || text.charAt(13) != ':' || !digits(text, 14, 16) || text.charAt(16) != ':'
        || !digits(text, 17, 19) || two(text, 11) > 23 || two(text, 14) > 59 || two(text, 17) > 59) {
      return false;
    }
    int at = 19;
    if (text.charAt(at) == '.') {
      int first = ++at;
      while (at < length && isDigit(text.charAt(at))) {
        at++;
      }
      if (at == first || at == length) {
        return false;
      }
    }
    char zone = text.charAt(at);
    if (zone == 'Z' || zone == 'z') {
      return at + 1 == length;
    }
    return (zone == '+' || zone == '-') && at + 6 == length && digits(text, at + 1, at + 3) && text.charAt(at + 3) == ':'
        && digits(text, at + 4, at + 6) && two(text, at + 1) <= 23 && two(text, at + 4) <= 59;
  }

  private static boolean digits(CharSequence text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int two(CharSequence text, int at) {
    return (text.charAt(at) - '0') * 10 + (text.charAt(at + 1) - '0');
  }

  /** JSON Schema's {@code integer}: any number without a fractional part, such as 1 or 1.0. */
  static boolean isIntegerAtLeast(JsonNode node, int minimum) {
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue().signum() >= 0 && (minimum == 0 || node.bigIntegerValue().compareTo(java.math.BigInteger.valueOf(minimum)) >= 0);
    }
    if (!node.isNumber()) {
      return false;
    }
    BigDecimal value = node.decimalValue();
    return value.signum() == 0 ? minimum == 0
        : value.stripTrailingZeros().scale() <= 0 && value.compareTo(BigDecimal.valueOf(minimum)) >= 0;
  }

  private static int codePoints(String text) {
    return text.codePointCount(0, text.length());
  }

  private static boolean isAlphanumeric(char c) {
    return isDigit(c) || isUpper(c) || (c >= 'a' && c <= 'z');
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** A broken rule; control flow within this class only. */
  private static final class Violation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Violation(String pointer, String rule) {
      super("claim " + (pointer.isEmpty() ? "set" : pointer) + " " + rule, null, false, false);
    }
  }
}
