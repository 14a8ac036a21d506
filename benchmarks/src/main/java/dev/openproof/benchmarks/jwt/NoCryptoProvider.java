package dev.openproof.benchmarks.jwt;

import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.SignatureSpi;
import java.security.interfaces.RSAKey;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;

/**
 * A JCA provider whose signatures cost nothing: each of the wire contract's four signature algorithms
 * and the DER form of ES256 the peers use, accepts every signature and signs with a constant of the right length. Installed first, it takes
 * the place of the JDK's providers for every key built after it, so what a benchmark then measures of
 * our signer or verifier is everything but the cryptography. For benchmarks only: never install it
 * beside real keys.
 */
final class NoCryptoProvider extends Provider {
  private static final long serialVersionUID = 1L;
  private static final String NAME = "OpenProofNoCrypto";

  private NoCryptoProvider() {
    super(NAME, "1", "signatures that cost nothing, for benchmarks of the code around them");
    for (String algorithm : new String[] {"SHA256withECDSAinP1363Format", "SHA256withECDSA", "Ed25519", "SHA256withRSA", "RSASSA-PSS"}) {
      putService(new Service(this, "Signature", algorithm, Spi.class.getName(), null, null));
    }
  }

  /** Installs the provider first, once per JVM. */
  static synchronized void install() {
    if (Security.getProvider(NAME) == null) {
      Security.insertProviderAt(new NoCryptoProvider(), 1);
    }
  }

  /** A signature that is always valid; it signs with 64 bytes of 1, or a modulus's length for RSA. */
  public static final class Spi extends SignatureSpi {
    private int length = 64;

    /** Created by the JCA. */
    public Spi() {}

    @Override
    protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
      length = lengthFor(publicKey);
    }

    @Override
    protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
      length = lengthFor(privateKey);
    }

    private static int lengthFor(java.security.Key key) {
      return key instanceof RSAKey rsa ? (rsa.getModulus().bitLength() + 7) / 8 : 64;
    }

    @Override
    protected void engineUpdate(byte b) {}

    @Override
    protected void engineUpdate(byte[] b, int off, int len) {}

    @Override
    protected byte[] engineSign() {
      byte[] signature = new byte[length];
      Arrays.fill(signature, (byte) 1);
      return signature;
    }

    @Override
    protected boolean engineVerify(byte[] sigBytes) {
      return true;
    }

    @Override
    protected void engineSetParameter(AlgorithmParameterSpec params) {}

    @Override
    @Deprecated
    protected void engineSetParameter(String param, Object value) {}

    @Override
    @Deprecated
    protected Object engineGetParameter(String param) {
      throw new UnsupportedOperationException("no parameters");
    }
  }
}
