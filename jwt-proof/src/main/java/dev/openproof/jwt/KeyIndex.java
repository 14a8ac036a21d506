package dev.openproof.jwt;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.openproof.jwt.key.VerificationKey;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The verification keys of one trusted JWK Set by {@code kid}, each built once. */
final class KeyIndex {
  private final JWKSet source;
  private final Map<String, VerificationKey> byKid;

  private KeyIndex(JWKSet source, Map<String, VerificationKey> byKid) {
    this.source = source;
    this.byKid = byKid;
  }

  static KeyIndex of(JWKSet set) {
    Map<String, VerificationKey> byKid = new HashMap<>();
    for (JWK key : set.getKeys()) {
      VerificationKey verificationKey = VerificationKey.of(key);
      byKid.put(verificationKey.keyId(), verificationKey);
    }
    return new KeyIndex(set, Map.copyOf(byKid));
  }

  boolean isOf(JWKSet set) {
    return source == set;
  }

  @Nullable VerificationKey find(String kid) {
    return byKid.get(kid);
  }
}
