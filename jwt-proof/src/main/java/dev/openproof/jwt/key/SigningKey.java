package dev.openproof.jwt.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import dev.openproof.core.exchange.SigningException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.text.ParseException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A private signing key held in memory, with its public half: ES256 (P-256), EdDSA (Ed25519), RS256
 * or PS256 (RSA, 2048 bits or more). Its {@code kid} is the RFC 7638 thumbprint of the public key
 * unless a loaded JWK names another. It signs with the JDK's own providers: ES256 directly in JWS's
 * {@code R || S} form (no DER transcoding), EdDSA on Ed25519, RS256 and PS256; each thread keeps a
 * {@code Signature} initialized with the key once.
 *
 * <p>Immutable and thread-safe. {@link #toString()} names the algorithm and key id only: the private
 * key never appears in a string, an exception or a log line.
 *
 * @since 0.1.0
 */
public final class SigningKey implements ContentSigner {
  private static final byte[] SELF_TEST = "openproof key check".getBytes(StandardCharsets.US_ASCII);

  private final JwsAlgorithm algorithm;
  private final JWK privateJwk;
  private final JWK publicJwk;
  private final PrivateKey privateKey;
  private final VerificationKey verificationKey;
  private final String jcaName;
  private final ThreadLocal<Signature> signatures;

  private SigningKey(JwsAlgorithm algorithm, JWK privateJwk, PrivateKey privateKey, PublicKey publicKey) {
    this.algorithm = algorithm;
    this.privateJwk = privateJwk;
    this.publicJwk = privateJwk.toPublicJWK();
    this.privateKey = privateKey;
    this.verificationKey = VerificationKey.of(publicKey, algorithm, privateJwk.getKeyID());
    checkPrivateKey(algorithm, privateKey);
    this.jcaName = switch (algorithm) {
      case ES256 -> "SHA256withECDSAinP1363Format";
      case EDDSA -> "Ed25519";
      case RS256 -> "SHA256withRSA";
      case PS256 -> "RSASSA-PSS";
    };
    newSignature();
    this.signatures = ThreadLocal.withInitial(this::newSignature);
    if (!verificationKey.verify(SELF_TEST, sign(SELF_TEST))) {
      throw new IllegalArgumentException("the private and the public key do not belong together");
    }
  }

  /**
   * Generates a new key: P-256 for ES256, Ed25519 for EdDSA, RSA of 2048 bits for RS256 and PS256.
   *
   * @param algorithm the algorithm the key signs with
   * @return the key, its {@code kid} the RFC 7638 thumbprint
   */
  public static SigningKey generate(JwsAlgorithm algorithm) {
    return generate(algorithm, VerificationKey.MIN_RSA_BITS);
  }

  /**
   * Generates a new key, an RSA key of the given size for RS256 and PS256.
   *
   * @param algorithm the algorithm the key signs with
   * @param rsaBits the RSA modulus size, 2048 or more; ignored for ES256 and EdDSA
   * @return the key, its {@code kid} the RFC 7638 thumbprint
   * @throws IllegalArgumentException if {@code rsaBits} is below 2048
   */
  public static SigningKey generate(JwsAlgorithm algorithm, int rsaBits) {
    Objects.requireNonNull(algorithm, "algorithm");
    try {
      KeyPair pair = switch (algorithm) {
        case ES256 -> {
          KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
          generator.initialize(new ECGenParameterSpec("secp256r1"));
          yield generator.generateKeyPair();
        }
        case EDDSA -> Ed25519Keys.generate();
        case RS256, PS256 -> {
          if (rsaBits < VerificationKey.MIN_RSA_BITS) {
            throw new IllegalArgumentException("RSA keys have at least " + VerificationKey.MIN_RSA_BITS + " bits");
          }
          KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
          generator.initialize(rsaBits);
          yield generator.generateKeyPair();
        }
      };
      return of(pair, algorithm);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot generate " + algorithm + " keys", e);
    }
  }

  /**
   * A signing key from a JCA key pair; its {@code kid} is the RFC 7638 thumbprint.
   *
   * @param pair the key pair
   * @param algorithm the algorithm the key signs with
   * @return the key
   * @throws IllegalArgumentException if the keys do not fit the algorithm or do not belong together
   */
  public static SigningKey of(KeyPair pair, JwsAlgorithm algorithm) {
    Objects.requireNonNull(pair, "pair");
    Objects.requireNonNull(algorithm, "algorithm");
    PublicKey publicKey = pair.getPublic();
    PrivateKey privateKey = pair.getPrivate();
    try {
      JWK jwk;
      if (algorithm == JwsAlgorithm.ES256 && publicKey instanceof ECPublicKey ec && privateKey instanceof ECPrivateKey ecPrivate) {
        jwk = JwkBuilders.ec(new ECKey.Builder(Curve.P_256, ec).privateKey(ecPrivate), algorithm, null);
      } else if (algorithm == JwsAlgorithm.EDDSA && privateKey instanceof EdECPrivateKey) {
        jwk = JwkBuilders.okp(new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(Ed25519Keys.rawPublic(publicKey)))
            .d(Base64URL.encode(Ed25519Keys.rawPrivate(privateKey))), algorithm, null);
      } else if (algorithm.isRsa() && publicKey instanceof RSAPublicKey rsa && privateKey instanceof RSAPrivateKey rsaPrivate) {
        jwk = JwkBuilders.rsa(new RSAKey.Builder(rsa).privateKey(rsaPrivate), algorithm, null);
      } else {
        throw new IllegalArgumentException("a " + privateKey.getAlgorithm() + " key cannot sign " + algorithm);
      }
      return new SigningKey(algorithm, jwk, privateKey, publicKey);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("cannot compute the key's thumbprint");
    }
  }

  /**
   * A signing key from a private JWK. Its algorithm is the JWK's {@code alg}, or for an EC or OKP key
   * without one, ES256 or EdDSA; its {@code kid} is the JWK's, or the thumbprint.
   *
   * @param jwk the private JWK
   * @return the key
   * @throws IllegalArgumentException if the JWK is public only, its algorithm is unknown or does not
   *     fit, or its parts do not belong together
   */
  public static SigningKey fromJwk(JWK jwk) {
    Objects.requireNonNull(jwk, "jwk");
    JwsAlgorithm algorithm;
    if (jwk.getAlgorithm() != null) {
      algorithm = JwsAlgorithm.fromJoseName(jwk.getAlgorithm().getName())
          .orElseThrow(() -> new IllegalArgumentException("the JWK's alg is not one this library signs with"));
    } else if (jwk instanceof ECKey) {
      algorithm = JwsAlgorithm.ES256;
    } else if (jwk instanceof OctetKeyPair) {
      algorithm = JwsAlgorithm.EDDSA;
    } else {
      throw new IllegalArgumentException("an RSA JWK must name its alg (RS256 or PS256)");
    }
    return fromJwk(jwk, algorithm);
  }

  /**
   * A signing key from a private JWK, for the given algorithm.
   *
   * @param jwk the private JWK
   * @param algorithm the algorithm; must agree with the JWK's {@code alg} when it has one
   * @return the key
   * @throws IllegalArgumentException if the JWK is public only, does not fit the algorithm, or its
   *     parts do not belong together
   */
  public static SigningKey fromJwk(JWK jwk, JwsAlgorithm algorithm) {
    Objects.requireNonNull(jwk, "jwk");
    Objects.requireNonNull(algorithm, "algorithm");
    if (!jwk.isPrivate()) {
      throw new IllegalArgumentException("the JWK holds no private key");
    }
    if (jwk.getAlgorithm() != null && !algorithm.joseName().equals(jwk.getAlgorithm().getName())) {
      throw new IllegalArgumentException("the JWK is for " + jwk.getAlgorithm().getName() + ", not " + algorithm);
    }
    String kid = jwk.getKeyID();
    try {
      PrivateKey privateKey;
      JWK normalized;
      if (algorithm == JwsAlgorithm.ES256 && jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
        privateKey = ec.toECPrivateKey();
        normalized = JwkBuilders.ec(new ECKey.Builder(Curve.P_256, ec.getX(), ec.getY()).d(ec.getD()), algorithm, kid);
      } else if (algorithm == JwsAlgorithm.EDDSA && jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
        privateKey = Ed25519Keys.privateKey(okp.getDecodedD());
        normalized = JwkBuilders.okp(new OctetKeyPair.Builder(Curve.Ed25519, okp.getX()).d(okp.getD()), algorithm, kid);
      } else if (algorithm.isRsa() && jwk instanceof RSAKey rsa) {
        privateKey = rsa.toRSAPrivateKey();
        normalized = JwkBuilders.rsa(
            new RSAKey.Builder(rsa.getModulus(), rsa.getPublicExponent()).privateKey(privateKey), algorithm, kid);
      } else {
        throw new IllegalArgumentException("the JWK's key type or curve does not fit " + algorithm);
      }
      return new SigningKey(algorithm, normalized, privateKey, VerificationKey.publicKeyOf(normalized));
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the JWK does not hold a valid key");
    }
  }

  /**
   * A signing key from the JSON of a private JWK.
   *
   * @param json the JWK as JSON
   * @return the key
   * @throws IllegalArgumentException if it is not a private JWK this library can sign with
   */
  public static SigningKey fromJwkJson(String json) {
    try {
      return fromJwk(JWK.parse(json));
    } catch (ParseException e) {
      throw new IllegalArgumentException("not a JWK");
    }
  }

  @Override
  public JwsAlgorithm algorithm() {
    return algorithm;
  }

  @Override
  public String keyId() {
    return privateJwk.getKeyID();
  }

  /**
   * The public half as a JWK with {@code kid}, {@code alg} and {@code use: sig}, no private member.
   *
   * @return the public JWK
   */
  public JWK publicJwk() {
    return publicJwk;
  }

  /**
   * The public half as a verification key.
   *
   * @return the verification key
   */
  public VerificationKey verificationKey() {
    return verificationKey;
  }

  @Override
  public byte[] sign(byte[] signingInput) {
    Objects.requireNonNull(signingInput, "signingInput");
    Signature signature = signatures.get();
    try {
      // After sign() a Signature is ready to sign again with the same key.
      signature.update(signingInput);
      return signature.sign();
    } catch (GeneralSecurityException | RuntimeException e) {
      signatures.remove();
      throw new SigningException("key " + keyId() + " failed to sign (" + e.getClass().getSimpleName() + ")", null);
    }
  }

  /** A {@code Signature} of the JDK's, initialized for signing with this key. */
  private Signature newSignature() {
    try {
      Signature signature = Signature.getInstance(jcaName);
      if (algorithm == JwsAlgorithm.PS256) {
        signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
      }
      signature.initSign(privateKey);
      return signature;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the JDK cannot sign " + algorithm + " with this key (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The private key must fit the algorithm as the public one does: P-256, Ed25519, RSA of 2048 bits or more. */
  private static void checkPrivateKey(JwsAlgorithm algorithm, PrivateKey key) {
    boolean fits = switch (algorithm) {
      case ES256 -> key instanceof ECPrivateKey ec && P256Keys.isP256(ec.getParams());
      case EDDSA -> key instanceof EdECPrivateKey;
      case RS256, PS256 -> key instanceof RSAPrivateKey rsa && rsa.getModulus().bitLength() >= VerificationKey.MIN_RSA_BITS;
    };
    if (!fits) {
      throw new IllegalArgumentException("the private key does not fit " + algorithm);
    }
  }

  /** The private JWK, for the key files of this package only. */
  JWK privateJwk() {
    return privateJwk;
  }

  /** The JCA private key, for the key files of this package only. */
  PrivateKey privateKey() {
    return privateKey;
  }

  /** The JCA public key. */
  PublicKey publicKey() {
    return verificationKey.publicKey();
  }

  @Override
  public String toString() {
    return "SigningKey[alg=" + algorithm + ", kid=" + keyId() + "]";
  }
}
