package dev.openproof.examples.demo;

import com.nimbusds.jose.jwk.JWK;
import dev.openproof.jwt.key.Jwks;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.KeyFiles;
import dev.openproof.jwt.key.KeyRing;
import dev.openproof.jwt.key.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A folder of the issuer's keys, as {@code openproof keys} writes it: {@code signing-key.jwk}, the
 * active private key (owner-only), and {@code jwks.json}, the published public keys, active first;
 * keys rotated out stay in {@code jwks.json} until retired.
 *
 * @since 0.1.0
 */
public final class KeyFolder {
  /** The file of the active private key. */
  public static final String SIGNING_KEY = "signing-key.jwk";
  /** The file of the public JWK Set. */
  public static final String JWKS = "jwks.json";

  private KeyFolder() {}

  /**
   * The key ring of a folder: its active key and the other public keys of its {@code jwks.json}.
   *
   * @param dir the folder
   * @return the ring
   */
  public static KeyRing ring(Path dir) {
    SigningKey active = KeyFiles.readJwk(dir.resolve(SIGNING_KEY));
    List<JWK> others = new ArrayList<>();
    Path jwks = dir.resolve(JWKS);
    if (Files.exists(jwks)) {
      for (JWK key : Jwks.read(jwks).getKeys()) {
        if (!key.getKeyID().equals(active.keyId())) {
          others.add(key);
        }
      }
    }
    return KeyRing.of(active, others);
  }

  /**
   * The ring of a folder, after making a new key in it where it has none.
   *
   * @param dir the folder, created where missing
   * @param algorithm the algorithm of a new key
   * @return the ring
   * @throws IOException if the folder cannot be written
   */
  public static KeyRing openOrCreate(Path dir, JwsAlgorithm algorithm) throws IOException {
    if (!Files.exists(dir.resolve(SIGNING_KEY))) {
      Files.createDirectories(dir);
      SigningKey key = SigningKey.generate(algorithm);
      KeyFiles.writeJwk(dir.resolve(SIGNING_KEY), key);
      Jwks.write(dir.resolve(JWKS), KeyRing.of(key).publicJwks());
    }
    return ring(dir);
  }
}
