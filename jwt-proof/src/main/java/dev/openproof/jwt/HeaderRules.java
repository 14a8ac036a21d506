package dev.openproof.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openproof.jwt.key.JwsAlgorithm;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks of a JWS protected header, in the order RFC 8725 suggests: algorithm, key references,
 * type, critical extensions, key id.
 */
final class HeaderRules {
  /** The media type of a license proof, and its long form. */
  static final String TYPE = "license-proof+jwt";

  private static final List<String> EMBEDDED = List.of("jwk", "x5c");
  private static final List<String> REMOTE = List.of("jku", "x5u", "x5t", "x5t#S256");

  private HeaderRules() {}

  /** What the header says about the key: the algorithm and the key id. */
  record Checked(JwsAlgorithm algorithm, String keyId) {}

  static Checked check(JsonNode header, Set<JwsAlgorithm> allowed) {
    return check(header, allowed, TYPE);
  }

  /** The same checks for a token of another media type, such as {@code statuslist+jwt}. */
  static Checked check(JsonNode header, Set<JwsAlgorithm> allowed, String type) {
    if (header.has("enc")) {
      throw reject(RejectionReason.ENCRYPTED_TOKEN, "the header has enc: a JWE, not a signed proof");
    }
    JwsAlgorithm algorithm = algorithm(header.get("alg"), allowed);
    for (String name : EMBEDDED) {
      if (header.has(name)) {
        throw reject(RejectionReason.EMBEDDED_KEY, "the header carries a key (" + name + "); only trusted keys are used");
      }
    }
    for (String name : REMOTE) {
      if (header.has(name)) {
        throw reject(RejectionReason.REMOTE_KEY_REFERENCE, "the header refers to a key elsewhere (" + name + "); only trusted keys are used");
      }
    }
    JsonNode typ = header.get("typ");
    if (typ == null || !typ.isTextual()) {
      throw reject(RejectionReason.WRONG_TYPE, "the header has no typ; expected typ " + type);
    }
    if (!typ.textValue().equalsIgnoreCase(type) && !typ.textValue().equalsIgnoreCase("application/" + type)) {
      throw reject(RejectionReason.WRONG_TYPE, "typ " + Texts.quote(typ.textValue()) + " is not " + type);
    }
    if (header.has("crit")) {
      throw reject(RejectionReason.UNSUPPORTED_CRIT, "the header has crit; no JWS extension is supported");
    }
    if (header.has("b64")) {
      throw reject(RejectionReason.UNSUPPORTED_CRIT, "the header has b64; unencoded payloads are not supported");
    }
    JsonNode kid = header.get("kid");
    if (kid == null || !kid.isTextual() || kid.textValue().isEmpty()) {
      throw reject(RejectionReason.UNKNOWN_KEY, "the header names no key (kid)");
    }
    return new Checked(algorithm, kid.textValue());
  }

  private static JwsAlgorithm algorithm(JsonNode alg, Set<JwsAlgorithm> allowed) {
    if (alg == null || !alg.isTextual()) {
      throw reject(RejectionReason.UNSUPPORTED_ALGORITHM, "the header has no alg");
    }
    String name = alg.textValue();
    if (name.equalsIgnoreCase("none")) {
      throw reject(RejectionReason.ALG_NONE, "alg none: the token is not signed");
    }
    if (name.toUpperCase(Locale.ROOT).startsWith("HS")) {
      throw reject(RejectionReason.HMAC_NOT_ALLOWED, "alg " + Texts.quote(name) + " is HMAC; proofs are signed with public-key algorithms only");
    }
    return JwsAlgorithm.fromJoseName(name)
        .filter(allowed::contains)
        .orElseThrow(() -> reject(RejectionReason.UNSUPPORTED_ALGORITHM, "alg " + Texts.quote(name) + " is not accepted; accepted: " + allowed));
  }

  private static ProofVerificationException reject(RejectionReason reason, String message) {
    return new ProofVerificationException(reason, message);
  }
}
