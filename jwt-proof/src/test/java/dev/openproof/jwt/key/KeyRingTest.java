package dev.openproof.jwt.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import org.junit.jupiter.api.Test;

class KeyRingTest {
  @Test
  void rotationSignsWithTheNewKeyAndKeepsTheOldForVerification() {
    SigningKey first = SigningKey.generate(JwsAlgorithm.ES256);
    SigningKey second = SigningKey.generate(JwsAlgorithm.EDDSA);

    KeyRing ring = KeyRing.of(first).rotate(second);

    assertThat(ring.active()).isSameAs(second);
    assertThat(ring.retired()).extracting(JWK::getKeyID).containsExactly(first.keyId());
    assertThat(ring.publicJwks().getKeys()).extracting(JWK::getKeyID).containsExactly(second.keyId(), first.keyId());
    assertThat(ring.publicJwks().getKeys()).noneMatch(JWK::isPrivate);
  }

  @Test
  void droppingARetiredKeyRemovesItFromThePublishedSet() {
    SigningKey first = SigningKey.generate(JwsAlgorithm.ES256);
    KeyRing ring = KeyRing.of(first).rotate(SigningKey.generate(JwsAlgorithm.ES256));

    assertThat(ring.drop(first.keyId()).publicJwks().getKeyByKeyId(first.keyId())).isNull();
    assertThatThrownBy(() -> ring.drop(ring.active().keyId())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesTwoKeysWithOneKid() {
    SigningKey key = SigningKey.generate(JwsAlgorithm.ES256);

    assertThatThrownBy(() -> KeyRing.of(key).rotate(key)).isInstanceOf(IllegalArgumentException.class);
  }
}
