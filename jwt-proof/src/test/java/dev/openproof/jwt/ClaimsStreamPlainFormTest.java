package dev.openproof.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.StatusReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The streaming path's two shortcuts decide as the long way did: UTF-8 checked string by string as it
 * is scanned accepts exactly what the whole-document check let through, and the members matched in the
 * signer's order and form read the same proof as members in any order with any whitespace.
 */
class ClaimsStreamPlainFormTest {
  /** A claims set with text beyond ASCII (the Russian customer's name) and every optional member. */
  private static final LicenseProof PROOF = Proofs.perpetual()
      .withStatus(new StatusReference(7, "https://licensing.example.test/status/1"));
  private static final byte[] CLAIMS = ClaimsWriter.bytes(PROOF, Proofs.ISSUER);

  @Test
  void theSignersFormIsReadToItsProof() {
    assertThat(new String(CLAIMS, StandardCharsets.UTF_8)).contains("ООО");
    assertThat(ClaimsStream.read(CLAIMS, Proofs.ISSUER)).isEqualTo(PROOF);
    byte[] withTerm = ClaimsWriter.bytes(Proofs.withTerm(), Proofs.ISSUER);
    assertThat(ClaimsStream.read(withTerm, Proofs.ISSUER)).isEqualTo(Proofs.withTerm());
  }

  /**
   * Every position of the signer's form, one byte at a time: replaced by a structural character, a
   * letter, a digit, a backslash or a byte above 127, or dropped, the stream never accepts what the tree
   * refuses and reads the tree's proof when it accepts; whitespace put between two tokens anywhere is
   * read to the signer's proof by the stream itself. The word-at-a-time match of the signer's member
   * names falls back at each byte where the form departs from it.
   */
  @Test
  void aByteChangedDroppedOrSpacedAtAnyPositionIsDecidedAsTheTreeDecides() {
    byte[] replacements = {' ', ',', '"', ':', '{', '}', '[', ']', 'x', 'A', '0', '9', '\\', (byte) 0x80, (byte) 0xd0};
    boolean[] inString = new boolean[CLAIMS.length + 1];
    for (int i = 0, quotes = 0; i < CLAIMS.length; i++) {
      quotes += CLAIMS[i] == '"' ? 1 : 0;
      inString[i + 1] = quotes % 2 == 1; // the signer's form escapes no quote
    }
    int acceptedEdits = 0;
    for (int at = 0; at < CLAIMS.length; at++) {
      for (byte replacement : replacements) {
        acceptedEdits += assertNarrower(ByteEdits.replaced(CLAIMS, at, replacement));
      }
      acceptedEdits += assertNarrower(ByteEdits.dropped(CLAIMS, at, 1));
      if (at > 0 && !inString[at] && isTokenBoundary(at)) {
        byte[] spaced = ByteEdits.inserted(CLAIMS, at, (byte) " \n\r\t".charAt(at % 4));
        assertThat(ClaimsStream.read(spaced, Proofs.ISSUER)).as(new String(spaced, StandardCharsets.UTF_8)).isEqualTo(PROOF);
      }
    }
    // Edits within text (a letter for a letter, a digit for a digit) still read a proof, the stream's own.
    assertThat(acceptedEdits).isGreaterThan(CLAIMS.length / 4);
  }

  /** Whether {@code at} lies between two JSON tokens of the signer's form (not within a number or a word). */
  private static boolean isTokenBoundary(int at) {
    return "{}[]:,\"".indexOf(CLAIMS[at - 1]) >= 0 || "{}[]:,\"".indexOf(CLAIMS[at]) >= 0;
  }

  /** Asserts the stream accepts the claims set only with the tree's proof; 1 when it accepts. */
  private static int assertNarrower(byte[] json) {
    LicenseProof streamed = ClaimsStream.read(json, Proofs.ISSUER);
    if (streamed == null) {
      return 0;
    }
    assertThat(ClaimsStreamAgreesWithTheTreeTest.treeRead(json)).as(new String(json, StandardCharsets.UTF_8)).isEqualTo(streamed);
    return 1;
  }

  /**
   * Bytes above 127 put anywhere, well-formed or not: the stream accepts a claims set only when the
   * whole is well-formed UTF-8 without NUL (the check it made first before), and then reads the tree's
   * proof; a well-formed one it accepts exactly when the tree does, as long as the edit stays in text.
   */
  @Property(tries = 4000)
  void utf8CheckedWhileScanningAcceptsWhatTheWholeDocumentCheckAccepted(@ForAll("beyondAscii") byte[] json) {
    LicenseProof streamed = ClaimsStream.read(json, Proofs.ISSUER);
    if (!Utf8.isWellFormedWithoutNul(json)) {
      assertThat(streamed).as(new String(json, StandardCharsets.UTF_8)).isNull();
    } else if (streamed != null) {
      assertThat(ClaimsStreamAgreesWithTheTreeTest.treeRead(json)).isEqualTo(streamed);
    }
  }

  @Provide
  Arbitrary<byte[]> beyondAscii() {
    Arbitrary<byte[]> sequences = Arbitraries.of(
        new byte[] {(byte) 0xd0, (byte) 0x96}, new byte[] {(byte) 0xe2, (byte) 0x82, (byte) 0xac},
        new byte[] {(byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80}, new byte[] {(byte) 0xc0, (byte) 0x80},
        new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        new byte[] {(byte) 0xe0, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xbf},
        new byte[] {(byte) 0xd0}, new byte[] {(byte) 0xe2, (byte) 0x82}, new byte[] {(byte) 0xf0, (byte) 0x9f, (byte) 0x98},
        new byte[] {(byte) 0xff}, new byte[] {(byte) 0xf5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[] {0});
    Arbitrary<Integer> position = Arbitraries.integers().between(0, CLAIMS.length);
    return Combinators.combine(position, sequences, Arbitraries.integers().between(0, 2)).as((at, bytes, kind) -> {
      int replaced = kind == 0 ? 0 : Math.min(kind == 1 ? 1 : bytes.length, CLAIMS.length - at);
      byte[] out = new byte[CLAIMS.length - replaced + bytes.length];
      System.arraycopy(CLAIMS, 0, out, 0, at);
      System.arraycopy(bytes, 0, out, at, bytes.length);
      System.arraycopy(CLAIMS, at + replaced, out, at + bytes.length, CLAIMS.length - at - replaced);
      return out;
    });
  }

  /**
   * The order's date-time, a term's start and a party's country, read on their bytes: the stream
   * decides them exactly as the tree does (the rules on the decoded text), for any text Jackson writes.
   */
  @Property(tries = 4000)
  void datesAndCountriesReadOnTheirBytesAreDecidedAsTheTreeDecides(@ForAll("dateLike") String text, @ForAll int which) {
    ObjectNode claims = Forge.claims(Proofs.perpetual());
    ObjectNode license = (ObjectNode) claims.get("license");
    switch (Math.floorMod(which, 3)) {
      case 0 -> license.put("ordered_at", text);
      case 1 -> ((ObjectNode) license.get("entitlements").get(0)).put("starts", text);
      default -> ((ObjectNode) license.get("distributor")).put("country", text);
    }
    byte[] json = claims.toString().getBytes(StandardCharsets.UTF_8);
    boolean wellFormed = Utf8.isWellFormedWithoutNul(json) && text.codePoints().noneMatch(c -> c >= 0xd800 && c <= 0xdfff);
    LicenseProof streamed = ClaimsStream.read(json, Proofs.ISSUER);
    LicenseProof tree = ClaimsStreamAgreesWithTheTreeTest.treeRead(json);
    if (wellFormed && text.indexOf('\\') < 0 && text.chars().noneMatch(c -> c < 0x20 || c == '"')) {
      assertThat(streamed).as(text).isEqualTo(tree);
    } else if (streamed != null) {
      assertThat(tree).as(text).isEqualTo(streamed);
    }
  }

  @Provide
  Arbitrary<String> dateLike() {
    Arbitrary<String> base = Arbitraries.of("2020-08-15T10:00:00Z", "2024-02-29t23:59:59.5+02:00", "2020-08-15",
        "2024-02-29", "2023-02-29", "RU", "DE", "ZZ", "AA");
    Arbitrary<Character> noise = Arbitraries.of('0', '1', '2', '9', '-', ':', 'T', 'Z', 'z', '+', '.', 'A', 'a', '@', '[',
        '\u00c4', '\u0416', '\u0130', '\\', '"', '\n');
    // One character set, put before or cut at a position: each edit of a valid text breaks a rule or not.
    Arbitrary<String> edited = Combinators.combine(base, Arbitraries.integers().between(0, 28), noise, Arbitraries.of(true, false))
        .as((t, i, c, insert) -> {
          StringBuilder out = new StringBuilder(t);
          int p = Math.min(i, t.length());
          if (insert || p == t.length()) {
            out.insert(p, c);
          } else {
            out.setCharAt(p, c);
          }
          return out.toString();
        });
    return Arbitraries.oneOf(base, edited, Arbitraries.strings().withChars("AZaz\u00c4\u0416-0").ofMinLength(0).ofMaxLength(3));
  }

  /** Any member order, whitespace between the tokens: the same proof as the signer's form. */
  @Property(tries = 1000)
  void membersInAnyOrderWithWhitespaceReadTheSameProof(@ForAll long seed) throws Exception {
    Random random = new Random(seed);
    JsonNode shuffled = shuffled(Json.MAPPER.readTree(CLAIMS), random);
    String text = Json.MAPPER.writeValueAsString(shuffled);
    StringBuilder spaced = new StringBuilder();
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // Whitespace only between tokens (before a structural character or an opening quote), and not
      // before the first: the stream leaves a claims set that does not start with '{' to the tree.
      if (i > 0 && !inString && "{}[]:,\"".indexOf(c) >= 0 && random.nextInt(3) == 0) {
        spaced.append(" \n\r\t".charAt(random.nextInt(4)));
      }
      spaced.append(c);
      inString ^= c == '"' && text.charAt(i - 1) != '\\';
    }
    byte[] json = (random.nextBoolean() ? spaced.toString() : text).getBytes(StandardCharsets.UTF_8);
    assertThat(ClaimsStream.read(json, Proofs.ISSUER)).as(new String(json, StandardCharsets.UTF_8)).isEqualTo(PROOF);
  }

  private static JsonNode shuffled(JsonNode node, Random random) {
    if (node.isArray()) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> array.add(shuffled(element, random)));
      return array;
    }
    if (!node.isObject()) {
      return node;
    }
    List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
    java.util.Collections.shuffle(members, random);
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    members.forEach(member -> object.set(member.getKey(), shuffled(member.getValue(), random)));
    return object;
  }
}
