package dev.openproof.certificate.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openproof.jwt.key.ContentSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Makes tokens no honest signer would: any header, any claims, signed with any key. */
final class Tokens {
  static final ObjectMapper JSON = JsonMapper.builder().build();

  private Tokens() {}

  static String b64(String text) {
    return b64(text.getBytes(StandardCharsets.UTF_8));
  }

  static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The honest header of a key. */
  static String header(ContentSigner key) {
    return "{\"alg\":\"" + key.algorithm().joseName() + "\",\"kid\":\"" + key.keyId() + "\",\"typ\":\"license-proof+jwt\"}";
  }

  static String signed(String header, String claims, ContentSigner key) {
    return signed(header, claims.getBytes(StandardCharsets.UTF_8), key);
  }

  static String signed(String header, byte[] claims, ContentSigner key) {
    String input = b64(header) + "." + b64(claims);
    return input + "." + b64(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
  }

  /** The claims of a token, to change and sign again. */
  static ObjectNode claims(String token) {
    try {
      return (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The token with the character at {@code index} replaced by another of the alphabet. */
  static String changed(String token, int index) {
    char c = token.charAt(index);
    return token.substring(0, index) + (c == 'A' ? 'B' : 'A') + token.substring(index + 1);
  }
}
