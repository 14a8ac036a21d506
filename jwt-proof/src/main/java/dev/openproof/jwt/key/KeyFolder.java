package dev.openproof.jwt.key;

import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The issuer's key folder, the one home of its format: {@code signing-key.jwk}, the active private
 * key (0600), {@code jwks.json}, the published public keys, active first (0644), and {@code
 * retired/<kid>.jwk}, rotated-out private keys kept until retired. The folder is made 0700. Every
 * file is written beside its name and renamed over it, so a symbolic link planted at a name is
 * replaced, never followed, and a crash never leaves half a file; the umask does not matter.
 *
 * <p>A private key file that others may read or write is refused, as ssh refuses one.
 *
 * @since 0.1.0
 */
public final class KeyFolder {
  /** The file of the active private key. */
  public static final String SIGNING_KEY = "signing-key.jwk";
  /** The file of the public JWK Set. */
  public static final String JWKS = "jwks.json";
  /** The folder of rotated-out private keys. */
  public static final String RETIRED = "retired";

  private KeyFolder() {}

  /**
   * Makes a new folder with a new key.
   *
   * @param dir the folder; created where missing
   * @param algorithm the key's algorithm
   * @return the key
   * @throws IllegalStateException if the folder holds a key already
   * @throws UncheckedIOException if it cannot be written
   */
  public static SigningKey generate(Path dir, JwsAlgorithm algorithm) {
    Objects.requireNonNull(algorithm, "algorithm");
    if (Files.exists(dir.resolve(SIGNING_KEY), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalStateException(dir.resolve(SIGNING_KEY) + " exists already; a new key goes to another folder");
    }
    SigningKey key = SigningKey.generate(algorithm);
    io(() -> {
      OwnerOnlyFiles.ownerOnlyFolder(dir);
      OwnerOnlyFiles.write(dir.resolve(SIGNING_KEY), key.privateJwk().toJSONString().getBytes(StandardCharsets.UTF_8));
      writeJwks(dir, KeyRing.of(key));
    });
    return key;
  }

  /**
   * The ring of a folder, after making a new key in it where it has none.
   *
   * @param dir the folder, created where missing
   * @param algorithm the algorithm of a new key
   * @return the ring
   */
  public static KeyRing openOrCreate(Path dir, JwsAlgorithm algorithm) {
    if (!Files.exists(dir.resolve(SIGNING_KEY), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      generate(dir, algorithm);
    }
    return ring(dir);
  }

  /**
   * The key ring of a folder: its active key and the other public keys of its {@code jwks.json}.
   *
   * @param dir the folder
   * @return the ring
   * @throws IllegalArgumentException if the private key file may be read by others, or is no key
   */
  public static KeyRing ring(Path dir) {
    SigningKey active = readPrivate(dir.resolve(SIGNING_KEY));
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
   * Reads a private JWK file after checking that only its owner may read it.
   *
   * @param file the file
   * @return the key
   * @throws IllegalArgumentException if others may read or write it (fix: {@code chmod 600 FILE}),
   *     or it is no private key this library signs with
   * @throws UncheckedIOException if it cannot be read
   */
  public static SigningKey readPrivate(Path file) {
    boolean open;
    try {
      open = OwnerOnlyFiles.othersMayRead(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (open) {
      throw new IllegalArgumentException("the private key file " + file
          + " may be read by others than its owner, so it is not used: chmod 600 " + file + " (and make a new key if it leaked)");
    }
    return KeyFiles.readJwk(file);
  }

  /**
   * Makes a new active key of the same algorithm; the previous one stays in {@code jwks.json} and in
   * {@code retired/} until {@link #retire retired}.
   *
   * @param dir the folder
   * @return the ring after the rotation
   */
  public static KeyRing rotate(Path dir) {
    KeyRing before = ring(dir);
    SigningKey previous = before.active();
    SigningKey next = SigningKey.generate(previous.algorithm());
    KeyRing after = before.rotate(next);
    io(() -> {
      Path retired = OwnerOnlyFiles.ownerOnlyFolder(dir.resolve(RETIRED));
      OwnerOnlyFiles.write(retired.resolve(previous.keyId() + ".jwk"), previous.privateJwk().toJSONString().getBytes(StandardCharsets.UTF_8));
      writeJwks(dir, after);
      OwnerOnlyFiles.write(dir.resolve(SIGNING_KEY), next.privateJwk().toJSONString().getBytes(StandardCharsets.UTF_8));
    });
    return after;
  }

  /**
   * Removes a rotated-out key from {@code jwks.json} and its private key from {@code retired/}.
   *
   * @param dir the folder
   * @param kid the key's id
   * @return the ring afterwards
   * @throws IllegalArgumentException if the key is the active one or not in the folder
   */
  public static KeyRing retire(Path dir, String kid) {
    KeyRing ring = ring(dir);
    if (ring.retired().stream().noneMatch(key -> key.getKeyID().equals(kid))) {
      throw new IllegalArgumentException(ring.active().keyId().equals(kid)
          ? "key " + kid + " is the active key: rotate first" : "no key " + kid + " in " + dir.resolve(JWKS));
    }
    KeyRing after = ring.drop(kid);
    io(() -> {
      writeJwks(dir, after);
      Path retiredKey = dir.resolve(RETIRED).resolve(kid + ".jwk");
      if (retiredKey.normalize().startsWith(dir.resolve(RETIRED).normalize())) {
        Files.deleteIfExists(retiredKey);
      }
    });
    return after;
  }

  /**
   * Writes a ring's public keys to a {@code jwks.json} (0644, by write-then-rename).
   *
   * @param file the file
   * @param ring the ring
   * @throws UncheckedIOException if it cannot be written
   */
  public static void writePublicJwks(Path file, KeyRing ring) {
    io(() -> OwnerOnlyFiles.writePublic(file, Jwks.toJson(ring.publicJwks()).getBytes(StandardCharsets.UTF_8)));
  }

  private static void writeJwks(Path dir, KeyRing ring) throws IOException {
    OwnerOnlyFiles.writePublic(dir.resolve(JWKS), Jwks.toJson(ring.publicJwks()).getBytes(StandardCharsets.UTF_8));
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private static void io(IoAction action) {
    try {
      action.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the key folder: " + e.getMessage(), e);
    }
  }
}
