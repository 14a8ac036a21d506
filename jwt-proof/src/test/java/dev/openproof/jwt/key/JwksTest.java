package dev.openproof.jwt.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwksTest {
  private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

  private static List<SigningKey> oneOfEach() {
    List<SigningKey> keys = new ArrayList<>();
    for (JwsAlgorithm algorithm : JwsAlgorithm.values()) {
      keys.add(SigningKey.generate(algorithm));
    }
    return keys;
  }

  @Test
  void publishesKidAlgAndUseButNoPrivateMember() throws Exception {
    List<SigningKey> keys = oneOfEach();
    List<JWK> privateJwks = keys.stream().map(SigningKey::privateJwk).toList();

    JsonNode published = new ObjectMapper().readTree(Jwks.toJson(new JWKSet(privateJwks)));

    assertThat(published.get("keys")).hasSize(4);
    for (JsonNode key : published.get("keys")) {
      assertThat(key.get("kid").textValue()).isNotEmpty();
      assertThat(key.get("use").textValue()).isEqualTo("sig");
      assertThat(JwsAlgorithm.fromJoseName(key.get("alg").textValue())).isPresent();
      List<String> members = new ArrayList<>();
      key.fieldNames().forEachRemaining(members::add);
      assertThat(members).doesNotContainAnyElementsOf(PRIVATE_MEMBERS);
    }
  }

  @Test
  void readsBackWhatItPublishes() {
    List<SigningKey> keys = oneOfEach();
    JWKSet published = KeyRing.of(keys.get(0), keys.subList(1, 4).stream().map(SigningKey::publicJwk).toList()).publicJwks();

    JWKSet read = Jwks.parse(Jwks.toJson(published));

    assertThat(read.getKeys()).extracting(JWK::getKeyID).containsExactlyElementsOf(keys.stream().map(SigningKey::keyId).toList());
  }

  @Test
  void refusesToTrustASetWithAPrivateKey() {
    String leaked = "{\"keys\":[" + SigningKey.generate(JwsAlgorithm.ES256).privateJwk().toJSONString() + "]}";

    assertRefused(leaked, JwksException.Reason.JWKS_PRIVATE_KEY).hasMessageContaining("private");
  }

  @Test
  void refusesToTrustAKeyWithoutAlg() {
    String json = SigningKey.generate(JwsAlgorithm.ES256).publicJwk().toJSONString().replace("\"alg\":\"ES256\",", "")
        .replace(",\"alg\":\"ES256\"", "");

    assertThat(json).doesNotContain("alg");
    assertRefused("{\"keys\":[" + json + "]}", JwksException.Reason.JWKS_UNUSABLE_KEY).hasMessageContaining("no alg");
  }

  @Test
  void refusesToTrustTwoKeysWithOneKid() {
    String key = SigningKey.generate(JwsAlgorithm.EDDSA).publicJwk().toJSONString();

    assertRefused("{\"keys\":[" + key + "," + key + "]}", JwksException.Reason.JWKS_DUPLICATE_KID);
  }

  @Test
  void refusesAnAlgTheKeyIsNotFor() {
    String json = SigningKey.generate(JwsAlgorithm.ES256).publicJwk().toJSONString().replace("ES256", "RS256");

    assertRefused("{\"keys\":[" + json + "]}", JwksException.Reason.JWKS_UNUSABLE_KEY);
  }

  @Test
  void refusesToTrustAKeyWhoseKeyOpsLackVerify() throws Exception {
    JWK key = SigningKey.generate(JwsAlgorithm.ES256).publicJwk();
    for (String ops : List.of("[\"encrypt\"]", "[\"sign\"]", "[]", "[\"wrapKey\",\"deriveBits\"]")) {
      String json = key.toJSONString().replace("{", "{\"key_ops\":" + ops + ",");
      assertThatThrownBy(() -> Jwks.parse("{\"keys\":[" + json + "]}")).isInstanceOfSatisfying(JwksException.class,
          e -> assertThat(e.reason()).isIn(JwksException.Reason.JWKS_KEY_NOT_FOR_SIGNATURES, JwksException.Reason.JWKS_MALFORMED));
    }
    String lacking = key.toJSONString().replace("{", "{\"key_ops\":[\"encrypt\"],");
    assertRefused("{\"keys\":[" + lacking + "]}", JwksException.Reason.JWKS_KEY_NOT_FOR_SIGNATURES).hasMessageContaining("key_ops");
    String verifying = key.toJSONString().replace("{", "{\"key_ops\":[\"verify\"],");
    assertThat(Jwks.parse("{\"keys\":[" + verifying + "]}").getKeys()).hasSize(1);
  }

  @Test
  void refusesAKeyForEncryption() {
    String json = SigningKey.generate(JwsAlgorithm.ES256).publicJwk().toJSONString().replace("\"use\":\"sig\"", "\"use\":\"enc\"");
    assertRefused("{\"keys\":[" + json + "]}", JwksException.Reason.JWKS_KEY_NOT_FOR_SIGNATURES).hasMessageContaining("use 'enc'");
  }

  @Test
  void refusesSomethingElse() {
    assertRefused("{\"keys\":" + "[".repeat(1000), JwksException.Reason.JWKS_MALFORMED);
    assertRefused("not json", JwksException.Reason.JWKS_MALFORMED);
    assertRefused("[]", JwksException.Reason.JWKS_MALFORMED).hasMessageContaining("not a JSON object");
    assertRefused("{}", JwksException.Reason.JWKS_MALFORMED).hasMessageContaining("keys array");
  }

  @Test
  void refusesAnythingAfterTheSet() {
    String set = Jwks.toJson(new JWKSet(SigningKey.generate(JwsAlgorithm.ES256).publicJwk()));

    assertRefused(set + " xyz", JwksException.Reason.JWKS_MALFORMED).hasMessageContaining("after its JSON object");
    assertRefused(set + set, JwksException.Reason.JWKS_MALFORMED).hasMessageContaining("after its JSON object");
    assertThat(Jwks.parse(set + "\n").getKeys()).hasSize(1);
  }

  @Test
  void namesAMemberThatAppearsTwice() {
    String key = SigningKey.generate(JwsAlgorithm.ES256).publicJwk().toJSONString();
    String twiceKid = key.replace("{", "{\"kid\":\"other\",");

    assertRefused("{\"keys\":[" + twiceKid + "]}", JwksException.Reason.JWKS_MALFORMED).hasMessageContaining("keys[0].kid appears twice");
    assertRefused("{\"keys\":[],\"keys\":[" + key + "]}", JwksException.Reason.JWKS_MALFORMED).hasMessageContaining("keys appears twice");
  }

  @Test
  void refusesBytesThatAreNotUtf8() {
    byte[] latin1 = "{\"keys\":[],\"x\":\"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> Jwks.parse(latin1)).isInstanceOfSatisfying(JwksException.class,
        e -> assertThat(e.reason()).isEqualTo(JwksException.Reason.JWKS_MALFORMED)).hasMessageContaining("not UTF-8");
  }

  @Test
  void readsNoMoreThanTheLimitFromADeviceThatNeverEnds() {
    assertThatThrownBy(() -> Jwks.read(Path.of("/dev/zero"))).isInstanceOfSatisfying(JwksException.class,
        e -> assertThat(e.reason()).isEqualTo(JwksException.Reason.JWKS_TOO_LARGE)).hasMessageContaining("larger than");
  }

  @Test
  void aFileThatCannotBeReadIsNamed(@TempDir Path dir) {
    assertThatThrownBy(() -> Jwks.read(dir.resolve("missing.json"))).isInstanceOfSatisfying(JwksException.class,
        e -> assertThat(e.reason()).isEqualTo(JwksException.Reason.JWKS_UNREADABLE)).hasMessageContaining("no such file");
    assertThatThrownBy(() -> Jwks.read(dir)).isInstanceOfSatisfying(JwksException.class,
        e -> assertThat(e.reason()).isEqualTo(JwksException.Reason.JWKS_UNREADABLE)).hasMessageContaining("folder");
  }

  @Test
  void aKidWithControlCharactersIsQuotedPrintably() throws Exception {
    String key = SigningKey.generate(JwsAlgorithm.ES256).publicJwk().toJSONString();
    String kid = com.nimbusds.jose.jwk.JWK.parse(key).getKeyID();
    String evil = key.replace(kid, "a\\r\\nb");

    assertRefused("{\"keys\":[" + evil + "," + evil + "]}", JwksException.Reason.JWKS_DUPLICATE_KID)
        .hasMessageContaining("'a??b'").hasMessageNotContaining("\r");
  }

  private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String json, JwksException.Reason code) {
    return assertThatThrownBy(() -> Jwks.parse(json)).isInstanceOfSatisfying(JwksException.class, e -> {
      assertThat(e.reason()).isEqualTo(code);
      assertThat(e.getMessage()).doesNotContain("\n", "jackson", "Exception");
    });
  }
}
