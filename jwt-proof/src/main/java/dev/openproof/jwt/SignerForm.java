package dev.openproof.jwt;

import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.LicenseType;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.PartyRef;
import dev.openproof.core.model.Program;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.StatusReference;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The claims set in exactly the layout {@link ClaimsWriter} writes, read in straight-line code: each
 * {@code ,"name":} where it must be, in the writer's order and without whitespace, each value by a
 * scanner of its own that checks the rule as it reads (identifiers, plain text, ASCII texts, dates,
 * the writer's date-times, digits). Every text it reads has no escape. At the first byte that
 * departs from the layout, or a value it does not read this way, it answers {@code null} and {@link
 * ClaimsStream} reads the claims set from the start; a proof it answers is the one {@link
 * ClaimsStream}'s general path reads from the same bytes, since it applies the same rules to the
 * same values.
 */
final class SignerForm {
  private static final Literal ISS = new Literal("{\"iss\":\"");
  private static final Literal SUB = new Literal(",\"sub\":\"");
  private static final Literal JTI = new Literal(",\"jti\":\"");
  private static final Literal IAT = new Literal(",\"iat\":");
  private static final Literal EXP = new Literal(",\"exp\":");
  private static final Literal REPLACES = new Literal(",\"replaces\":\"");
  private static final Literal STATUS = new Literal(",\"status\":{\"status_list\":{\"idx\":");
  private static final Literal URI = new Literal(",\"uri\":\"");
  private static final Literal STATUS_END = new Literal("}}");
  private static final Literal LICENSE = new Literal(",\"license\":{\"version\":1,");
  private static final Literal PROGRAM = new Literal("\"program\":\"");
  private static final Literal LICENSE_NUMBER = new Literal(",\"license_number\":\"");
  private static final Literal AUTHORIZATION = new Literal(",\"authorization_number\":\"");
  private static final Literal ORDER_ID = new Literal(",\"order_id\":\"");
  private static final Literal ORDERED_AT = new Literal(",\"ordered_at\":\"");
  private static final Literal CUSTOMER = new Literal(",\"customer\":{\"id\":\"");
  private static final Literal RESELLER = new Literal(",\"reseller\":{\"id\":\"");
  private static final Literal DISTRIBUTOR = new Literal(",\"distributor\":{\"id\":\"");
  private static final Literal NAME = new Literal(",\"name\":\"");
  private static final Literal COUNTRY = new Literal(",\"country\":\"");
  private static final Literal ENTITLEMENTS = new Literal(",\"entitlements\":[{\"sku\":\"");
  private static final Literal NEXT_ENTITLEMENT = new Literal(",{\"sku\":\"");
  private static final Literal PRODUCT = new Literal(",\"product\":\"");
  private static final Literal QUANTITY = new Literal(",\"quantity\":");
  private static final Literal TYPE = new Literal(",\"type\":\"");
  private static final Literal STARTS = new Literal(",\"starts\":\"");
  private static final Literal ENDS = new Literal(",\"ends\":\"");
  private static final Literal END = new Literal("]}}");
  private static final long MAX_SECONDS = Instant.MAX.getEpochSecond();
  /** Departs from the layout: the general path's own stackless signal, control flow within these two classes. */
  private static final RuntimeException DEPARTS = ClaimsStream.NOT_DECIDED;

  private final byte[] json;
  private int at;

  private SignerForm(byte[] json) {
    this.json = json;
  }

  /**
   * The proof of a claims set in the signer's layout that passes every claims check, or {@code null}
   * when it departs from the layout or breaks a rule: the general path then decides.
   *
   * @param json the claims set's bytes
   * @param issuer the expected issuer's UTF-8 as its JSON string holds it unescaped, or {@code null}
   *     when it has none (a lone surrogate, a character the writer escapes): then the general path
   *     compares it as text
   */
  static @Nullable LicenseProof read(byte[] json, byte @Nullable [] issuer) {
    if (issuer == null) {
      return null;
    }
    try {
      return new SignerForm(json).claims(issuer);
    } catch (RuntimeException e) {
      return null; // departs, or a record refuses a value: the general path decides, and says why
    }
  }

  private LicenseProof claims(byte[] issuer) {
    expect(ISS);
    int end = at + issuer.length;
    if (end >= json.length || !Arrays.equals(json, at, end, issuer, 0, issuer.length) || json[end] != '"') {
      throw DEPARTS;
    }
    at = end + 1;
    expect(SUB);
    int subjectStart = at;
    int subjectEnd = asciiEnd();
    expect(JTI);
    String jti = proofId();
    expect(IAT);
    long iat = seconds();
    long exp = optional(EXP) ? seconds() : -1;
    String replaces = optional(REPLACES) ? proofId() : null;
    StatusReference status = null;
    if (optional(STATUS)) {
      long index = seconds();
      expect(URI);
      int start = at;
      int uriEnd = asciiEnd();
      if (uriEnd == start) {
        throw DEPARTS;
      }
      expect(STATUS_END);
      status = new StatusReference(index, latin1(start, uriEnd));
    }
    expect(LICENSE);
    expect(PROGRAM);
    Program program = ClaimsStream.PROGRAMS[oneOf(ClaimsStream.PROGRAM_NAMES)];
    expect(LICENSE_NUMBER);
    LicenseNumber number = new LicenseNumber(identifier());
    expect(AUTHORIZATION);
    AuthorizationNumber authorization = AuthorizationNumber.of(identifier());
    expect(ORDER_ID);
    OrderId orderId = OrderId.of(identifier());
    expect(ORDERED_AT);
    Instant orderedAt = dateTime();
    expect(CUSTOMER);
    int customerStart = at;
    PartyRef customer = party();
    if (subjectEnd - subjectStart != customer.id().length()
        || !Arrays.equals(json, subjectStart, subjectEnd, json, customerStart, customerStart + subjectEnd - subjectStart)) {
      throw DEPARTS;
    }
    expect(RESELLER);
    PartyRef reseller = party();
    expect(DISTRIBUTOR);
    PartyRef distributor = party();
    expect(ENTITLEMENTS);
    List<Entitlement> entitlements = entitlements();
    if (at != json.length) {
      throw DEPARTS;
    }
    return new LicenseProof(ProofId.of(jti), number, authorization, program, orderId, orderedAt, customer, reseller,
        distributor, entitlements, Instant.ofEpochSecond(iat), exp < 0 ? null : Instant.ofEpochSecond(exp), status,
        replaces == null ? null : ProofId.of(replaces));
  }

  /** A party from its id on ({@code {"id":"} read), through its closing brace. */
  private PartyRef party() {
    String id = identifier();
    expect(NAME);
    String name = plainText();
    String country = optional(COUNTRY) ? country() : null;
    expect('}');
    return new PartyRef(id, name, country);
  }

  /** The entitlements from the first one's sku on ({@code [{"sku":"} read), through {@code ]}}}. */
  private List<Entitlement> entitlements() {
    Entitlement first = entitlement();
    if (optional(END)) {
      return List.of(first);
    }
    Entitlement[] entitlements = new Entitlement[8];
    entitlements[0] = first;
    int count = 1;
    do {
      expect(NEXT_ENTITLEMENT);
      if (count == ClaimsRules.MAX_ENTITLEMENTS) {
        throw DEPARTS;
      }
      if (count == entitlements.length) {
        entitlements = Arrays.copyOf(entitlements, count * 2);
      }
      entitlements[count++] = entitlement();
    } while (!optional(END));
    return List.of(count == entitlements.length ? entitlements : Arrays.copyOf(entitlements, count));
  }

  private Entitlement entitlement() {
    String sku = identifier();
    expect(PRODUCT);
    String product = plainText();
    expect(QUANTITY);
    long quantity = digits();
    if (quantity < 1 || quantity > Integer.MAX_VALUE) {
      throw DEPARTS;
    }
    expect(TYPE);
    LicenseType type = ClaimsStream.TYPES[oneOf(ClaimsStream.TYPE_NAMES)];
    LocalDate starts = optional(STARTS) ? date() : null;
    LocalDate ends = optional(ENDS) ? date() : null;
    expect('}');
    return new Entitlement(sku, product, (int) quantity, type, starts, ends);
  }

  private void expect(Literal literal) {
    if (!literal.isAt(json, at)) {
      throw DEPARTS;
    }
    at += literal.length();
  }

  private void expect(char c) {
    if (at >= json.length || json[at] != c) {
      throw DEPARTS;
    }
    at++;
  }

  /** Whether the optional member's literal is here, read if so. */
  private boolean optional(Literal literal) {
    if (literal.isAt(json, at)) {
      at += literal.length();
      return true;
    }
    return false;
  }

  /**
   * Where a string value of printable ASCII alone (0x20 to 0x7e, no quote or backslash) ends, its
   * opening quote read; its closing quote is read too.
   */
  private int asciiEnd() {
    int i = at;
    while (i < json.length) {
      byte b = json[i];
      if (b == '"') {
        at = i + 1;
        return i;
      }
      if (b < 0x20 || b == '\\' || b == 0x7f) { // also every byte above 127, negative
        throw DEPARTS;
      }
      i++;
    }
    throw DEPARTS;
  }

  /** A proof id: 1 to 64 code points, here printable ASCII, one a byte. */
  private String proofId() {
    int start = at;
    int end = asciiEnd();
    if (end == start || end - start > 64) {
      throw DEPARTS;
    }
    return latin1(start, end);
  }

  /** An identifier ({@link ClaimsRules#isIdentifier(String)}), checked byte by byte as it is scanned. */
  private String identifier() {
    int start = at;
    int i = start;
    if (i >= json.length || !ClaimsStream.isAlphanumeric(json[i])) {
      throw DEPARTS;
    }
    for (i++; i < json.length && ClaimsStream.IDENTIFIER_BYTES[json[i] & 0xff]; i++) {
      // scanning
    }
    if (i >= json.length || json[i] != '"' || i - start > 64) {
      throw DEPARTS;
    }
    at = i + 1;
    return latin1(start, i);
  }

  /**
   * A plain text ({@link ClaimsRules#isPlainText(String)}) without escape, checked as it is scanned:
   * eight bytes at a time while they are ASCII and none is a quote, a backslash or a control character,
   * else a byte or a well-formed UTF-8 sequence at a time, one code point each.
   */
  private String plainText() {
    int start = at;
    int i = start;
    int codePoints = 0;
    while (true) {
      if (i + 8 <= json.length) {
        long word = Words.at(json, i);
        if ((word & Words.HIGH_BITS | Words.bytesEqual(word, '"') | Words.bytesEqual(word, '\\')
            | Words.bytesBelow(word, 0x20) | Words.bytesEqual(word, 0x7f)) == 0) {
          i += 8;
          codePoints += 8;
          continue;
        }
      }
      if (i >= json.length) {
        throw DEPARTS;
      }
      byte b = json[i];
      if (b == '"') {
        break;
      }
      if (b >= 0) {
        if (b < 0x20 || b == '\\' || b == 0x7f) {
          throw DEPARTS;
        }
        i++;
      } else {
        int length = Utf8.sequenceAt(json, i, json.length);
        if (length == 0) {
          throw DEPARTS;
        }
        i += length;
      }
      codePoints++;
    }
    if (codePoints < 1 || codePoints > 200) {
      throw DEPARTS;
    }
    at = i + 1;
    return new String(json, start, i - start, StandardCharsets.UTF_8);
  }

  /** A country code: two of A-Z, each code's string made once ({@link ClaimsStream#country(byte, byte)}). */
  private String country() {
    if (at + 2 >= json.length || json[at + 2] != '"') {
      throw DEPARTS;
    }
    String code = ClaimsStream.country(json[at], json[at + 1]);
    if (code == null) {
      throw DEPARTS;
    }
    at += 3;
    return code;
  }

  /** The index among {@code names} of the one the string value is, its bytes compared. */
  private int oneOf(byte[][] names) {
    int start = at;
    int end = asciiEnd();
    for (int i = 0; i < names.length; i++) {
      if (end - start == names[i].length && Arrays.equals(json, start, end, names[i], 0, names[i].length)) {
        return i;
      }
    }
    throw DEPARTS;
  }

  /** An RFC 3339 full-date, {@code YYYY-MM-DD}, and its closing quote. */
  private LocalDate date() {
    int s = at;
    if (s + 10 >= json.length || json[s + 4] != '-' || json[s + 7] != '-' || json[s + 10] != '"') {
      throw DEPARTS;
    }
    at = s + 11;
    return LocalDate.of(number(s, 4), number(s + 5, 2), number(s + 8, 2));
  }

  /**
   * A date-time as the writer writes an instant ({@link Instant#toString()} of a year 0 to 9999): {@code
   * YYYY-MM-DDThh:mm:ss}, an optional fraction of 1 to 9 digits, {@code Z}; any other form of RFC 3339
   * is left to the general path.
   */
  private Instant dateTime() {
    int s = at;
    if (s + 20 >= json.length || json[s + 4] != '-' || json[s + 7] != '-' || json[s + 10] != 'T'
        || json[s + 13] != ':' || json[s + 16] != ':') {
      throw DEPARTS;
    }
    int hour = number(s + 11, 2);
    int minute = number(s + 14, 2);
    int second = number(s + 17, 2);
    if (hour > 23 || minute > 59 || second > 59) {
      throw DEPARTS;
    }
    int i = s + 19;
    int nanos = 0;
    if (json[i] == '.') {
      int first = ++i;
      for (; i < json.length && json[i] >= '0' && json[i] <= '9'; i++) {
        nanos = nanos * 10 + json[i] - '0';
      }
      int digits = i - first;
      if (digits < 1 || digits > 9) {
        throw DEPARTS;
      }
      for (int k = digits; k < 9; k++) {
        nanos *= 10;
      }
    }
    if (i + 1 >= json.length || json[i] != 'Z' || json[i + 1] != '"') {
      throw DEPARTS;
    }
    at = i + 2;
    long days = LocalDate.of(number(s, 4), number(s + 5, 2), number(s + 8, 2)).toEpochDay();
    return Instant.ofEpochSecond(days * 86_400 + hour * 3600 + minute * 60 + second, nanos);
  }

  /** The decimal number of {@code count} digits from {@code from} on. */
  private int number(int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int digit = json[i] - '0';
      if (digit < 0 || digit > 9) {
        throw DEPARTS;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  /** A non-negative integer no later than {@link Instant#MAX}, in seconds. */
  private long seconds() {
    long value = digits();
    if (value > MAX_SECONDS) {
      throw DEPARTS;
    }
    return value;
  }

  /** Digits alone, 1 to 18, no leading zero, not followed by a digit: as the general path reads them. */
  private long digits() {
    int start = at;
    long value = 0;
    int i = start;
    for (; i < json.length && json[i] >= '0' && json[i] <= '9' && i - start < 18; i++) {
      value = value * 10 + json[i] - '0';
    }
    int count = i - start;
    if (count == 0 || count > 1 && json[start] == '0' || i < json.length && json[i] >= '0' && json[i] <= '9') {
      throw DEPARTS;
    }
    at = i;
    return value;
  }

  private String latin1(int start, int end) {
    return new String(json, start, end - start, StandardCharsets.ISO_8859_1);
  }
}
