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
import java.time.Instant;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The verifier's fast path: a proof's claims set decoded and checked in one pass over its bytes
 * (first by {@link SignerForm} when it is in the signer's exact layout, else by the general path here),
 * straight into the model, with no tree and no general JSON parser; the signer's check of what it
 * signs too. It reads only the plainest form of JSON: the members the schema names, each at most once;
 * names without escapes; strings without raw control characters, their escapes decoded as JSON's; integers of digits alone. It accepts a claims set
 * only when {@link ClaimsRules}, the verifier's issuer check and {@link ClaimsReader} would all accept
 * it, and then yields the same proof (the verifier checks its times); for anything else (a rule
 * broken, but also a form it does not handle, such as {@code 1.0} for {@code 1}, an escaped name, a
 * surrogate escaped alone, {@code aud}, {@code nbf} or a member it does not know) it answers {@code null}, and the tree path,
 * Jackson with its duplicate, nesting and number limits, gives the verdict with its exact reason.
 */
final class ClaimsStream {
  private static final long MAX_SECONDS = Instant.MAX.getEpochSecond();
  /** Not a claims set this path decides; stackless, since it is control flow within this class and {@link SignerForm}. */
  static final RuntimeException NOT_DECIDED = new NotDecided();

  // Before the names, which read their words with it.

  private static final Names CLAIMS = new Names("iss", "sub", "jti", "iat", "exp", "replaces", "status", "license");
  private static final Names LICENSE = new Names("version", "program", "license_number", "authorization_number",
      "order_id", "ordered_at", "customer", "reseller", "distributor", "entitlements");
  private static final Names PARTY = new Names("id", "name", "country");
  private static final Names ENTITLEMENT = new Names("sku", "product", "quantity", "type", "starts", "ends");
  private static final Names STATUS = new Names("status_list");
  private static final Names STATUS_LIST = new Names("idx", "uri");

  /** The programs and license types the rules allow, each with its name's bytes. */
  static final Program[] PROGRAMS = ClaimsRules.PROGRAMS.stream().map(Program::valueOf).toArray(Program[]::new);
  static final byte[][] PROGRAM_NAMES = names(PROGRAMS);
  static final LicenseType[] TYPES = ClaimsRules.TYPES.stream().map(LicenseType::valueOf).toArray(LicenseType[]::new);
  static final byte[][] TYPE_NAMES = names(TYPES);
  /** The two-letter country codes read so far, at (first - 'A') * 26 + second - 'A'. */
  private static final String[] COUNTRIES = new String[26 * 26];
  /** The last issuer read for and its UTF-8, when the one stands for the other exactly (no lone surrogate). */
  private static volatile IssuerBytes lastIssuer = new IssuerBytes("", new byte[0], true);


  private final byte[] json;
  private int at;
  /** Where the string last read by {@link #rawString()} starts, after its opening quote. */
  private int stringStart;

  private ClaimsStream(byte[] json) {
    this.json = json;
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
   * decide: read by {@link SignerForm} when it is in the signer's exact layout, else by the general
   * path ({@link #general}), which decides exactly as it would have in either case.
   *
   * @param json the claims set's bytes
   * @param issuer the expected issuer
   */
  static @Nullable LicenseProof read(byte[] json, String issuer) {
    IssuerBytes expected = issuerBytes(issuer);
    LicenseProof proof = SignerForm.read(json, expected.plain() ? expected.bytes() : null);
    return proof != null ? proof : general(json, expected);
  }

  /**
   * The general path alone: any member order, whitespace, escapes.
   *
   * @param json the claims set's bytes
   * @param issuer the expected issuer
   */
  static @Nullable LicenseProof general(byte[] json, String issuer) {
    return general(json, issuerBytes(issuer));
  }

  private static @Nullable LicenseProof general(byte[] json, IssuerBytes issuer) {
    // One object, first byte '{' (so no byte order mark), UTF-8 only, as the tree path's decoder wants:
    // outside its strings a claims set read here is ASCII, byte for byte, and each string's bytes are
    // checked as they are scanned (special, escaped), so no separate pass over the whole is needed.
    if (json.length == 0 || json[0] != '{') {
      return null;
    }
    try {
      ClaimsStream stream = new ClaimsStream(json);
      LicenseProof proof = stream.claims(issuer.issuer(), issuer.bytes());
      stream.skipWhitespace();
      return stream.at == json.length ? proof : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The issuer with its UTF-8 when it encodes it exactly; kept for the next token of the same issuer. */
  private static IssuerBytes issuerBytes(String issuer) {
    IssuerBytes last = lastIssuer;
    if (last.issuer() != issuer) {
      byte[] bytes = issuer.getBytes(StandardCharsets.UTF_8);
      boolean exact = new String(bytes, StandardCharsets.UTF_8).equals(issuer);
      last = new IssuerBytes(issuer, exact ? bytes : null, exact && isPlain(bytes));
      lastIssuer = last;
    }
    return last;
  }

  /** Whether text's UTF-8 stands in a JSON string as it is: no quote, backslash or control character. */
  private static boolean isPlain(byte[] utf8) {
    for (byte b : utf8) {
      if (b == '"' || b == '\\' || b >= 0 && b < 0x20) {
        return false;
      }
    }
    return true;
  }

  /**
   * An issuer and its UTF-8 ({@code null} when it has none that stands for it exactly, a lone
   * surrogate); {@code plain} when those bytes are also its JSON string's, unescaped.
   */
  private record IssuerBytes(String issuer, byte @Nullable [] bytes, boolean plain) {}

  private LicenseProof claims(String issuer, byte @Nullable [] issuerBytes) {
    expect('{');
    boolean issued = false;
    // sub, as it stands when it has no escape (subjectEnd >= 0, compared with the customer's id as bytes),
    // else decoded.
    int subjectStart = -1;
    int subjectEnd = -1;
    String subject = null;
    String jti = null;
    String replaces = null;
    long iat = -1;
    long exp = -1;
    StatusReference status = null;
    License license = null;
    int seen = 0;
    for (int member = member(seen, CLAIMS); member >= 0; member = member(seen, CLAIMS)) {
      seen |= 1 << member;
      switch (member) {
        case 0 -> issued = isText(issuer, issuerBytes);
        case 1 -> {
          subjectEnd = rawString();
          subjectStart = stringStart;
          subject = subjectEnd >= 0 ? "" : escaped(subjectStart);
        }
        case 2 -> jti = text();
        case 3 -> iat = seconds();
        case 4 -> exp = seconds();
        case 5 -> replaces = text();
        case 6 -> status = status();
        default -> license = license();
      }
    }
    if (!issued || subject == null || jti == null || iat < 0 || license == null
        || !isProofId(jti) || replaces != null && !isProofId(replaces)
        || !(subjectEnd >= 0 ? isAscii(subjectStart, subjectEnd, license.customer().id())
            : license.customer().id().equals(subject))) {
      throw NOT_DECIDED;
    }
    return new LicenseProof(ProofId.of(jti), license.number(), license.authorization(), license.program(),
        license.orderId(), license.orderedAt(), license.customer(), license.reseller(), license.distributor(),
        license.entitlements(),
        Instant.ofEpochSecond(iat), exp < 0 ? null : Instant.ofEpochSecond(exp), status,
        replaces == null ? null : ProofId.of(replaces));
  }

  /**
   * Whether a string value is {@code expected}: its bytes compared with {@code expectedBytes} when it
   * has no escape, else decoded and compared.
   */
  private boolean isText(String expected, byte @Nullable [] expectedBytes) {
    int end = rawString();
    if (end >= 0 && expectedBytes != null) {
      return Arrays.equals(json, stringStart, end, expectedBytes, 0, expectedBytes.length);
    }
    return expected.equals(end >= 0 ? new String(json, stringStart, end - stringStart, StandardCharsets.UTF_8)
        : escaped(stringStart));
  }

  /** Whether {@code json[start, end)} is the ASCII text {@code ascii} (an identifier, so ASCII only). */
  private boolean isAscii(int start, int end, String ascii) {
    if (end - start != ascii.length()) {
      return false;
    }
    for (int i = start; i < end; i++) {
      if (json[i] != ascii.charAt(i - start)) {
        return false;
      }
    }
    return true;
  }

  /** A proof id as the rules want it: 1 to 64 code points. */
  private static boolean isProofId(String text) {
    return !text.isEmpty() && text.codePointCount(0, text.length()) <= 64;
  }

  /** What {@code license} holds, before it joins the rest; every member present and checked. */
  private record License(Program program, LicenseNumber number, AuthorizationNumber authorization, OrderId orderId,
      Instant orderedAt, PartyRef customer, PartyRef reseller, PartyRef distributor, List<Entitlement> entitlements) {}

  private License license() {
    expect('{');
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
    int seen = 0;
    for (int member = member(seen, LICENSE); member >= 0; member = member(seen, LICENSE)) {
      seen |= 1 << member;
      switch (member) {
        case 0 -> version = integer() == 1;
        case 1 -> program = PROGRAMS[oneOf(PROGRAMS, PROGRAM_NAMES)];
        case 2 -> number = new LicenseNumber(identifier());
        case 3 -> authorization = AuthorizationNumber.of(identifier());
        case 4 -> orderId = OrderId.of(identifier());
        case 5 -> orderedAt = dateTime();
        case 6 -> customer = party();
        case 7 -> reseller = party();
        case 8 -> distributor = party();
        default -> entitlements = entitlements();
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

  private PartyRef party() {
    expect('{');
    String id = null;
    String name = null;
    String country = null;
    int seen = 0;
    for (int member = member(seen, PARTY); member >= 0; member = member(seen, PARTY)) {
      seen |= 1 << member;
      switch (member) {
        case 0 -> id = identifier();
        case 1 -> name = plainText();
        default -> country = country();
      }
    }
    if (id == null || name == null) {
      throw NOT_DECIDED;
    }
    return new PartyRef(id, name, country);
  }

  /**
   * A country code ({@link ClaimsRules#isCountry(String)}): two bytes A-Z when it has no escape, each
   * code's string made once and kept (racy but safe: a string is immutable, its fields final).
   */
  private String country() {
    int end = rawString();
    if (end < 0) {
      return escapedWhere(ClaimsRules::isCountry);
    }
    String code = end - stringStart == 2 ? country(json[stringStart], json[stringStart + 1]) : null;
    if (code == null) {
      throw NOT_DECIDED;
    }
    return code;
  }

  /** The country code of two bytes, each A-Z, made once and kept; {@code null} for any other two. */
  static @Nullable String country(byte first, byte second) {
    if (!isUpper(first) || !isUpper(second)) {
      return null;
    }
    int index = (first - 'A') * 26 + second - 'A';
    String code = COUNTRIES[index];
    if (code == null) {
      code = new String(new byte[] {first, second}, StandardCharsets.ISO_8859_1);
      COUNTRIES[index] = code;
    }
    return code;
  }

  private static boolean isUpper(byte b) {
    return b >= 'A' && b <= 'Z';
  }

  private List<Entitlement> entitlements() {
    expect('[');
    Entitlement[] entitlements = new Entitlement[4];
    int count = 0;
    skipWhitespace();
    if (peek() == ']') {
      throw NOT_DECIDED; // at least one entitlement
    }
    do {
      if (count == ClaimsRules.MAX_ENTITLEMENTS) {
        throw NOT_DECIDED;
      }
      if (count == entitlements.length) {
        entitlements = Arrays.copyOf(entitlements, count * 2);
      }
      entitlements[count++] = entitlement();
      skipWhitespace();
    } while (next() == ',');
    if (json[at - 1] != ']') {
      throw NOT_DECIDED;
    }
    // Immutable already, so the proof keeps this list as it is; one or two without a copy of the array.
    if (count <= 2) {
      return count == 1 ? List.of(entitlements[0]) : List.of(entitlements[0], entitlements[1]);
    }
    return List.of(count == entitlements.length ? entitlements : Arrays.copyOf(entitlements, count));
  }

  private Entitlement entitlement() {
    expect('{');
    String sku = null;
    String product = null;
    int quantity = 0;
    LicenseType type = null;
    LocalDate starts = null;
    LocalDate ends = null;
    int seen = 0;
    for (int member = member(seen, ENTITLEMENT); member >= 0; member = member(seen, ENTITLEMENT)) {
      seen |= 1 << member;
      switch (member) {
        case 0 -> sku = identifier();
        case 1 -> product = plainText();
        case 2 -> quantity = integer();
        case 3 -> type = TYPES[oneOf(TYPES, TYPE_NAMES)];
        case 4 -> starts = date();
        default -> ends = date();
      }
    }
    if (sku == null || product == null || quantity < 1 || type == null) {
      throw NOT_DECIDED;
    }
    return new Entitlement(sku, product, quantity, type, starts, ends);
  }

  private StatusReference status() {
    expect('{');
    if (member(0, STATUS) != 0) {
      throw NOT_DECIDED;
    }
    expect('{');
    long index = -1;
    String uri = null;
    int seen = 0;
    for (int member = member(seen, STATUS_LIST); member >= 0; member = member(seen, STATUS_LIST)) {
      seen |= 1 << member;
      if (member == 0) {
        index = seconds();
      } else {
        uri = text();
      }
    }
    if (index < 0 || uri == null || uri.isEmpty() || member(1, STATUS) != -1) {
      throw NOT_DECIDED;
    }
    return new StatusReference(index, uri);
  }

  /**
   * The next member of an object whose {@code '{'} is read: the index of its name among {@code names},
   * its {@code ':'} read, or -1 at the object's end.
   *
   * @param seen the members read so far, a bit each: a name seen again is not decided here
   */
  private int member(int seen, Names names) {
    // The form the signer writes: no whitespace, members in the order of names, so the next member is
    // one after the last read, its comma, quoted name and colon matched at once.
    if (at < json.length && json[at] == '}') {
      at++;
      return -1;
    }
    int row = seen == 0 ? 0 : 1;
    for (int next = 32 - Integer.numberOfLeadingZeros(seen); next < names.count(); next++) {
      if (names.isFramedAt(json, at, row, next)) {
        at += names.framedLength(row, next);
        return next;
      }
    }
    skipWhitespace();
    byte b = next();
    if (b == '}') {
      return -1;
    }
    if (seen != 0) {
      if (b != ',') {
        throw NOT_DECIDED;
      }
      skipWhitespace();
      b = next();
    }
    if (b != '"') {
      throw NOT_DECIDED;
    }
    // A name is one of names exactly when its bytes and the closing quote follow; any other (unknown,
    // escaped, cut short) is not decided here. Members come mostly in the order of names: the search
    // starts at the count read so far.
    int member = names.find(json, at, Math.min(Integer.bitCount(seen), names.count() - 1));
    if (member < 0 || (seen & 1 << member) != 0) {
      throw NOT_DECIDED;
    }
    at += names.quotedLength(member);
    expect(':');
    return member;
  }

  /**
   * The member names of one kind of object, each with its closing quote; a name that fits in eight
   * bytes with it is also kept as a word and its mask, so one read and compare finds it.
   */
  private static final class Names {
    private final byte[][] quoted;
    private final long[] words;
    private final long[] masks;
    /**
     * Each name framed as the first member has it, {@code "name":} (row 0), and as a later one, {@code
     * ,"name":} (row 1); when shorter than eight bytes, also as a word, zero beyond its length.
     */
    private final byte[][][] framed;
    private final long[][] framedWords;

    Names(String... names) {
      quoted = new byte[names.length][];
      words = new long[names.length];
      masks = new long[names.length];
      framed = new byte[2][names.length][];
      framedWords = new long[2][names.length];
      for (int i = 0; i < names.length; i++) {
        framed[0][i] = ('"' + names[i] + "\":").getBytes(StandardCharsets.US_ASCII);
        framed[1][i] = (",\"" + names[i] + "\":").getBytes(StandardCharsets.US_ASCII);
        for (int row = 0; row < 2; row++) {
          framedWords[row][i] = Words.at(Arrays.copyOf(framed[row][i], Math.max(8, framed[row][i].length)), 0);
        }
        quoted[i] = (names[i] + '"').getBytes(StandardCharsets.US_ASCII);
        if (quoted[i].length <= 8) {
          byte[] padded = Arrays.copyOf(quoted[i], 8);
          words[i] = Words.at(padded, 0);
          masks[i] = quoted[i].length == 8 ? -1L : (1L << 8 * quoted[i].length) - 1;
        }
      }
    }

    int count() {
      return quoted.length;
    }

    /** The length of a name as {@link #framed} has it: row 0 for the first member, 1 for a later one. */
    int framedLength(int row, int member) {
      return framed[row][member].length;
    }

    /**
     * Whether {@code json} holds the name framed as {@link #framed} has it from {@code start} on, read
     * a word at a time: one masked word below eight bytes, else the first and last eight (overlapping)
     * and, beyond sixteen, the eight after the first; no name framed is longer than 24.
     */
    boolean isFramedAt(byte[] json, int start, int row, int member) {
      byte[] bytes = framed[row][member];
      int n = bytes.length;
      if (start + Math.max(n, 8) > json.length) {
        return false;
      }
      long word = Words.at(json, start);
      if (n < 8) {
        return (word & (1L << 8 * n) - 1) == framedWords[row][member];
      }
      return word == framedWords[row][member] && Words.at(json, start + n - 8) == Words.at(bytes, n - 8)
          && (n <= 16 || Words.at(json, start + 8) == Words.at(bytes, 8));
    }

    int quotedLength(int member) {
      return quoted[member].length;
    }

    /** The index of the name that {@code json} holds from {@code start} on, closing quote included, or -1. */
    int find(byte[] json, int start, int first) {
      boolean wordFits = start + 8 <= json.length;
      long word = wordFits ? Words.at(json, start) : 0;
      for (int k = 0, i = first; k < quoted.length; k++) {
        if (wordFits && masks[i] != 0 ? (word & masks[i]) == words[i] : isAt(json, start, quoted[i])) {
          return i;
        }
        i = i + 1 == quoted.length ? 0 : i + 1;
      }
      return -1;
    }

    private static boolean isAt(byte[] json, int start, byte[] bytes) {
      if (start + bytes.length > json.length) {
        return false;
      }
      for (int i = 0; i < bytes.length; i++) {
        if (json[start + i] != bytes[i]) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Where the first byte from {@code from} on is special within a string: a quote, a backslash or a
   * control character (below 0x20); {@code json.length} if none is. Each byte above 127 on the way must
   * start a well-formed UTF-8 sequence, which is stepped over whole; any other is not decided here.
   * Eight bytes at a time while none of them is special or above 127 (each test below is nonzero
   * exactly when some byte of the word is such a byte).
   */
  private int special(int from) {
    int i = from;
    while (i + 8 <= json.length) {
      long word = Words.at(json, i);
      if ((word & Words.HIGH_BITS | Words.bytesEqual(word, '"') | Words.bytesEqual(word, '\\')
          | Words.bytesBelow(word, 0x20)) != 0) {
        break;
      }
      i += 8;
    }
    for (; i < json.length; i++) {
      byte b = json[i];
      if (b < 0) {
        return specialBeyondAscii(i);
      }
      if (b == '"' || b == '\\' || b < 0x20) {
        return i;
      }
    }
    return i;
  }

  /** {@link #special(int)} from a byte above 127 on, a byte or a sequence at a time. */
  private int specialBeyondAscii(int from) {
    int i = from;
    while (i < json.length) {
      byte b = json[i];
      if (b < 0) {
        i += utf8SequenceAt(i);
      } else if (b == '"' || b == '\\' || b < 0x20) {
        return i;
      } else {
        i++;
      }
    }
    return i;
  }

  /** The length of the well-formed UTF-8 sequence at {@code i}, whose first byte is above 127. */
  private int utf8SequenceAt(int i) {
    int length = Utf8.sequenceAt(json, i, json.length);
    if (length == 0) {
      throw NOT_DECIDED; // not UTF-8, which the tree's decoder refuses
    }
    return length;
  }

  private void skipWhitespace() {
    while (at < json.length) {
      byte b = json[at];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return;
      }
      at++;
    }
  }

  private byte peek() {
    if (at >= json.length) {
      throw NOT_DECIDED;
    }
    return json[at];
  }

  private byte next() {
    byte b = peek();
    at++;
    return b;
  }

  private void expect(char c) {
    skipWhitespace();
    if (next() != c) {
      throw NOT_DECIDED;
    }
  }

  /** A string value: as it stands when it has no escape, else decoded as JSON says. */
  private String text() {
    int end = rawString();
    return end >= 0 ? new String(json, stringStart, end - stringStart, StandardCharsets.UTF_8) : escaped(stringStart);
  }

  /**
   * Reads a string value's opening quote and its bytes: answers where it ends (its closing quote, which
   * is read) when it has no escape, or -1 with {@code at} on its first escape, for {@link
   * #escaped(int)}; either way {@link #stringStart} is where it starts.
   */
  private int rawString() {
    expect('"');
    stringStart = at;
    int i = special(at);
    if (i == json.length) {
      throw NOT_DECIDED;
    }
    if (json[i] == '"') {
      at = i + 1;
      return i;
    }
    if (json[i] == '\\') {
      at = i;
      return -1;
    }
    throw NOT_DECIDED; // a raw control character: not JSON
  }

  /** The rest of a string from its first escape, at {@code at}; {@code start} is where the string began. */
  private String escaped(int start) {
    StringBuilder text = new StringBuilder(new String(json, start, at - start, StandardCharsets.UTF_8));
    int segment = at;
    while (true) {
      byte b = next();
      if (b == '"') {
        text.append(new String(json, segment, at - 1 - segment, StandardCharsets.UTF_8));
        break;
      }
      if (b >= 0 && b < 0x20) {
        throw NOT_DECIDED;
      }
      if (b < 0) {
        at += utf8SequenceAt(at - 1) - 1;
      }
      if (b == '\\') {
        text.append(new String(json, segment, at - 1 - segment, StandardCharsets.UTF_8));
        switch (next()) {
          case '"' -> text.append('"');
          case '\\' -> text.append('\\');
          case '/' -> text.append('/');
          case 'b' -> text.append('\b');
          case 'f' -> text.append('\f');
          case 'n' -> text.append('\n');
          case 'r' -> text.append('\r');
          case 't' -> text.append('\t');
          case 'u' -> text.append(hexChar());
          default -> throw NOT_DECIDED;
        }
        segment = at;
      }
    }
    // A surrogate escaped alone is left to the tree.
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw NOT_DECIDED;
      }
    }
    return text.toString();
  }

  /** The four hexadecimal digits of a unicode escape, as the character they name. */
  private char hexChar() {
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(next(), 16);
      if (digit < 0) {
        throw NOT_DECIDED;
      }
      value = value << 4 | digit;
    }
    return (char) value;
  }

  /** An identifier ({@link ClaimsRules#isIdentifier(String)}), checked on its bytes when it has no escape. */
  private String identifier() {
    int end = rawString();
    if (end < 0) {
      return escapedWhere(ClaimsRules::isIdentifier);
    }
    // The rule's characters are ASCII, so its bytes are its characters, and any other byte fails it.
    int length = end - stringStart;
    if (length < 1 || length > 64 || !isAlphanumeric(json[stringStart])) {
      throw NOT_DECIDED;
    }
    for (int i = stringStart + 1; i < end; i++) {
      if (!IDENTIFIER_BYTES[json[i] & 0xff]) {
        throw NOT_DECIDED;
      }
    }
    return new String(json, stringStart, length, StandardCharsets.ISO_8859_1);
  }

  /** The string that {@link #rawString()} found an escape in, decoded, when the rule accepts it. */
  private String escapedWhere(Predicate<String> rule) {
    String text = escaped(stringStart);
    if (!rule.test(text)) {
      throw NOT_DECIDED;
    }
    return text;
  }

  /** The bytes an identifier has after its first: A-Z a-z 0-9 . _ -, by the unsigned byte. */
  static final boolean[] IDENTIFIER_BYTES = new boolean[256];

  static {
    for (int b = 0; b < 256; b++) {
      IDENTIFIER_BYTES[b] = isAlphanumeric((byte) b) || b == '.' || b == '_' || b == '-';
    }
  }

  static boolean isAlphanumeric(byte b) {
    return b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z';
  }

  /**
   * A plain text ({@link ClaimsRules#isPlainText(String)}), checked on its bytes when it has no escape:
   * well-formed UTF-8 (checked as the string was scanned) has a code point per byte that does not
   * continue one, and a control character only as a byte of its own, below 0x20 (never raw in a
   * string) or 0x7f. Eight bytes at a time: a continuation byte is one whose top two bits are 10.
   */
  private String plainText() {
    int end = rawString();
    if (end < 0) {
      return escapedWhere(ClaimsRules::isPlainText);
    }
    int codePoints = 0;
    int i = stringStart;
    for (; i + 8 <= end; i += 8) {
      long word = Words.at(json, i);
      if (Words.bytesEqual(word, 0x7f) != 0) {
        throw NOT_DECIDED;
      }
      codePoints += 8 - Long.bitCount(word & ~(word << 1) & Words.HIGH_BITS);
    }
    for (; i < end; i++) {
      byte b = json[i];
      if (b == 0x7f) {
        throw NOT_DECIDED;
      }
      if ((b & 0xc0) != 0x80) {
        codePoints++;
      }
    }
    if (codePoints < 1 || codePoints > 200) {
      throw NOT_DECIDED;
    }
    return new String(json, stringStart, end - stringStart, StandardCharsets.UTF_8);
  }

  /**
   * The index among {@code constants} of the one a string value names: its bytes matched against the
   * names when it has no escape, else decoded and compared.
   */
  private int oneOf(Enum<?>[] constants, byte[][] names) {
    int end = rawString();
    String text = end >= 0 ? null : escaped(stringStart);
    for (int i = 0; i < names.length; i++) {
      if (text == null ? end - stringStart == names[i].length && Names.isAt(json, stringStart, names[i])
          : text.equals(constants[i].name())) {
        return i;
      }
    }
    throw NOT_DECIDED;
  }

  private LocalDate date() {
    CharSequence text = asciiText();
    if (!ClaimsRules.isDate(text)) {
      throw NOT_DECIDED;
    }
    return ClaimsReader.date(text);
  }

  private Instant dateTime() {
    CharSequence text = asciiText();
    if (!ClaimsRules.isDateTime(text)) {
      throw NOT_DECIDED;
    }
    return ClaimsReader.dateTime(text);
  }

  /**
   * A string value for a rule whose every character is ASCII (a date, a date-time): its bytes read in
   * place as characters, one a byte, when it has no escape, else decoded. A byte above 127 is then a
   * character above 127, which such a rule refuses as it refuses any character beyond ASCII.
   */
  private CharSequence asciiText() {
    int end = rawString();
    return end >= 0 ? new Latin1Text(json, stringStart, end) : escaped(stringStart);
  }

  /** Bytes read as Latin-1 characters where they stand, without a copy. */
  private static final class Latin1Text implements CharSequence {
    private final byte[] bytes;
    private final int start;
    private final int end;

    Latin1Text(byte[] bytes, int start, int end) {
      this.bytes = bytes;
      this.start = start;
      this.end = end;
    }

    @Override
    public int length() {
      return end - start;
    }

    @Override
    public char charAt(int index) {
      Objects.checkIndex(index, end - start);
      return (char) (bytes[start + index] & 0xff);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
      return toString().subSequence(from, to);
    }

    @Override
    public String toString() {
      return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }
  }

  /** An integer written without sign, fraction or exponent that fits an {@code int}. */
  private int integer() {
    long value = digits();
    if (value > Integer.MAX_VALUE) {
      throw NOT_DECIDED;
    }
    return (int) value;
  }

  /** A non-negative integer no later than {@link Instant#MAX}, written without sign, fraction or exponent. */
  private long seconds() {
    long value = digits();
    if (value > MAX_SECONDS) {
      throw NOT_DECIDED;
    }
    return value;
  }

  /**
   * Digits alone, at most 18 and no leading zero: what follows must be a comma, a closing bracket or
   * whitespace, or the caller's next step refuses it (so {@code 1.5}, {@code 1e3} and {@code 12x} are
   * never read as numbers here).
   */
  private long digits() {
    skipWhitespace();
    int start = at;
    long value = 0;
    while (at < json.length && json[at] >= '0' && json[at] <= '9' && at - start < 18) {
      value = value * 10 + (json[at] - '0');
      at++;
    }
    int count = at - start;
    if (count == 0 || (count > 1 && json[start] == '0')
        || at < json.length && json[at] >= '0' && json[at] <= '9') {
      throw NOT_DECIDED;
    }
    return value;
  }

  private static byte[][] names(Enum<?>... constants) {
    String[] names = new String[constants.length];
    for (int i = 0; i < constants.length; i++) {
      names[i] = constants[i].name();
    }
    return names(names);
  }

  private static byte[][] names(String... names) {
    byte[][] bytes = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      bytes[i] = names[i].getBytes(StandardCharsets.US_ASCII);
    }
    return bytes;
  }

  /** Control flow within this class and {@link SignerForm} only. */
  private static final class NotDecided extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotDecided() {
      super("not decided by the streaming path", null, false, false);
    }
  }
}
