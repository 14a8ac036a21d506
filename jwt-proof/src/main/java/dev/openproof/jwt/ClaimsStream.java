package dev.openproof.jwt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The verifier's fast path: a proof's claims set decoded and checked in one pass of Jackson's
 * streaming parser, straight into the model, with no tree; the signer's check of what it signs too.
 * It accepts a claims set only when {@link ClaimsRules}, the verifier's issuer check and {@link
 * ClaimsReader} would all accept it, and then yields the same proof (the verifier checks its times); for anything else (a rule broken, but also a form it does not
 * handle, such as {@code 1.0} for {@code 1}, {@code aud}, {@code nbf} or a member it does not know) it
 * answers {@code null}, and the tree path gives the verdict with its exact reason. The parser is the
 * tree path's own, so duplicate members, the nesting limit and the number limits are enforced alike.
 */
final class ClaimsStream {
  private static final long MAX_SECONDS = Instant.MAX.getEpochSecond();
  /** Not a claims set this path decides; stackless, since it is control flow within this class. */
  private static final NotDecided NOT_DECIDED = new NotDecided();

  private final JsonParser parser;

  private ClaimsStream(JsonParser parser) {
    this.parser = parser;
  }

  /**
   * Whether a claims set passes every claims check, as {@link #read(byte[], String)} decides.
   *
   * @param json the claims set's bytes
   * @param issuer the expected issuer
   */
  static boolean conforms(byte[] json, String issuer) {
    return read(json, issuer) != null;
  }

  /**
   * The proof of a claims set that passes every claims check, or {@code null} when the tree path must
   * decide.
   *
   * @param json the claims set's bytes
   * @param issuer the expected issuer
   */
  static @Nullable LicenseProof read(byte[] json, String issuer) {
    // One object, first byte '{' (so no byte order mark), UTF-8 only, as the tree path's decoder wants.
    if (json.length == 0 || json[0] != '{' || !Utf8.isWellFormedWithoutNul(json)) {
      return null;
    }
    try (JsonParser parser = Json.MAPPER.createParser(json)) {
      LicenseProof proof = new ClaimsStream(parser).claims(issuer);
      return parser.nextToken() == null ? proof : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private LicenseProof claims(String issuer) throws IOException {
    expect(JsonToken.START_OBJECT);
    boolean issued = false;
    String subject = null;
    String jti = null;
    String replaces = null;
    long iat = -1;
    long exp = -1;
    StatusReference status = null;
    License license = null;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      switch (name) {
        case "iss" -> issued = issuer.equals(text());
        case "sub" -> subject = text();
        case "jti" -> jti = text();
        case "replaces" -> replaces = text();
        case "iat" -> iat = seconds();
        case "exp" -> exp = seconds();
        case "status" -> status = status();
        case "license" -> license = license();
        default -> throw NOT_DECIDED;
      }
    }
    if (!issued || subject == null || jti == null || iat < 0 || license == null
        || !isProofId(jti) || replaces != null && !isProofId(replaces)
        || !license.customer().id().equals(subject)) {
      throw NOT_DECIDED;
    }
    return new LicenseProof(ProofId.of(jti), license.number(), license.authorization(), license.program(),
        license.orderId(), license.orderedAt(), license.customer(), license.reseller(), license.distributor(),
        license.entitlements(),
        Instant.ofEpochSecond(iat), exp < 0 ? null : Instant.ofEpochSecond(exp), status,
        replaces == null ? null : ProofId.of(replaces));
  }

  /** A proof id as the rules want it: 1 to 64 code points. */
  private static boolean isProofId(String text) {
    return !text.isEmpty() && text.codePointCount(0, text.length()) <= 64;
  }

  /** What {@code license} holds, before it joins the rest; every member present and checked. */
  private record License(Program program, LicenseNumber number, AuthorizationNumber authorization, OrderId orderId,
      Instant orderedAt, PartyRef customer, PartyRef reseller, PartyRef distributor, List<Entitlement> entitlements) {}

  private License license() throws IOException {
    expect(JsonToken.START_OBJECT);
    boolean version = false;
    Program program = null;
    LicenseNumber number = null;
    AuthorizationNumber authorization = null;
    OrderId orderId = null;
    Instant orderedAt = null;
    PartyRef customer = null;
    PartyRef reseller = null;
    PartyRef distributor = null;
    List<Entitlement> entitlements = null;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      switch (name) {
        case "version" -> version = integer() == 1;
        case "program" -> program = Program.valueOf(oneOf(ClaimsRules.PROGRAMS));
        case "license_number" -> number = new LicenseNumber(identifier());
        case "authorization_number" -> authorization = AuthorizationNumber.of(identifier());
        case "order_id" -> orderId = OrderId.of(identifier());
        case "ordered_at" -> orderedAt = dateTime();
        case "customer" -> customer = party();
        case "reseller" -> reseller = party();
        case "distributor" -> distributor = party();
        case "entitlements" -> entitlements = entitlements();
        default -> throw NOT_DECIDED;
      }
    }
    if (!version || program == null || number == null || authorization == null || orderId == null
        || orderedAt == null || customer == null || reseller == null || distributor == null
        || entitlements == null) {
      throw NOT_DECIDED;
    }
    return new License(program, number, authorization, orderId, orderedAt, customer, reseller, distributor,
        entitlements);
  }

  private PartyRef party() throws IOException {
    expect(JsonToken.START_OBJECT);
    String id = null;
    String name = null;
    String country = null;
    for (String member = parser.nextFieldName(); member != null; member = parser.nextFieldName()) {
      switch (member) {
        case "id" -> id = identifier();
        case "name" -> name = plainText();
        case "country" -> {
          country = text();
          if (!ClaimsRules.isCountry(country)) {
            throw NOT_DECIDED;
          }
        }
        default -> throw NOT_DECIDED;
      }
    }
    if (id == null || name == null) {
      throw NOT_DECIDED;
    }
    return new PartyRef(id, name, country);
  }

  private List<Entitlement> entitlements() throws IOException {
    expect(JsonToken.START_ARRAY);
    List<Entitlement> entitlements = new ArrayList<>(4);
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      if (token != JsonToken.START_OBJECT || entitlements.size() == ClaimsRules.MAX_ENTITLEMENTS) {
        throw NOT_DECIDED;
      }
      entitlements.add(entitlement());
    }
    if (entitlements.isEmpty()) {
      throw NOT_DECIDED;
    }
    return entitlements;
  }

  /** An entitlement, its {@code START_OBJECT} read. */
  private Entitlement entitlement() throws IOException {
    String sku = null;
    String product = null;
    int quantity = 0;
    LicenseType type = null;
    LocalDate starts = null;
    LocalDate ends = null;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      switch (name) {
        case "sku" -> sku = identifier();
        case "product" -> product = plainText();
        case "quantity" -> quantity = integer();
        case "type" -> type = LicenseType.valueOf(oneOf(ClaimsRules.TYPES));
        case "starts" -> starts = date();
        case "ends" -> ends = date();
        default -> throw NOT_DECIDED;
      }
    }
    if (sku == null || product == null || quantity < 1 || type == null) {
      throw NOT_DECIDED;
    }
    return new Entitlement(sku, product, quantity, type, starts, ends);
  }

  private StatusReference status() throws IOException {
    expect(JsonToken.START_OBJECT);
    if (!"status_list".equals(parser.nextFieldName())) {
      throw NOT_DECIDED;
    }
    expect(JsonToken.START_OBJECT);
    long index = -1;
    String uri = null;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      switch (name) {
        case "idx" -> index = seconds();
        case "uri" -> uri = text();
        default -> throw NOT_DECIDED;
      }
    }
    if (index < 0 || uri == null || uri.isEmpty() || parser.nextToken() != JsonToken.END_OBJECT) {
      throw NOT_DECIDED;
    }
    return new StatusReference(index, uri);
  }

  private void expect(JsonToken token) throws IOException {
    if (parser.nextToken() != token) {
      throw NOT_DECIDED;
    }
  }

  private String text() throws IOException {
    expect(JsonToken.VALUE_STRING);
    return parser.getText();
  }

  private String identifier() throws IOException {
    String text = text();
    if (!ClaimsRules.isIdentifier(text)) {
      throw NOT_DECIDED;
    }
    return text;
  }

  private String plainText() throws IOException {
    String text = text();
    if (!ClaimsRules.isPlainText(text)) {
      throw NOT_DECIDED;
    }
    return text;
  }

  private String oneOf(java.util.Set<String> values) throws IOException {
    String text = text();
    if (!values.contains(text)) {
      throw NOT_DECIDED;
    }
    return text;
  }

  private LocalDate date() throws IOException {
    String text = text();
    if (!ClaimsRules.isDate(text)) {
      throw NOT_DECIDED;
    }
    return ClaimsReader.date(text);
  }

  private Instant dateTime() throws IOException {
    String text = text();
    if (!ClaimsRules.isDateTime(text)) {
      throw NOT_DECIDED;
    }
    return ClaimsReader.dateTime(text);
  }

  /** An integer written without fraction or exponent that fits an {@code int}. */
  private int integer() throws IOException {
    expect(JsonToken.VALUE_NUMBER_INT);
    if (parser.getNumberType() != JsonParser.NumberType.INT) {
      throw NOT_DECIDED;
    }
    return parser.getIntValue();
  }

  /** A non-negative integer that fits a {@code long} and is no later than {@link Instant#MAX}. */
  private long seconds() throws IOException {
    expect(JsonToken.VALUE_NUMBER_INT);
    JsonParser.NumberType type = parser.getNumberType();
    if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
      throw NOT_DECIDED;
    }
    long value = parser.getLongValue();
    if (value < 0 || value > MAX_SECONDS) {
      throw NOT_DECIDED;
    }
    return value;
  }

  /** Control flow within this class only. */
  private static final class NotDecided extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotDecided() {
      super("not decided by the streaming path", null, false, false);
    }
  }
}
