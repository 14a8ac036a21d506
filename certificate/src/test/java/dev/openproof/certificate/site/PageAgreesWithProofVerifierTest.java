package dev.openproof.certificate.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openproof.certificate.site.Chromium.Verdict;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.SigningKey;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Forged and odd tokens, each given to the page in Chromium and to {@code ProofVerifier}: both reach
 * the same verdict, with the same reason code.
 */
@ExtendWith(SharedPage.Extension.class)
class PageAgreesWithProofVerifierTest {
  private SharedPage page;
  private SigningKey key;
  private String token;
  private String payload;

  private String header(String json) {
    return Tokens.b64(json) + "." + payload + "." + token.split("\\.")[2];
  }

  private String claims(Consumer<ObjectNode> change) {
    ObjectNode claims = Tokens.claims(token);
    change.accept(claims);
    return Tokens.signed(Tokens.header(key), claims.toString(), key);
  }

  private String headerSigned(String json) {
    return Tokens.signed(json, Tokens.claims(token).toString(), key);
  }

  private static String nested(int depth) {
    return "[".repeat(depth - 1) + "]".repeat(depth - 1);
  }

  @Test
  void everyTokenGetsTheVerdictOfTheJavaVerifier(SharedPage page) {
    this.page = page;
    this.key = page.issuer.es256();
    this.token = page.issuer.issue().signedProof().token();
    this.payload = token.split("\\.")[1];
    page.refresh();
    String kid = key.keyId();
    String typ = "\"typ\":\"license-proof+jwt\"";
    SigningKey ed = page.issuer.keys.get(JwsAlgorithm.EDDSA);
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("the honest token", token);
    cases.put("padding", token + "=");
    cases.put("whitespace", token.substring(0, 20) + " " + token.substring(20));
    cases.put("a plus sign", token.substring(0, 20) + "+" + token.substring(21));
    cases.put("five parts", token + ".a.b");
    cases.put("four parts", token + ".a");
    cases.put("two parts", token.substring(0, token.lastIndexOf('.')));
    cases.put("an empty header", token.substring(token.indexOf('.')));
    cases.put("a header that is an array", header("[]"));
    cases.put("a header that is not JSON", header("{alg:1}"));
    cases.put("enc", header("{\"alg\":\"ES256\",\"enc\":\"A256GCM\",\"kid\":\"" + kid + "\"," + typ + "}"));
    cases.put("HS256", header("{\"alg\":\"HS256\",\"kid\":\"" + kid + "\"," + typ + "}"));
    cases.put("NONE", header("{\"alg\":\"NONE\",\"kid\":\"" + kid + "\"," + typ + "}"));
    cases.put("RS512", header("{\"alg\":\"RS512\",\"kid\":\"" + kid + "\"," + typ + "}"));
    cases.put("es256 in lower case", header("{\"alg\":\"es256\",\"kid\":\"" + kid + "\"," + typ + "}"));
    cases.put("no alg", header("{\"kid\":\"" + kid + "\"," + typ + "}"));
    cases.put("a key in the header", header("{\"alg\":\"ES256\",\"jwk\":{},\"kid\":\"" + kid + "\"," + typ + "}"));
    cases.put("a key elsewhere", header("{\"alg\":\"ES256\",\"jku\":\"https://evil.test/k\",\"kid\":\"" + kid + "\"," + typ + "}"));
    cases.put("typ JWT", header("{\"alg\":\"ES256\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}"));
    cases.put("no typ", header("{\"alg\":\"ES256\",\"kid\":\"" + kid + "\"}"));
    cases.put("typ in its long form", headerSigned("{\"alg\":\"ES256\",\"kid\":\"" + kid + "\",\"typ\":\"application/License-Proof+JWT\"}"));
    cases.put("crit", header("{\"alg\":\"ES256\",\"crit\":[\"exp\"],\"kid\":\"" + kid + "\"," + typ + "}"));
    cases.put("b64", header("{\"alg\":\"ES256\",\"b64\":false,\"kid\":\"" + kid + "\"," + typ + "}"));
    cases.put("no kid", header("{\"alg\":\"ES256\"," + typ + "}"));
    cases.put("an unknown kid", header("{\"alg\":\"ES256\",\"kid\":\"nobody\"," + typ + "}"));
    cases.put("a duplicate member in the header", header("{\"alg\":\"ES256\",\"alg\":\"ES256\",\"kid\":\"" + kid + "\"," + typ + "}"));
    cases.put("nesting of 16", headerSigned("{\"alg\":\"ES256\",\"x\":" + nested(16) + ",\"kid\":\"" + kid + "\"," + typ + "}"));
    cases.put("nesting of 17", header("{\"alg\":\"ES256\",\"x\":" + nested(17) + ",\"kid\":\"" + kid + "\"," + typ + "}"));
    cases.put("EdDSA's key named for ES256", Tokens.signed("{\"alg\":\"ES256\",\"kid\":\"" + ed.keyId() + "\"," + typ + "}",
        Tokens.claims(token).toString(), key));
    cases.put("too large", token + "A".repeat(16 * 1024));
    cases.put("claims without a license", claims(c -> c.remove("license")));
    cases.put("an unknown member", claims(c -> c.withObjectProperty("license").put("discount", 5)));
    cases.put("version 1.0", claims(c -> c.withObjectProperty("license").put("version", new java.math.BigDecimal("1.0"))));
    cases.put("version 2", claims(c -> c.withObjectProperty("license").put("version", 2)));
    cases.put("a control character in a name", claims(c -> c.withObjectProperty("license").withObjectProperty("customer").put("name", "A\nB")));
    cases.put("a blank name", claims(c -> c.withObjectProperty("license").withObjectProperty("customer").put("name", "   ")));
    cases.put("a date that does not exist", claims(c -> c.withObjectProperty("license").put("ordered_at", "2021-02-30T10:00:00Z")));
    cases.put("an audience", claims(c -> c.put("aud", "someone")));
    cases.put("not before next year", claims(c -> c.put("nbf", c.get("iat").longValue() + 365L * 86400)));
    cases.put("issued next year", claims(c -> c.put("iat", c.get("iat").longValue() + 365L * 86400)));
    cases.put("expired a minute ago", claims(c -> c.put("exp", System.currentTimeMillis() / 1000 - 61)));
    cases.put("expires before it is issued", claims(c -> c.put("exp", c.get("iat").longValue() - 1).put("iat", c.get("iat").longValue())));
    cases.put("a subject that is not the customer", claims(c -> c.put("sub", "C-OTHER")));
    cases.put("a license number with letters", claims(c -> c.withObjectProperty("license").put("license_number", "A123")));
    cases.put("a status index beyond the list", claims(c -> c.withObjectProperty("status").withObjectProperty("status_list").put("idx", 1 << 20)));
    cases.put("a list the site does not hold", claims(c -> c.withObjectProperty("status").withObjectProperty("status_list").put("uri", TestIssuer.ISSUER + "/status/99")));
    cases.put("a duplicate member in the claims", Tokens.signed(Tokens.header(key),
        "{\"iss\":\"x\"," + Tokens.claims(token).toString().substring(1), key));
    cases.put("claims that are not UTF-8", Tokens.signed(Tokens.header(key),
        Tokens.claims(token).toString().replace("\"jti\":\"", "\"jti\":\"\u00ff").getBytes(StandardCharsets.ISO_8859_1), key));

    Map<String, String> javaSays = new LinkedHashMap<>();
    Map<String, String> pageSays = new LinkedHashMap<>();
    cases.forEach((name, forged) -> {
      javaSays.put(name, page.javaVerdict(forged));
      Verdict verdict = page.check(forged);
      pageSays.put(name, verdict.verdict().equals("VALID") ? "VALID" : verdict.reason());
    });
    assertThat(pageSays).containsExactlyEntriesOf(javaSays);
    assertThat(javaSays).containsEntry("the honest token", "VALID").containsEntry("nesting of 17", "NESTING_TOO_DEEP")
        .containsEntry("version 1.0", "VALID").containsEntry("a status index beyond the list", "STATUS_LIST_INVALID")
        .containsEntry("a list the site does not hold", "STATUS_UNAVAILABLE");
  }
}
