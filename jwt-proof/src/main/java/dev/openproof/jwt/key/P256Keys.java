package dev.openproof.jwt.key;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;

/**
 * P-256 helpers: the curve's parameters and the public key of a private key, which a PKCS#8 file may
 * not carry and the JDK does not compute. Used when a key is loaded, never per signature.
 */
final class P256Keys {
  static final ECParameterSpec PARAMS = params();
  private static final BigInteger P = ((ECFieldFp) PARAMS.getCurve().getField()).getP();
  private static final BigInteger A = PARAMS.getCurve().getA();

  private P256Keys() {}

  static boolean isP256(ECParameterSpec spec) {
    return spec.getOrder().equals(PARAMS.getOrder())
        && spec.getGenerator().equals(PARAMS.getGenerator())
        && spec.getCurve().equals(PARAMS.getCurve());
  }

  static PublicKey publicOf(ECPrivateKey key) {
    if (!isP256(key.getParams())) {
      throw new IllegalArgumentException("only P-256 EC keys are supported");
    }
    BigInteger d = key.getS();
    if (d.signum() <= 0 || d.compareTo(PARAMS.getOrder()) >= 0) {
      throw new IllegalArgumentException("not a valid P-256 private key");
    }
    ECPoint q = multiply(PARAMS.getGenerator(), d);
    try {
      return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(q, PARAMS));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a P-256 public key", e);
    }
  }

  /** Double-and-add in affine coordinates; the result is checked by the caller's test signature. */
  private static ECPoint multiply(ECPoint point, BigInteger k) {
    ECPoint result = ECPoint.POINT_INFINITY;
    for (int i = k.bitLength() - 1; i >= 0; i--) {
      result = add(result, result);
      if (k.testBit(i)) {
        result = add(result, point);
      }
    }
    return result;
  }

  private static ECPoint add(ECPoint p1, ECPoint p2) {
    if (p1.equals(ECPoint.POINT_INFINITY)) {
      return p2;
    }
    if (p2.equals(ECPoint.POINT_INFINITY)) {
      return p1;
    }
    BigInteger x1 = p1.getAffineX();
    BigInteger y1 = p1.getAffineY();
    BigInteger x2 = p2.getAffineX();
    BigInteger y2 = p2.getAffineY();
    BigInteger lambda;
    if (x1.equals(x2)) {
      if (!y1.equals(y2) || y1.signum() == 0) {
        return ECPoint.POINT_INFINITY;
      }
      lambda = x1.pow(2).multiply(BigInteger.valueOf(3)).add(A).multiply(y1.shiftLeft(1).modInverse(P)).mod(P);
    } else {
      lambda = y2.subtract(y1).multiply(x2.subtract(x1).modInverse(P)).mod(P);
    }
    BigInteger x3 = lambda.pow(2).subtract(x1).subtract(x2).mod(P);
    BigInteger y3 = lambda.multiply(x1.subtract(x3)).subtract(y1).mod(P);
    return new ECPoint(x3, y3);
  }

  private static ECParameterSpec params() {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK offers no P-256", e);
    }
  }
}
