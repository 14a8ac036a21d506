package dev.openproof.jwt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWKSet;
import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseSummary;
import dev.openproof.core.model.LicenseType;
import dev.openproof.core.model.SummaryLine;
import dev.openproof.core.exchange.SigningException;
import dev.openproof.jwt.key.ContentSigner;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * License summaries as signed tokens: a compact JWS with the header {@code alg}, {@code kid} and
 * {@code typ: license-summary+jwt}, its claims those of {@code license-summary-claims.schema.json}
 * (shipped beside the proof's schema under {@code dev/openproof/schema/}), signed with the issuer's
 * proof keys, so that anyone holding its JWK Set can check it with this class, {@code openproof
 * verify}, or any JOSE library. Thread-safe; holds nothing.
 *
 * @since 0.2.0
 */
public final class LicenseSummaryTokens {
  /** The media type of a license summary, its {@code typ}. */
  public static final String TYPE = "license-summary+jwt";

  /** The longest token {@link #verify} reads: 4 MiB. */
  public static final int MAX_TOKEN_LENGTH = 4 << 20;

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private LicenseSummaryTokens() {}

  /**
   * Signs a summary.
   *
   * @param summary the summary
   * @param key the issuer's signing key, one its JWK Set publishes
   * @param issuer the issuer ({@code iss})
   * @return the compact JWS
   * @throws SigningException if the key failed
   */
  public static String sign(LicenseSummary summary, ContentSigner key, String issuer) {
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(issuer, "issuer");
    ObjectNode header = Json.MAPPER.createObjectNode().put("alg", key.algorithm().joseName()).put("kid", key.keyId()).put("typ", TYPE);
    ObjectNode claims = Json.MAPPER.createObjectNode();
    claims.put("iss", issuer);
    claims.put("sub", summary.forCustomer().orElseGet(() -> summary.forAuthorization().orElseThrow().value()));
    claims.put("iat", summary.asOf().getEpochSecond());
    ObjectNode body = claims.putObject("summary");
    body.put("version", 1);
    body.put("subject", summary.forCustomer().isPresent() ? "customer" : "authorization");
    body.put("as_of", summary.asOf().toString());
    body.put("includes_ended", summary.includesEnded());
    ArrayNode lines = body.putArray("entitlements");
    for (SummaryLine line : summary.lines()) {
      ObjectNode item = lines.addObject();
      item.put("sku", line.sku()).put("product", line.product()).put("quantity", line.quantity()).put("type", line.type().name());
      if (line.termEnds() != null) {
        item.put("term_ends", line.termEnds().toString());
      }
      if (line.saEnds() != null) {
        item.put("sa_ends", line.saEnds().toString());
      }
      item.put("state", line.state().name());
      ArrayNode proofs = item.putArray("proofs");
      line.proofs().forEach(n -> proofs.add(n.value()));
    }
    String signingInput = base64url(header) + "." + base64url(claims);
    byte[] signature;
    try {
      signature = key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
    } catch (SigningException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SigningException("key " + key.keyId() + " could not sign the license summary", e);
    }
    return signingInput + "." + BASE64URL.encodeToString(signature);
  }

  /**
   * Whether a token says it is a license summary: its header's {@code typ}. Says nothing of its
   * validity.
   *
   * @param token a compact JWS
   * @return {@code true} if its header carries {@code typ: license-summary+jwt}
   */
  public static boolean isSummary(String token) {
    try {
      JsonNode typ = Json.readObject(CompactJws.parse(token, MAX_TOKEN_LENGTH).decodedHeader(), "JWS header").get("typ");
      return typ != null && typ.isTextual()
          && (typ.textValue().equalsIgnoreCase(TYPE) || typ.textValue().equalsIgnoreCase("application/" + TYPE));
    } catch (ProofVerificationException e) {
      return false;
    }
  }

  /**
   * Verifies a summary token by the rules of a proof: canonical compact form, an allowed algorithm
   * matching the key found by {@code kid} in the trusted set, the {@code typ}, the signature, the
   * issuer, and claims of the summary's schema.
   *
   * @param token the compact JWS
   * @param trusted the issuer's public keys
   * @param issuer the expected issuer
   * @return the summary it carries
   * @throws ProofVerificationException if the token is rejected, with the reason
   */
  public static LicenseSummary verify(String token, JWKSet trusted, String issuer) {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(trusted, "trusted");
    Objects.requireNonNull(issuer, "issuer");
    CompactJws jws = CompactJws.parse(token, MAX_TOKEN_LENGTH);
    HeaderRules.Checked header = HeaderRules.check(Json.readObject(jws.decodedHeader(), "JWS header"),
        EnumSet.allOf(JwsAlgorithm.class), TYPE);
    VerificationKey key;
    try {
      key = KeyIndex.of(trusted).find(header.keyId());
    } catch (IllegalArgumentException e) {
      throw reject(RejectionReason.KEYS_UNAVAILABLE, "the trusted key set is unusable: " + e.getMessage());
    }
    if (key == null) {
      throw reject(RejectionReason.UNKNOWN_KEY, "key " + Texts.quote(header.keyId()) + " is not in the trusted key set");
    }
    if (key.algorithm() != header.algorithm()) {
      throw reject(RejectionReason.ALGORITHM_KEY_MISMATCH, "alg " + header.algorithm() + " does not match key " + Texts.quote(key.keyId()));
    }
    if (!jws.isSignedBy(key)) {
      throw reject(RejectionReason.BAD_SIGNATURE, "the signature does not verify with key " + Texts.quote(key.keyId()));
    }
    JsonNode claims = Json.readObject(jws.payload(), "claims set");
    JsonNode iss = claims.get("iss");
    if (iss == null || !iss.isTextual()) {
      throw reject(RejectionReason.INVALID_CLAIMS, "/iss is required");
    }
    if (!iss.textValue().equals(issuer)) {
      throw reject(RejectionReason.WRONG_ISSUER, "issuer " + Texts.quote(iss.textValue()) + " is not the expected " + Texts.quote(issuer));
    }
    try {
      return read(claims);
    } catch (RuntimeException e) {
      throw reject(RejectionReason.INVALID_CLAIMS, "the claims do not form a license summary: " + e.getMessage());
    }
  }

  private static LicenseSummary read(JsonNode claims) {
    String sub = text(claims, "sub");
    JsonNode body = claims.get("summary");
    if (body == null || !body.isObject() || body.path("version").asInt(0) != 1) {
      throw new IllegalArgumentException("/summary is missing, or not of version 1");
    }
    boolean ofCustomer = switch (text(body, "subject")) {
      case "customer" -> true;
      case "authorization" -> false;
      default -> throw new IllegalArgumentException("/summary/subject is neither customer nor authorization");
    };
    JsonNode ended = body.get("includes_ended");
    if (ended == null || !ended.isBoolean()) {
      throw new IllegalArgumentException("/summary/includes_ended must be a boolean");
    }
    JsonNode items = body.get("entitlements");
    if (items == null || !items.isArray()) {
      throw new IllegalArgumentException("/summary/entitlements must be an array");
    }
    List<SummaryLine> lines = new ArrayList<>();
    for (JsonNode item : items) {
      List<LicenseNumber> proofs = new ArrayList<>();
      for (JsonNode n : item.path("proofs")) {
        proofs.add(new LicenseNumber(n.textValue()));
      }
      JsonNode quantity = item.get("quantity");
      if (quantity == null || !quantity.canConvertToInt()) {
        throw new IllegalArgumentException("an entitlement's quantity must be an integer");
      }
      lines.add(new SummaryLine(text(item, "sku"), text(item, "product"), quantity.intValue(),
          LicenseType.valueOf(text(item, "type")), date(item.get("term_ends")), date(item.get("sa_ends")),
          SummaryLine.State.valueOf(text(item, "state")), proofs));
    }
    Instant asOf = Instant.parse(text(body, "as_of"));
    return new LicenseSummary(ofCustomer ? sub : null, ofCustomer ? null : AuthorizationNumber.of(sub), asOf,
        ended.booleanValue(), lines);
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(name + " must be a string");
    }
    return value.textValue();
  }

  private static @Nullable LocalDate date(@Nullable JsonNode node) {
    return node == null ? null : LocalDate.parse(node.textValue());
  }

  private static String base64url(ObjectNode json) {
    try {
      return BASE64URL.encodeToString(Json.MAPPER.writeValueAsBytes(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private static ProofVerificationException reject(RejectionReason reason, String message) {
    return new ProofVerificationException(reason, message);
  }
}
