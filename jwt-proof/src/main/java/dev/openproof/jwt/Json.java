package dev.openproof.jwt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * Jackson, configured for untrusted input: bounded nesting, duplicate members rejected, nothing after
 * the value, floats kept exact. Messages of Jackson's exceptions never leave this class.
 */
final class Json {
  /** The deepest nesting of objects and arrays accepted in a header or claims set. */
  static final int MAX_DEPTH = 16;

  static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(MAX_DEPTH)
              .maxNumberLength(100)
              .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build())
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private Json() {}

  /**
   * Parses a JSON object.
   *
   * @param part what it is, for the message: {@code JWS header} or {@code claims set}
   * @throws ProofVerificationException {@code NESTING_TOO_DEEP} beyond {@link #MAX_DEPTH}, else {@code
   *     MALFORMED} when it is not one JSON object in UTF-8 (no other encoding) without duplicate members
   *     and with nothing after it
   */
  static JsonNode readObject(byte[] json, String part) {
    String text;
    try {
      // RFC 8725, 3.7: UTF-8 only; Jackson would guess UTF-16 or UTF-32 from the bytes.
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(json)).toString();
    } catch (CharacterCodingException e) {
      throw new ProofVerificationException(RejectionReason.MALFORMED, "the " + part + " is not UTF-8");
    }
    JsonNode node;
    try (JsonParser parser = MAPPER.createParser(text)) {
      try {
        node = MAPPER.readTree(parser);
      } catch (StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("nesting depth")) {
          throw new ProofVerificationException(RejectionReason.NESTING_TOO_DEEP,
              "the " + part + " nests JSON deeper than " + MAX_DEPTH + " levels");
        }
        throw new ProofVerificationException(RejectionReason.MALFORMED, "the " + part + " exceeds a JSON parser limit");
      } catch (IOException e) {
        throw new ProofVerificationException(RejectionReason.MALFORMED,
            "the " + part + " is not valid JSON" + (isDuplicate(e) ? " (" + path(parser.getParsingContext()) + " appears twice)" : ""));
      }
      if (hasMore(parser)) {
        throw new ProofVerificationException(RejectionReason.MALFORMED, "the " + part + " has content after its JSON object");
      }
    } catch (IOException e) {
      throw new ProofVerificationException(RejectionReason.MALFORMED, "the " + part + " is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw new ProofVerificationException(RejectionReason.MALFORMED, "the " + part + " is not a JSON object");
    }
    return node;
  }

  /** Whether anything but white space follows the value the parser read. */
  private static boolean hasMore(JsonParser parser) {
    try {
      return parser.nextToken() != null;
    } catch (IOException e) {
      return true;
    }
  }

  /** The dotted path of the member being read ({@code license.entitlements[0].sku}), its names quoted safely. */
  private static String path(JsonStreamContext context) {
    ArrayDeque<String> segments = new ArrayDeque<>();
    for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
      if (at.inArray()) {
        segments.push("[" + at.getCurrentIndex() + "]");
      } else if (at.getCurrentName() != null) {
        segments.push("." + Texts.quote(at.getCurrentName()).replace("'", ""));
      }
    }
    String path = String.join("", segments);
    return path.isEmpty() ? "a member" : "member " + (path.startsWith(".") ? path.substring(1) : path);
  }

  private static boolean isDuplicate(IOException e) {
    return e instanceof com.fasterxml.jackson.core.JsonParseException parse
        && String.valueOf(parse.getOriginalMessage()).startsWith("Duplicate field");
  }
}
