package dev.openproof.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.StatusReference;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming path decides only claims sets the tree path accepts, and then yields the proof the
 * tree path reads: it may leave a claims set to the tree, never accept one the tree refuses.
 */
class ClaimsStreamAgreesWithTheTreeTest {
  private static final String CLAIMS = Forge.claims(Proofs.perpetual()).toString();
  /** Cases of the schema test that the streaming path must decide itself, not leave to the tree. */
  private static final Set<String> STREAMED = Set.of("as issued", "with status", "with term dates",
      "a party without country", "a name of 200 characters beyond the BMP",
      "a date-time with offset and fraction", "a date-time in lower case", "500 entitlements", "replaces a proof");
  /** The rule {@link ClaimsRules#isDateTime(CharSequence)} replaced, kept here as the reference. */
  private static final Pattern DATE_TIME = Pattern.compile(
      "(\\d{4}-\\d{2}-\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d+)?(?:[Zz]|[+-](\\d{2}):(\\d{2}))");

  /** The tree path's proof, or {@code null} where it refuses the claims. */
  static LicenseProof treeRead(byte[] json) {
    JsonNode claims;
    try {
      claims = Json.readObject(json, "claims set");
    } catch (ProofVerificationException e) {
      return null;
    }
    if (ClaimsRules.violation(claims) != null || !Proofs.ISSUER.equals(claims.get("iss").textValue())) {
      return null;
    }
    try {
      return ClaimsReader.read(claims);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void assertStreamIsNarrower(byte[] json) {
    LicenseProof streamed = ClaimsStream.read(json, Proofs.ISSUER);
    if (streamed != null) {
      assertThat(treeRead(json)).as(new String(json, StandardCharsets.UTF_8)).isEqualTo(streamed);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.openproof.jwt.ClaimsRulesAgreeWithSchemaTest#claims")
  void decidesOnlyWhatTheTreeAcceptsAndReadsTheSameProof(String name, Consumer<ObjectNode> change, boolean valid) throws Exception {
    ObjectNode claims = Forge.claims(Proofs.perpetual());
    change.accept(claims);
    byte[] json = Json.MAPPER.writeValueAsBytes(claims);
    LicenseProof streamed = ClaimsStream.read(json, Proofs.ISSUER);

    if (STREAMED.contains(name)) {
      assertThat(streamed).as(name).isNotNull();
    }
    if (streamed != null) {
      assertThat(valid).as(name).isTrue();
      assertThat(streamed).isEqualTo(ClaimsReader.read(Json.MAPPER.readTree(json)));
    }
  }

  @Test
  void leavesAnotherIssuerADuplicateMemberAndTrailingContentToTheTree() {
    byte[] json = CLAIMS.getBytes(StandardCharsets.UTF_8);
    assertThat(ClaimsStream.read(json, Proofs.ISSUER)).isEqualTo(Proofs.perpetual());
    assertThat(ClaimsStream.read(json, "https://other.example.test")).isNull();
    assertThat(ClaimsStream.read(CLAIMS.replaceFirst("\\{", "{\"jti\":\"P-9\",").getBytes(StandardCharsets.UTF_8), Proofs.ISSUER)).isNull();
    assertThat(ClaimsStream.read((CLAIMS + "{}").getBytes(StandardCharsets.UTF_8), Proofs.ISSUER)).isNull();
    assertThat(ClaimsStream.read((" " + CLAIMS).getBytes(StandardCharsets.UTF_8), Proofs.ISSUER)).isNull();
    byte[] withBom = new byte[json.length + 3];
    withBom[0] = (byte) 0xef;
    withBom[1] = (byte) 0xbb;
    withBom[2] = (byte) 0xbf;
    System.arraycopy(json, 0, withBom, 3, json.length);
    assertThat(ClaimsStream.read(withBom, Proofs.ISSUER)).isNull();
  }

  /** The claims set with the reseller's name written as the given JSON string body. */
  private static byte[] withResellerName(String jsonText) {
    ObjectNode claims = Forge.claims(Proofs.perpetual());
    ((ObjectNode) claims.get("license").get("reseller")).put("name", "NAME-HERE");
    return claims.toString().replace("NAME-HERE", jsonText).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void decodesEscapesAsTheTreeDoesAndLeavesOddFormsToIt() {
    byte[] escaped = withResellerName("Ex\\u00e9mple \\\"R\\\" \\/ \\ud83d\\ude00");
    LicenseProof streamed = ClaimsStream.read(escaped, Proofs.ISSUER);
    assertThat(streamed).isNotNull().isEqualTo(treeRead(escaped));
    assertThat(streamed.reseller().name()).isEqualTo("Ex\u00e9mple \"R\" / \ud83d\ude00");

    String spaced = CLAIMS.replace("\":", "\" :\n ").replace(",\"", " ,\r\n\t\"");
    assertThat(ClaimsStream.read(spaced.getBytes(StandardCharsets.UTF_8), Proofs.ISSUER)).isEqualTo(Proofs.perpetual());

    for (byte[] odd : List.of(withResellerName("lone \\ud83d surrogate"), withResellerName("bad \\x escape"),
        withResellerName("short \\u00e"), CLAIMS.replace("\"sub\"", "\"s\\u0075b\"").getBytes(StandardCharsets.UTF_8),
        CLAIMS.replace("\"version\":1", "\"version\":01").getBytes(StandardCharsets.UTF_8),
        CLAIMS.replace("\"version\":1", "\"version\":1.0").getBytes(StandardCharsets.UTF_8),
        CLAIMS.replace("\"version\":1", "\"version\":1e0").getBytes(StandardCharsets.UTF_8),
        CLAIMS.replace("\"version\":1", "\"version\":-1").getBytes(StandardCharsets.UTF_8),
        CLAIMS.replace("]", ",]").getBytes(StandardCharsets.UTF_8),
        CLAIMS.replace("}}", "},}").getBytes(StandardCharsets.UTF_8))) {
      assertThat(ClaimsStream.read(odd, Proofs.ISSUER)).as(new String(odd, StandardCharsets.UTF_8)).isNull();
    }
  }

  /** The claims set with one JSON text replaced, as bytes. */
  private static byte[] replaced(String text, String replacement) {
    assertThat(CLAIMS).contains(text);
    return CLAIMS.replace(text, replacement).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsIssuerSubjectProgramAndTypeAsBytesOrEscapedAlikeAndRefusesAnyOther() {
    // The streaming path compares these as bytes when they have no escape: escaped, they are the same.
    for (byte[] same : List.of(replaced("\"iss\":\"https:", "\"iss\":\"\\u0068ttps:"),
        replaced("\"sub\":\"C-100234\"", "\"sub\":\"C\\u002d100234\""),
        replaced("\"program\":\"OPEN_LICENSE\"", "\"program\":\"OPEN\\u005fLICENSE\""),
        replaced("\"type\":\"LICENSE\"", "\"type\":\"LICENS\\u0045\""))) {
      LicenseProof streamed = ClaimsStream.read(same, Proofs.ISSUER);
      assertThat(streamed).as(new String(same, StandardCharsets.UTF_8)).isEqualTo(Proofs.perpetual()).isEqualTo(treeRead(same));
    }
    for (byte[] other : List.of(replaced("\"iss\":\"https:", "\"iss\":\"http:"),
        replaced("\"iss\":\"https://licensing.example.test\"", "\"iss\":\"https://licensing.example.test/\""),
        replaced("\"iss\":\"https://licensing.example.test\"", "\"iss\":\"https://licensing.example.tes\""),
        replaced("\"sub\":\"C-100234\"", "\"sub\":\"C-100235\""), replaced("\"sub\":\"C-100234\"", "\"sub\":\"C-10023\""),
        replaced("\"sub\":\"C-100234\"", "\"sub\":\"C-1002345\""), replaced("\"sub\":\"C-100234\"", "\"sub\":\"c-100234\""),
        replaced("\"sub\":\"C-100234\"", "\"sub\":\"C\\u002d100235\""),
        replaced("\"sub\":\"C-100234\"", "\"sub\":\"C-100234\u00e9\""),
        replaced("\"program\":\"OPEN_LICENSE\"", "\"program\":\"OPEN_LICENSES\""),
        replaced("\"program\":\"OPEN_LICENSE\"", "\"program\":\"open_license\""),
        replaced("\"program\":\"OPEN_LICENSE\"", "\"program\":\"OPEN\\u005fLICENSEX\""),
        replaced("\"program\":\"OPEN_LICENSE\"", "\"program\":\"LICENSE\""),
        replaced("\"type\":\"LICENSE\"", "\"type\":\"OPEN_LICENSE\""),
        replaced("\"type\":\"LICENSE\"", "\"type\":\"\""))) {
      assertThat(ClaimsStream.read(other, Proofs.ISSUER)).as(new String(other, StandardCharsets.UTF_8)).isNull();
      assertThat(treeRead(other)).as(new String(other, StandardCharsets.UTF_8)).isNull();
    }
  }

  @Test
  void anIssuerBeyondAsciiOrWithALoneSurrogateIsComparedAsText() {
    String issuer = "https://lizenz.b\u00fcro.example.test/\ud83d\ude00";
    String claims = CLAIMS.replace(Proofs.ISSUER, issuer);
    assertThat(ClaimsStream.read(claims.getBytes(StandardCharsets.UTF_8), issuer)).isEqualTo(Proofs.perpetual());
    String escaped = CLAIMS.replace(Proofs.ISSUER, "https://lizenz.b\\u00fcro.example.test/\\ud83d\\ude00");
    assertThat(ClaimsStream.read(escaped.getBytes(StandardCharsets.UTF_8), issuer)).isEqualTo(Proofs.perpetual());
    assertThat(ClaimsStream.read(claims.getBytes(StandardCharsets.UTF_8), Proofs.ISSUER)).isNull();
    // A lone surrogate has no UTF-8: its bytes would read '?', which must not match it.
    String lone = "https://licensing.example.test/\ud83d";
    byte[] question = CLAIMS.replace(Proofs.ISSUER, "https://licensing.example.test/?").getBytes(StandardCharsets.UTF_8);
    assertThat(ClaimsStream.read(question, lone)).isNull();
    assertThat(ClaimsStream.read(question, "https://licensing.example.test/?")).isEqualTo(Proofs.perpetual());
  }

  @Test
  void theSignersBytesAreTheTreesBytes() throws Exception {
    for (LicenseProof proof : List.of(Proofs.perpetual(), Proofs.withTerm(),
        Proofs.perpetual().withStatus(new StatusReference(7, "https://status.example.test/1")), replacement())) {
      byte[] bytes = ClaimsWriter.bytes(proof, Proofs.ISSUER);
      assertThat(bytes).isEqualTo(Json.MAPPER.writeValueAsBytes(ClaimsWriter.write(proof, Proofs.ISSUER)));
      assertThat(ClaimsStream.read(bytes, Proofs.ISSUER)).isEqualTo(proof);
    }
  }

  private static LicenseProof replacement() {
    LicenseProof old = Proofs.perpetual();
    return old.replacedBy(ProofId.of("P-NEW-1"), LicenseNumber.withCheckDigit("555000111"), old.authorizationNumber(),
        old.customer(), old.entitlements(), Proofs.ISSUED);
  }

  @Property(tries = 3000)
  void anEditedClaimsSetIsNeverAcceptedByTheStreamAlone(@ForAll("edits") String edited) {
    assertStreamIsNarrower(edited.getBytes(StandardCharsets.UTF_8));
  }

  /** The claims set with the reseller's name and the first entitlement's SKU set, written by Jackson. */
  private static byte[] withNameAndSku(String name, String sku) {
    ObjectNode claims = Forge.claims(Proofs.perpetual());
    ((ObjectNode) claims.get("license").get("reseller")).put("name", name);
    ((ObjectNode) claims.get("license").get("entitlements").get(0)).put("sku", sku);
    return claims.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The streaming path checks a name and an identifier on their bytes when they have no escape: it
   * decides exactly the texts the tree accepts (Jackson writes controls escaped, the rest raw).
   */
  @Property(tries = 3000)
  void aNameAndAnIdentifierAreDecidedExactlyAsTheRulesSay(@ForAll("texts") String name, @ForAll("texts") String sku) {
    boolean wellFormed = Utf8.isWellFormedWithoutNul((name + sku).getBytes(StandardCharsets.UTF_8))
        && (name + sku).codePoints().noneMatch(c -> c >= 0xd800 && c <= 0xdfff);
    byte[] json = withNameAndSku(name, sku);
    LicenseProof streamed = ClaimsStream.read(json, Proofs.ISSUER);
    if (wellFormed) {
      // What the tree accepts: the rules, then the records (a blank name passes the rules, not PartyRef).
      LicenseProof tree = treeRead(json);
      assertThat(streamed).as("%s / %s", name, sku).isEqualTo(tree);
      assertThat(tree != null).as("%s / %s", name, sku)
          .isEqualTo(ClaimsRules.isPlainText(name) && !name.isBlank() && ClaimsRules.isIdentifier(sku));
    }
    if (wellFormed && streamed != null) {
      assertThat(streamed.reseller().name()).isEqualTo(name);
      assertThat(streamed.entitlements().get(0).sku()).isEqualTo(sku);
    }
    if (streamed != null) {
      assertStreamIsNarrower(withNameAndSku(name, sku)); // a lone surrogate: Jackson writes something else
    }
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("Aa0.-_ \"\\\\\u007f\u0000\n\u00e9\u0416\u202e\ud83d\ude00").ofMinLength(0).ofMaxLength(70),
        Arbitraries.strings().withChars("Aa0.-_").ofMinLength(60).ofMaxLength(70),
        Arbitraries.strings().withChars("a\u0416\ud83d\ude00").ofMinLength(190).ofMaxLength(210),
        Arbitraries.strings().ofMinLength(0).ofMaxLength(30));
  }

  @Property(tries = 2000)
  void anyBytesAreNeverAcceptedByTheStreamAlone(@ForAll("bytes") byte[] bytes) {
    assertStreamIsNarrower(bytes);
  }

  @Property(tries = 3000)
  void wellFormedUtf8IsWhatTheStrictDecoderAccepts(@ForAll("bytes") byte[] bytes) {
    boolean decodes;
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      decodes = true;
    } catch (CharacterCodingException e) {
      decodes = false;
    }
    boolean hasNul = false;
    for (byte b : bytes) {
      hasNul |= b == 0;
    }
    assertThat(Utf8.isWellFormedWithoutNul(bytes)).isEqualTo(decodes && !hasNul);
  }

  @Property(tries = 1000)
  void textEncodedAsUtf8IsWellFormed(@ForAll String text) {
    assertThat(Utf8.isWellFormedWithoutNul(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text.indexOf('\0') < 0
        && text.codePoints().noneMatch(c -> c >= 0xd800 && c <= 0xdfff));
  }

  @Property(tries = 5000)
  void theDateTimeRuleIsTheRegularExpression(@ForAll("dateTimes") String text) {
    java.util.regex.Matcher m = DATE_TIME.matcher(text);
    boolean expected = m.matches() && ClaimsRules.isDate(m.group(1))
        && Integer.parseInt(m.group(2)) <= 23 && Integer.parseInt(m.group(3)) <= 59 && Integer.parseInt(m.group(4)) <= 59
        && (m.group(5) == null || (Integer.parseInt(m.group(5)) <= 23 && Integer.parseInt(m.group(6)) <= 59));
    assertThat(ClaimsRules.isDateTime(text)).as(text).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> dateTimes() {
    Arbitrary<Character> noise = Arbitraries.of('0', '1', '2', '3', '5', '9', '-', ':', 'T', 't', 'Z', 'z', '+', '.', ' ', 'x');
    Arbitrary<Integer> at = Arbitraries.integers().between(0, 30);
    Arbitrary<String> base = Arbitraries.of("2020-08-15T10:00:00Z", "2024-02-29t23:59:59.5+02:00", "2021-02-28T00:00:00-12:30",
        "2020-08-15T10:00:00.123456789z", "1999-12-31T24:00:00Z", "2020-13-01T00:00:00Z");
    Arbitrary<String> edited = Combinators.combine(base, at, noise, Arbitraries.integers().between(0, 2))
        .as((text, i, c, kind) -> {
          int p = Math.min(i, text.length());
          return switch (kind) {
            case 0 -> text.substring(0, p) + c + text.substring(Math.min(text.length(), p + 1));
            case 1 -> text.substring(0, p) + c + text.substring(p);
            default -> text.substring(0, p) + text.substring(Math.min(text.length(), p + 1));
          };
        });
    return Arbitraries.oneOf(base, edited, noise.list().ofMaxSize(32).map(cs -> {
      StringBuilder out = new StringBuilder();
      cs.forEach(out::append);
      return out.toString();
    }));
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    Arbitrary<Byte> interesting = Arbitraries.of((byte) 0, (byte) 0x7f, (byte) 0x80, (byte) 0xbf, (byte) 0xc0, (byte) 0xc2,
        (byte) 0xdf, (byte) 0xe0, (byte) 0xa0, (byte) 0xed, (byte) 0x9f, (byte) 0xef, (byte) 0xf0, (byte) 0x90, (byte) 0xf4,
        (byte) 0x8f, (byte) 0xf5, (byte) 0xff, (byte) '{', (byte) '}', (byte) '"');
    Arbitrary<Byte> any = Arbitraries.bytes();
    Arbitrary<byte[]> edited = Combinators.combine(Arbitraries.integers().between(0, CLAIMS.length() - 1), interesting)
        .as((at, b) -> {
          byte[] json = CLAIMS.getBytes(StandardCharsets.UTF_8);
          json[Math.min(at, json.length - 1)] = b;
          return json;
        });
    return Arbitraries.oneOf(Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, any), net.jqwik.api.Tuple.of(3, interesting)).list().ofMaxSize(12).map(list -> {
          byte[] out = new byte[list.size()];
          for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
          }
          return out;
        }), edited);
  }

  @Provide
  Arbitrary<String> edits() {
    Arbitrary<Integer> position = Arbitraries.integers().between(0, CLAIMS.length() - 1);
    Arbitrary<String> fragment = Arbitraries.of("1", "0", "-1", "1.0", "1e0", "99999999999999999999", "\"\"", "\"x\"", "null",
        "true", "{}", "[]", ",", ":", "\"iss\":\"a\",", "\"aud\":\"a\",", "\"nbf\":0,", "\"exp\":1,", "\"exp\":99999999999,",
        "\"iat\":99999999999,", "\"jti\":\"", "\\u0000", "\\n", "\u007f", "Z", "+02:00", "T", "2024-02-30", " ");
    Arbitrary<String> replaced = Combinators.combine(position, Arbitraries.chars().ascii())
        .as((at, c) -> CLAIMS.substring(0, at) + c + CLAIMS.substring(at + 1));
    Arbitrary<String> inserted = Combinators.combine(position, fragment)
        .as((at, s) -> CLAIMS.substring(0, at) + s + CLAIMS.substring(at));
    Arbitrary<String> removed = Combinators.combine(position, Arbitraries.integers().between(1, 12))
        .as((at, n) -> CLAIMS.substring(0, at) + CLAIMS.substring(Math.min(CLAIMS.length(), at + n)));
    return Arbitraries.oneOf(replaced, inserted, removed);
  }
}
