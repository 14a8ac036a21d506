package dev.openproof.jwt.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import org.jspecify.annotations.Nullable;

/** Finishes nimbus JWK builders the same way: {@code use: sig}, {@code alg}, and a {@code kid}. */
final class JwkBuilders {
  private JwkBuilders() {}

  static JWK ec(ECKey.Builder builder, JwsAlgorithm algorithm, @Nullable String kid) throws JOSEException {
    builder.keyUse(KeyUse.SIGNATURE).algorithm(algorithm.toNimbus());
    return (hasText(kid) ? builder.keyID(kid) : builder.keyIDFromThumbprint()).build();
  }

  static JWK okp(OctetKeyPair.Builder builder, JwsAlgorithm algorithm, @Nullable String kid) throws JOSEException {
    builder.keyUse(KeyUse.SIGNATURE).algorithm(algorithm.toNimbus());
    return (hasText(kid) ? builder.keyID(kid) : builder.keyIDFromThumbprint()).build();
  }

  static JWK rsa(RSAKey.Builder builder, JwsAlgorithm algorithm, @Nullable String kid) throws JOSEException {
    builder.keyUse(KeyUse.SIGNATURE).algorithm(algorithm.toNimbus());
    return (hasText(kid) ? builder.keyID(kid) : builder.keyIDFromThumbprint()).build();
  }

  private static boolean hasText(@Nullable String kid) {
    return kid != null && !kid.isBlank();
  }
}
