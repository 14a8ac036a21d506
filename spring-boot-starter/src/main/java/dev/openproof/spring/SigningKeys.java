package dev.openproof.spring;

import com.nimbusds.jose.jwk.JWK;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.Jwks;
import dev.openproof.jwt.key.KeyFiles;
import dev.openproof.jwt.key.KeyRing;
import dev.openproof.jwt.key.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The issuer's keys in a key folder, as {@code openproof keys generate/rotate/retire} keep it:
 * {@code signing-key.jwk}, the active private key (owner-only), and {@code jwks.json}, the published
 * public keys, the active one first; keys rotated out stay there until retired, so that proofs they
 * signed still verify. {@link #reload()} reads the folder again when either file changed, so a
 * rotation takes effect without a restart. Thread-safe.
 *
 * @since 0.1.0
 */
public final class SigningKeys {
  /** The file of the active private key. */
  public static final String SIGNING_KEY = "signing-key.jwk";
  /** The file of the published public keys. */
  public static final String JWKS = "jwks.json";

  private final Path dir;
  private volatile Loaded loaded;

  private record Loaded(KeyRing ring, FileTime keyTime, FileTime jwksTime) {}

  private SigningKeys(Path dir, Loaded loaded) {
    this.dir = dir;
    this.loaded = loaded;
  }

  /**
   * Opens a key folder.
   *
   * @param dir the folder
   * @param algorithm the algorithm of a key generated where the folder has none
   * @param generate whether to generate a key where the folder has none
   * @return the keys
   * @throws IllegalStateException if the folder has no key and none may be generated
   * @throws UncheckedIOException if the folder cannot be read or written
   */
  public static SigningKeys open(Path dir, JwsAlgorithm algorithm, boolean generate) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(algorithm, "algorithm");
    Path keyFile = dir.resolve(SIGNING_KEY);
    try {
      if (!Files.exists(keyFile)) {
        if (!generate) {
          throw new IllegalStateException("the key folder " + dir + " has no " + SIGNING_KEY);
        }
        Files.createDirectories(dir);
        SigningKey key = SigningKey.generate(algorithm);
        KeyFiles.writeJwk(keyFile, key);
        Jwks.write(dir.resolve(JWKS), KeyRing.of(key).publicJwks());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the key folder " + dir + " cannot be written", e);
    }
    return new SigningKeys(dir, load(dir));
  }

  /**
   * The ring as last read: the active key and the public keys of earlier ones.
   *
   * @return the ring
   */
  public KeyRing ring() {
    return loaded.ring();
  }

  /**
   * The active key.
   *
   * @return the key
   */
  public SigningKey active() {
    return loaded.ring().active();
  }

  /**
   * The folder.
   *
   * @return the folder
   */
  public Path dir() {
    return dir;
  }

  /**
   * Reads the folder again if one of its files changed since it was last read.
   *
   * @return {@code true} if the ring was read again
   * @throws RuntimeException if the changed folder cannot be read; the ring read before stays in use
   */
  public boolean reload() {
    Loaded before = loaded;
    if (before.keyTime().equals(modified(dir.resolve(SIGNING_KEY)))
        && before.jwksTime().equals(modified(dir.resolve(JWKS)))) {
      return false;
    }
    loaded = load(dir);
    return true;
  }

  private static Loaded load(Path dir) {
    Path keyFile = dir.resolve(SIGNING_KEY);
    Path jwksFile = dir.resolve(JWKS);
    FileTime keyTime = modified(keyFile);
    FileTime jwksTime = modified(jwksFile);
    SigningKey active = KeyFiles.readJwk(keyFile);
    List<JWK> others = new ArrayList<>();
    if (Files.exists(jwksFile)) {
      for (JWK key : Jwks.read(jwksFile).getKeys()) {
        if (!active.keyId().equals(key.getKeyID())) {
          others.add(key);
        }
      }
    }
    return new Loaded(KeyRing.of(active, others), keyTime, jwksTime);
  }

  private static FileTime modified(Path file) {
    try {
      return Files.exists(file) ? Files.getLastModifiedTime(file) : FileTime.fromMillis(0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  @Override
  public String toString() {
    return "SigningKeys[" + dir + ", active kid=" + active().keyId() + "]";
  }
}
