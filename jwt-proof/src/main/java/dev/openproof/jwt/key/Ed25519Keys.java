package dev.openproof.jwt.key;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Ed25519 keys on the JDK's own provider (JDK 15+): conversions between the raw 32-byte values of an
 * OKP JWK ({@code x}, {@code d}) and JCA keys.
 */
final class Ed25519Keys {
  /** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw key follows it. */
  private static final byte[] SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };
  private static final int KEY_BYTES = 32;

  private Ed25519Keys() {}

  static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK offers no Ed25519", e);
    }
  }

  static PublicKey publicKey(byte[] x) {
    if (x.length != KEY_BYTES) {
      throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + x.length);
    }
    byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + KEY_BYTES);
    System.arraycopy(x, 0, spki, SPKI_PREFIX.length, KEY_BYTES);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 public key");
    }
  }

  static PrivateKey privateKey(byte[] d) {
    if (d.length != KEY_BYTES) {
      throw new IllegalArgumentException("an Ed25519 private key has 32 bytes");
    }
    try {
      return KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, d));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 private key");
    }
  }

  static byte[] rawPublic(PublicKey key) {
    byte[] spki = key.getEncoded();
    if (spki == null || spki.length != SPKI_PREFIX.length + KEY_BYTES
        || !Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
      throw new IllegalArgumentException("not an Ed25519 public key");
    }
    return Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length);
  }

  static byte[] rawPrivate(PrivateKey key) {
    if (!(key instanceof EdECPrivateKey ed) || !"Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
      throw new IllegalArgumentException("not an Ed25519 private key");
    }
    return ed.getBytes().orElseThrow(() -> new IllegalArgumentException("the Ed25519 private key is not extractable"));
  }

  /**
   * The public key of a private key. The JDK has no call for it, but its key pair generator derives
   * the public key from the 32 random bytes it draws; handing it the private key as those bytes
   * yields the pair.
   */
  static PublicKey publicOf(byte[] d) {
    if (d.length != KEY_BYTES) {
      throw new IllegalArgumentException("an Ed25519 private key has 32 bytes");
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(d));
      KeyPair pair = generator.generateKeyPair();
      if (!Arrays.equals(rawPrivate(pair.getPrivate()), d)) {
        throw new IllegalStateException("this JDK derives Ed25519 keys differently");
      }
      return pair.getPublic();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK offers no Ed25519", e);
    }
  }

  /** A "random" source that yields one given value; only for {@link #publicOf(byte[])}. */
  private static final class FixedBytes extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] value;

    FixedBytes(byte[] value) {
      this.value = value.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (bytes.length != value.length) {
        throw new IllegalStateException("unexpected draw of " + bytes.length + " bytes");
      }
      System.arraycopy(value, 0, bytes, 0, value.length);
    }
  }
}
