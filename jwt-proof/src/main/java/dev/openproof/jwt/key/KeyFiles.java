package dev.openproof.jwt.key;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes signing keys: a private JWK, PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}),
 * and PKCS#12 key stores. Files holding a private key are written owner-only (POSIX 0600) where the
 * file system supports it.
 *
 * @since 0.1.0
 */
public final class KeyFiles {
  private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String PEM_END = "-----END PRIVATE KEY-----";
  private static final int MAX_FILE_BYTES = 1 << 20;

  private KeyFiles() {}

  /**
   * Reads a private JWK.
   *
   * @param file the file
   * @return the key
   * @throws IllegalArgumentException if it is not a private JWK this library signs with
   * @throws UncheckedIOException if it cannot be read
   */
  public static SigningKey readJwk(Path file) {
    return SigningKey.fromJwkJson(new String(read(file), StandardCharsets.UTF_8));
  }

  /**
   * Writes a key as a private JWK, owner-only.
   *
   * @param file the file, replaced if it exists
   * @param key the key
   * @throws UncheckedIOException if it cannot be written
   */
  public static void writeJwk(Path file, SigningKey key) {
    write(file, key.privateJwk().toJSONString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads an unencrypted PKCS#8 PEM private key, for the algorithm its type suggests: ES256 for a
   * P-256 key, EdDSA for Ed25519, RS256 for RSA.
   *
   * @param file the file
   * @return the key
   * @throws IllegalArgumentException if it is not such a key
   * @throws UncheckedIOException if it cannot be read
   */
  public static SigningKey readPem(Path file) {
    return readPem(file, null);
  }

  /**
   * Reads an unencrypted PKCS#8 PEM private key for an algorithm.
   *
   * @param file the file
   * @param algorithm the algorithm, or {@code null} to infer it from the key type
   * @return the key
   * @throws IllegalArgumentException if it is not a key for the algorithm
   * @throws UncheckedIOException if it cannot be read
   */
  public static SigningKey readPem(Path file, @Nullable JwsAlgorithm algorithm) {
    byte[] der = pemBody(new String(read(file), StandardCharsets.US_ASCII));
    for (String type : List.of("EC", "Ed25519", "RSA")) {
      PrivateKey privateKey;
      try {
        privateKey = KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        continue;
      }
      JwsAlgorithm chosen = algorithm != null ? algorithm
          : switch (type) {
            case "EC" -> JwsAlgorithm.ES256;
            case "Ed25519" -> JwsAlgorithm.EDDSA;
            default -> JwsAlgorithm.RS256;
          };
      return SigningKey.of(new KeyPair(publicOf(privateKey), privateKey), chosen);
    }
    throw new IllegalArgumentException(file + " holds no P-256, Ed25519 or RSA private key");
  }

  /**
   * Writes a key as unencrypted PKCS#8 PEM, owner-only.
   *
   * @param file the file, replaced if it exists
   * @param key the key
   * @throws UncheckedIOException if it cannot be written
   */
  public static void writePem(Path file, SigningKey key) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.privateKey().getEncoded());
    write(file, (PEM_BEGIN + "\n" + body + "\n" + PEM_END + "\n").getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Reads a private key from a PKCS#12 key store; the public key comes from the entry's certificate.
   *
   * @param file the key store
   * @param password the store's and the entry's password
   * @param alias the entry, or {@code null} when the store holds exactly one key
   * @param algorithm the algorithm the key signs with
   * @return the key, its {@code kid} the RFC 7638 thumbprint
   * @throws IllegalArgumentException if the store cannot be opened with the password, or holds no
   *     such key
   * @throws UncheckedIOException if it cannot be read
   */
  public static SigningKey readPkcs12(Path file, char[] password, @Nullable String alias, JwsAlgorithm algorithm) {
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(algorithm, "algorithm");
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      String entry = alias != null ? alias : onlyKeyEntry(store);
      Key key = store.getKey(entry, password);
      Certificate certificate = store.getCertificate(entry);
      if (!(key instanceof PrivateKey privateKey) || certificate == null) {
        throw new IllegalArgumentException("the key store has no private key entry " + entry);
      }
      return SigningKey.of(new KeyPair(certificate.getPublicKey(), privateKey), algorithm);
    } catch (IOException e) {
      if (e.getCause() instanceof java.security.UnrecoverableKeyException) {
        throw new IllegalArgumentException("wrong password for " + file);
      }
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot open the PKCS#12 key store " + file + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * Writes a key to a new PKCS#12 key store, owner-only, with a self-signed certificate whose subject
   * is the key's {@code kid}.
   *
   * @param file the key store, replaced if it exists
   * @param key the key
   * @param alias the entry's name
   * @param password the store's and the entry's password
   * @throws UncheckedIOException if it cannot be written
   */
  public static void writePkcs12(Path file, SigningKey key, String alias, char[] password) {
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(password, "password");
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(alias, key.privateKey(), password,
          new Certificate[] {SelfSignedCertificate.of(key, Instant.now())});
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      store.store(out, password);
      write(file, out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a PKCS#12 key store (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static String onlyKeyEntry(KeyStore store) throws GeneralSecurityException {
    List<String> keys = new ArrayList<>();
    for (String alias : Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias)) {
        keys.add(alias);
      }
    }
    if (keys.size() != 1) {
      throw new IllegalArgumentException("the key store holds " + keys.size() + " keys; name the alias");
    }
    return keys.get(0);
  }

  private static PublicKey publicOf(PrivateKey key) {
    if (key instanceof ECPrivateKey ec) {
      return P256Keys.publicOf(ec);
    }
    if (key instanceof RSAPrivateCrtKey rsa) {
      try {
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException("not a valid RSA key");
      }
    }
    if ("Ed25519".equalsIgnoreCase(key.getAlgorithm()) || "EdDSA".equalsIgnoreCase(key.getAlgorithm())) {
      return Ed25519Keys.publicOf(Ed25519Keys.rawPrivate(key));
    }
    throw new IllegalArgumentException("unsupported private key type " + key.getAlgorithm());
  }

  private static byte[] pemBody(String pem) {
    int begin = pem.indexOf(PEM_BEGIN);
    int end = pem.indexOf(PEM_END);
    if (begin < 0 || end < begin) {
      if (pem.contains("-----BEGIN EC PRIVATE KEY-----") || pem.contains("-----BEGIN RSA PRIVATE KEY-----")) {
        throw new IllegalArgumentException("not PKCS#8; convert it with: openssl pkcs8 -topk8 -nocrypt");
      }
      throw new IllegalArgumentException("no unencrypted PKCS#8 private key (" + PEM_BEGIN + ") found");
    }
    try {
      return Base64.getMimeDecoder().decode(pem.substring(begin + PEM_BEGIN.length(), end));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the PEM body is not base64");
    }
  }

  private static byte[] read(Path file) {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new IllegalArgumentException(file + " is too large for a key file");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void write(Path file, byte[] content) {
    try {
      OwnerOnlyFiles.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
