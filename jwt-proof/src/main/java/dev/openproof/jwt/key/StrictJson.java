package dev.openproof.jwt.key;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The strict reading of a JWK Set document before nimbus sees it: UTF-8, one JSON object, bounded
 * nesting, no member twice, nothing after the object. Jackson's messages never leave this class.
 */
final class StrictJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxNumberLength(100).build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build())
      .build();

  private StrictJson() {}

  /** The bytes as UTF-8 text, or {@code JWKS_MALFORMED} naming the first byte that is not. */
  static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw malformed("the document is not UTF-8");
    }
  }

  static JsonNode requireOneObject(String json) {
    JsonNode node;
    try (JsonParser parser = MAPPER.createParser(json)) {
      try {
        node = MAPPER.readTree(parser);
      } catch (StreamConstraintsException e) {
        throw malformed("the document exceeds a JSON limit (nesting deeper than 16 levels, or a number longer than 100 digits)");
      } catch (IOException e) {
        String member = duplicate(e, parser);
        if (member != null) {
          throw malformed("the document is not valid JSON: " + member + " appears twice");
        }
        throw malformed("the document is not valid JSON");
      }
      if (hasMore(parser)) {
        throw malformed("the document has content after its JSON object");
      }
    } catch (IOException e) {
      throw malformed("the document is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw malformed("the document is not a JSON object");
    }
    return node;
  }

  /** Whether anything but white space follows the value the parser read. */
  static boolean hasMore(JsonParser parser) {
    try {
      return parser.nextToken() != null;
    } catch (IOException e) {
      return true;
    }
  }

  /** The dotted path of a member that appears twice ({@code keys[0].kid}), when that is the error. */
  static @org.jspecify.annotations.Nullable String duplicate(IOException e, JsonParser parser) {
    if (!(e instanceof com.fasterxml.jackson.core.JsonParseException parse)
        || !String.valueOf(parse.getOriginalMessage()).startsWith("Duplicate field")) {
      return null;
    }
    return path(parser.getParsingContext());
  }

  static String path(JsonStreamContext context) {
    java.util.ArrayDeque<String> segments = new java.util.ArrayDeque<>();
    for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
      if (at.inArray()) {
        segments.push("[" + at.getCurrentIndex() + "]");
      } else if (at.getCurrentName() != null) {
        segments.push("." + Jwks.quote(at.getCurrentName()).replace("'", ""));
      }
    }
    String path = String.join("", segments);
    return path.isEmpty() ? "a member" : path.startsWith(".") ? path.substring(1) : path;
  }

  private static JwksException malformed(String message) {
    return new JwksException(JwksException.Reason.JWKS_MALFORMED, message);
  }
}
