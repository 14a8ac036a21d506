package dev.openproof.jwt.key;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One active signing key and the public keys of retired ones, kept so that proofs issued before a
 * rotation still verify. Its {@link #publicJwks()} is what the issuer publishes.
 *
 * <p>Immutable: {@link #rotate(SigningKey)} and {@link #drop(String)} return a new ring.
 *
 * @since 0.1.0
 */
public final class KeyRing {
  private final SigningKey active;
  private final List<JWK> retired;

  private KeyRing(SigningKey active, List<JWK> retired) {
    this.active = active;
    this.retired = List.copyOf(retired);
  }

  /**
   * A ring of one key.
   *
   * @param active the key that signs
   * @return the ring
   */
  public static KeyRing of(SigningKey active) {
    return new KeyRing(Objects.requireNonNull(active, "active"), List.of());
  }

  /**
   * A ring of an active key and retired public keys.
   *
   * @param active the key that signs
   * @param retired public JWKs of earlier keys, each with {@code kid} and {@code alg}; private
   *     members are stripped
   * @return the ring
   * @throws IllegalArgumentException if a retired key is unusable or two keys share a {@code kid}
   */
  public static KeyRing of(SigningKey active, List<JWK> retired) {
    Objects.requireNonNull(active, "active");
    Map<String, JWK> byKid = new LinkedHashMap<>();
    byKid.put(active.keyId(), active.publicJwk());
    List<JWK> publicRetired = new ArrayList<>();
    for (JWK key : retired) {
      JWK publicKey = Jwks.toPublic(key);
      VerificationKey.of(publicKey);
      if (byKid.putIfAbsent(publicKey.getKeyID(), publicKey) != null) {
        throw new IllegalArgumentException("two keys of the ring share kid " + publicKey.getKeyID());
      }
      publicRetired.add(publicKey);
    }
    return new KeyRing(active, publicRetired);
  }

  /**
   * The key that signs new proofs.
   *
   * @return the active key
   */
  public SigningKey active() {
    return active;
  }

  /**
   * The public keys of retired signing keys, newest first.
   *
   * @return the retired keys
   */
  public List<JWK> retired() {
    return retired;
  }

  /**
   * A ring in which {@code next} signs and the current active key is retired (kept for verification).
   *
   * @param next the new signing key
   * @return the new ring
   * @throws IllegalArgumentException if {@code next} has the {@code kid} of a key of this ring
   */
  public KeyRing rotate(SigningKey next) {
    Objects.requireNonNull(next, "next");
    List<JWK> keep = new ArrayList<>();
    keep.add(active.publicJwk());
    keep.addAll(retired);
    return of(next, keep);
  }

  /**
   * A ring without the retired key {@code kid}: proofs signed with it no longer verify.
   *
   * @param kid the retired key's id
   * @return the new ring
   * @throws IllegalArgumentException if {@code kid} is the active key
   */
  public KeyRing drop(String kid) {
    if (active.keyId().equals(kid)) {
      throw new IllegalArgumentException("the active key cannot be dropped; rotate first");
    }
    List<JWK> keep = new ArrayList<>(retired);
    keep.removeIf(key -> key.getKeyID().equals(kid));
    return new KeyRing(active, keep);
  }

  /**
   * The JWK Set to publish: the active key's and the retired keys' public JWKs, each with {@code
   * kid}, {@code alg} and {@code use: sig}, never a private member.
   *
   * @return the public JWK Set
   */
  public JWKSet publicJwks() {
    List<JWK> keys = new ArrayList<>();
    keys.add(active.publicJwk());
    keys.addAll(retired);
    return new JWKSet(keys);
  }

  @Override
  public String toString() {
    return "KeyRing[active=" + active.keyId() + ", retired=" + retired.size() + "]";
  }
}
