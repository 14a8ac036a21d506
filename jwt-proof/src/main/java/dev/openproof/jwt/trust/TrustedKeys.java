package dev.openproof.jwt.trust;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.openproof.jwt.key.Jwks;
import dev.openproof.jwt.key.KeyRing;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The keys a verifier trusts, as a JWK Set. A verifier asks for {@link #current()} per token, and for
 * {@link #afterUnknownKey(String)} when a token names a key the set does not hold, so that a remote
 * source may fetch a rotated set. Implementations must be thread-safe and should return the same
 * {@link JWKSet} instance until the keys change: the verifier rebuilds its per-key verifiers only
 * then.
 *
 * @since 0.1.0
 */
public interface TrustedKeys {
  /**
   * The trusted keys now.
   *
   * @return the set, public keys each with {@code kid} and {@code alg}
   * @throws KeySourceException if the keys cannot be obtained
   */
  JWKSet current();

  /**
   * The trusted keys after a token named a key the current set does not hold. A remote source may
   * fetch the set again, within its rate limit; the default returns {@link #current()}.
   *
   * @param keyId the unknown {@code kid}; never trusted for anything but this hint
   * @return the set
   * @throws KeySourceException if the keys cannot be obtained
   */
  default JWKSet afterUnknownKey(String keyId) {
    return current();
  }

  /**
   * A fixed set. Private members of its keys, if any, are stripped.
   *
   * @param set the keys
   * @return the source
   * @throws dev.openproof.jwt.key.JwksException if a key lacks {@code kid} or {@code alg}, repeats a
   *     {@code kid}, is not for signatures or does not fit its algorithm
   */
  static TrustedKeys of(JWKSet set) {
    List<JWK> keys = new ArrayList<>();
    for (JWK key : Objects.requireNonNull(set, "set").getKeys()) {
      keys.add(Jwks.toPublic(key));
    }
    JWKSet checked = Jwks.requireVerificationKeys(new JWKSet(keys));
    return () -> checked;
  }

  /**
   * The public keys of a key ring: the active key and the retired ones.
   *
   * @param ring the ring
   * @return the source
   */
  static TrustedKeys of(KeyRing ring) {
    return of(ring.publicJwks());
  }

  /**
   * A JWK Set read once from a file.
   *
   * @param jwksFile the file, such as {@code jwks.json}
   * @return the source
   * @throws dev.openproof.jwt.key.JwksException if the file cannot be read, is larger than {@link
   *     Jwks#MAX_BYTES}, or is not a JWK Set of usable public keys
   */
  static TrustedKeys fromFile(Path jwksFile) {
    JWKSet set = Jwks.read(jwksFile);
    return () -> set;
  }

  /**
   * A JWK Set fetched from a URL with the default cache time, rate limit and size limit of {@link
   * RemoteJwks}.
   *
   * @param jwksUri the URL, {@code https} (plain {@code http} only on the loopback interface)
   * @return the source
   */
  static RemoteJwks fromUrl(URI jwksUri) {
    return RemoteJwks.builder(jwksUri).build();
  }
}
