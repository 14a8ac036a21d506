package dev.openproof.jwt.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Objects;

/**
 * A public key that checks JWS signatures of one algorithm with the JDK's own providers: ES256 in its
 * JOSE form {@code R || S} (no DER transcoding), EdDSA on Ed25519, RS256 and PS256. Built once per
 * key; immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class VerificationKey {
  /** The minimum RSA modulus, in bits. */
  public static final int MIN_RSA_BITS = 2048;

  private static final PSSParameterSpec PSS_SHA256 =
      new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);
  private static final byte[] P256_ORDER = unsigned32(P256Keys.PARAMS.getOrder().toByteArray());

  private final JwsAlgorithm algorithm;
  private final String keyId;
  private final PublicKey key;
  private final int signatureLength;
  private final String jcaName;
  private final Provider provider;
  /**
   * {@code Signature} objects are not thread-safe; each thread keeps one per key, initialized with the
   * key once: after {@code verify} a {@code Signature} is ready for the next check with the same key.
   */
  private final ThreadLocal<Signature> signatures;

  private VerificationKey(JwsAlgorithm algorithm, String keyId, PublicKey key) {
    this.algorithm = algorithm;
    this.keyId = keyId;
    this.key = key;
    this.signatureLength = checkKey(algorithm, key);
    this.jcaName = switch (algorithm) {
      case ES256 -> "SHA256withECDSAinP1363Format";
      case EDDSA -> "Ed25519";
      case RS256 -> "SHA256withRSA";
      case PS256 -> "RSASSA-PSS";
    };
    try {
      this.provider = Signature.getInstance(jcaName).getProvider();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK offers no " + jcaName, e);
    }
    Signature first = newSignature();
    this.signatures = ThreadLocal.withInitial(this::newSignature);
    this.signatures.set(first);
  }

  private Signature newSignature() {
    try {
      Signature signature = Signature.getInstance(jcaName, provider);
      if (algorithm == JwsAlgorithm.PS256) {
        signature.setParameter(PSS_SHA256);
      }
      signature.initVerify(key);
      return signature;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the JDK's " + jcaName + " is unavailable for this key", e);
    }
  }

  /**
   * A verification key from a JCA public key.
   *
   * @param key the public key: P-256 for ES256, Ed25519 for EdDSA, RSA of 2048 bits or more
   * @param algorithm the algorithm the key is for
   * @param keyId the key's id
   * @return the key
   * @throws IllegalArgumentException if the key does not fit the algorithm
   */
  public static VerificationKey of(PublicKey key, JwsAlgorithm algorithm, String keyId) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(keyId, "keyId");
    return new VerificationKey(algorithm, keyId, key);
  }

  /**
   * A verification key from a public JWK that names its {@code kid} and {@code alg}.
   *
   * @param jwk the JWK
   * @return the key
   * @throws IllegalArgumentException if the JWK lacks {@code kid} or {@code alg}, names an algorithm
   *     outside the wire contract, or its key does not fit the algorithm
   */
  public static VerificationKey of(JWK jwk) {
    Objects.requireNonNull(jwk, "jwk");
    if (jwk.getKeyID() == null || jwk.getKeyID().isEmpty()) {
      throw new IllegalArgumentException("the key has no kid");
    }
    if (jwk.getAlgorithm() == null) {
      throw new IllegalArgumentException("the key has no alg");
    }
    JwsAlgorithm algorithm = JwsAlgorithm.fromJoseName(jwk.getAlgorithm().getName())
        .orElseThrow(() -> new IllegalArgumentException(
            "its alg is not one of the wire contract's (ES256, EdDSA, RS256, PS256)"));
    return new VerificationKey(algorithm, jwk.getKeyID(), publicKeyOf(jwk));
  }

  /**
   * The algorithm this key verifies.
   *
   * @return the algorithm
   */
  public JwsAlgorithm algorithm() {
    return algorithm;
  }

  /**
   * The key's id.
   *
   * @return the {@code kid}
   */
  public String keyId() {
    return keyId;
  }

  /**
   * The JCA public key.
   *
   * @return the key
   */
  public PublicKey publicKey() {
    return key;
  }

  /**
   * Checks a JWS signature.
   *
   * @param signingInput the JWS signing input, as ASCII bytes
   * @param signature the decoded JWS signature
   * @return {@code true} only if the signature is one of this key's over exactly these bytes
   */
  public boolean verify(byte[] signingInput, byte[] signature) {
    return verify(signingInput, 0, signingInput.length, signature);
  }

  /**
   * Checks a JWS signature over a range of bytes, such as the first two parts of a token's ASCII.
   *
   * @param data the bytes holding the JWS signing input
   * @param offset where the signing input starts
   * @param length how many bytes it has
   * @param signature the decoded JWS signature
   * @return {@code true} only if the signature is one of this key's over exactly these bytes
   * @throws IndexOutOfBoundsException if the range is not within {@code data}
   */
  public boolean verify(byte[] data, int offset, int length, byte[] signature) {
    Objects.checkFromIndexSize(offset, length, data.length);
    if (signature.length != signatureLength) {
      return false;
    }
    if (algorithm == JwsAlgorithm.ES256 && !ecdsaScalarsInRange(signature)) {
      return false;
    }
    Signature verifier = signatures.get();
    try {
      verifier.update(data, offset, length);
      return verifier.verify(signature);
    } catch (SignatureException e) {
      signatures.remove();
      return false;
    } catch (RuntimeException e) {
      signatures.remove();
      throw e;
    }
  }

  @Override
  public String toString() {
    return "VerificationKey[alg=" + algorithm + ", kid=" + keyId + "]";
  }

  /** Rejects r or s of zero or not below the group order, whatever the provider would do. */
  private static boolean ecdsaScalarsInRange(byte[] signature) {
    return inRange(signature, 0) && inRange(signature, 32);
  }

  private static boolean inRange(byte[] signature, int from) {
    boolean zero = true;
    for (int i = from; i < from + 32; i++) {
      if (signature[i] != 0) {
        zero = false;
        break;
      }
    }
    return !zero && Arrays.compareUnsigned(signature, from, from + 32, P256_ORDER, 0, 32) < 0;
  }

  private static byte[] unsigned32(byte[] twosComplement) {
    byte[] out = new byte[32];
    int copy = Math.min(32, twosComplement.length);
    System.arraycopy(twosComplement, twosComplement.length - copy, out, 32 - copy, copy);
    return out;
  }

  /** Checks that the key fits the algorithm; returns the length its signatures have. */
  private static int checkKey(JwsAlgorithm algorithm, PublicKey key) {
    switch (algorithm) {
      case ES256 -> {
        if (!(key instanceof ECPublicKey ec) || !P256Keys.isP256(ec.getParams())) {
          throw new IllegalArgumentException("ES256 needs a P-256 EC key");
        }
        return 64;
      }
      case EDDSA -> {
        if (!(key instanceof EdECPublicKey ed) || !"Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
          throw new IllegalArgumentException("EdDSA needs an Ed25519 key");
        }
        return 64;
      }
      default -> {
        if (!(key instanceof RSAPublicKey rsa)) {
          throw new IllegalArgumentException(algorithm + " needs an RSA key");
        }
        int bits = rsa.getModulus().bitLength();
        if (bits < MIN_RSA_BITS) {
          throw new IllegalArgumentException(algorithm + " needs an RSA key of at least " + MIN_RSA_BITS + " bits, not " + bits);
        }
        return (bits + 7) / 8;
      }
    }
  }

  /**
   * The JCA public key of a JWK: EC P-256, OKP Ed25519 or RSA.
   *
   * @param jwk the JWK; private members, if any, are ignored
   * @return the public key
   * @throws IllegalArgumentException for any other key type or curve
   */
  static PublicKey publicKeyOf(JWK jwk) {
    try {
      if (jwk instanceof ECKey ec) {
        if (!Curve.P_256.equals(ec.getCurve())) {
          throw new IllegalArgumentException("only P-256 EC keys are supported");
        }
        return ec.toECPublicKey();
      }
      if (jwk instanceof OctetKeyPair okp) {
        if (!Curve.Ed25519.equals(okp.getCurve())) {
          throw new IllegalArgumentException("only Ed25519 OKP keys are supported");
        }
        return Ed25519Keys.publicKey(okp.getDecodedX());
      }
      if (jwk instanceof RSAKey rsa) {
        return rsa.toRSAPublicKey();
      }
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the JWK does not hold a valid public key");
    }
    throw new IllegalArgumentException("unsupported key type " + jwk.getKeyType());
  }
}
