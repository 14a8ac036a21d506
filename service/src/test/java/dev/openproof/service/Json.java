package dev.openproof.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/** Reads JSON in the tests. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The payload of a compact JWS. */
  static JsonNode payload(String jws) {
    return parse(new String(Base64.getUrlDecoder().decode(jws.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8));
  }
}
