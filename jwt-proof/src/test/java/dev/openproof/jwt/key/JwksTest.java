package dev.openproof.jwt.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

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

    assertThatThrownBy(() -> Jwks.parse(leaked)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("private");
  }

  @Test
  void refusesToTrustAKeyWithoutAlg() {
    String json = SigningKey.generate(JwsAlgorithm.ES256).publicJwk().toJSONString().replace("\"alg\":\"ES256\",", "")
        .replace(",\"alg\":\"ES256\"", "");

    assertThat(json).doesNotContain("alg");
    assertThatThrownBy(() -> Jwks.parse("{\"keys\":[" + json + "]}")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesToTrustTwoKeysWithOneKid() {
    String key = SigningKey.generate(JwsAlgorithm.EDDSA).publicJwk().toJSONString();

    assertThatThrownBy(() -> Jwks.parse("{\"keys\":[" + key + "," + key + "]}")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAnAlgTheKeyIsNotFor() {
    String json = SigningKey.generate(JwsAlgorithm.ES256).publicJwk().toJSONString().replace("ES256", "RS256");

    assertThatThrownBy(() -> Jwks.parse("{\"keys\":[" + json + "]}")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesSomethingElse() {
    assertThatThrownBy(() -> Jwks.parse("{\"keys\":" + "[".repeat(1000))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Jwks.parse("not json")).isInstanceOf(IllegalArgumentException.class);
  }
}
