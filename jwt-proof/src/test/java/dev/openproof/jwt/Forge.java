package dev.openproof.jwt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.jwt.key.ContentSigner;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Makes tokens no honest signer would: any header, any claims, signed with any key. */
final class Forge {
  private Forge() {}

  static String b64(String text) {
    return b64(text.getBytes(StandardCharsets.UTF_8));
  }

  static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String header(ContentSigner key) {
    return "{\"alg\":\"" + key.algorithm().joseName() + "\",\"kid\":\"" + key.keyId() + "\",\"typ\":\"license-proof+jwt\"}";
  }

  static ObjectNode claims(LicenseProof proof) {
    return ClaimsWriter.write(proof, Proofs.ISSUER);
  }

  static String signed(String header, String claims, ContentSigner key) {
    String input = b64(header) + "." + b64(claims);
    return input + "." + b64(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
  }

  static String signed(ObjectNode claims, ContentSigner key) {
    return signed(header(key), claims.toString(), key);
  }

  static String[] parts(String token) {
    return token.split("\\.", -1);
  }
}
