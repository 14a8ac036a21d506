package dev.openproof.jwt.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class SigningKeyTest {
  @ParameterizedTest
  @EnumSource(JwsAlgorithm.class)
  void generatesAKeyNamedByItsThumbprint(JwsAlgorithm algorithm) throws Exception {
    SigningKey key = SigningKey.generate(algorithm);
    JWK publicJwk = key.publicJwk();

    assertThat(key.keyId()).isEqualTo(publicJwk.computeThumbprint().toString());
    assertThat(publicJwk.getKeyID()).isEqualTo(key.keyId());
    assertThat(publicJwk.getAlgorithm().getName()).isEqualTo(algorithm.joseName());
    assertThat(publicJwk.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
    assertThat(publicJwk.isPrivate()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(JwsAlgorithm.class)
  void signsWhatItsVerificationKeyAccepts(JwsAlgorithm algorithm) {
    SigningKey key = SigningKey.generate(algorithm);
    byte[] input = "header.payload".getBytes(StandardCharsets.US_ASCII);

    assertThat(key.verificationKey().verify(input, key.sign(input))).isTrue();
    assertThat(VerificationKey.of(key.publicJwk()).verify(input, key.sign(input))).isTrue();
  }

  @ParameterizedTest
  @EnumSource(JwsAlgorithm.class)
  void neverShowsThePrivateKeyInItsString(JwsAlgorithm algorithm) {
    SigningKey key = SigningKey.generate(algorithm);
    String privateJson = key.privateJwk().toJSONString();

    assertThat(key.toString()).isEqualTo("SigningKey[alg=" + algorithm.joseName() + ", kid=" + key.keyId() + "]");
    assertThat(privateJson).contains("\"d\"");
    assertThat(KeyRing.of(key).toString()).doesNotContain("\"d\"");
  }

  @Test
  void refusesAJwkWhosePrivateKeyIsNotOfItsPublicKey() throws Exception {
    ECKey one = (ECKey) SigningKey.generate(JwsAlgorithm.ES256).privateJwk();
    ECKey other = (ECKey) SigningKey.generate(JwsAlgorithm.ES256).privateJwk();
    ECKey mixed = new ECKey.Builder(one.getCurve(), one.getX(), one.getY()).d(other.getD()).build();

    assertThatThrownBy(() -> SigningKey.fromJwk(mixed)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(other.getD().toString());
  }

  @Test
  void refusesAPublicJwk() {
    JWK publicOnly = SigningKey.generate(JwsAlgorithm.ES256).publicJwk();

    assertThatThrownBy(() -> SigningKey.fromJwk(publicOnly)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAnRsaKeyShorterThan2048Bits() {
    assertThatThrownBy(() -> SigningKey.generate(JwsAlgorithm.RS256, 1024)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepsTheKidOfALoadedJwk() throws Exception {
    ECKey jwk = new ECKey.Builder((ECKey) SigningKey.generate(JwsAlgorithm.ES256).privateJwk()).keyID("2026-signing").build();

    assertThat(SigningKey.fromJwk(jwk).keyId()).isEqualTo("2026-signing");
  }
}
