package dev.openproof.jwt.key;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A minimal self-signed X.509 v3 certificate for a signing key: a PKCS#12 key store needs one to hold
 * a private key. It carries no meaning beyond binding the public key; verifiers use the JWK Set.
 */
final class SelfSignedCertificate {
  private static final byte[] ECDSA_SHA256 = {0x30, 0x0a, 0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x04, 0x03, 0x02};
  private static final byte[] RSA_SHA256 = {
    0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00
  };
  private static final byte[] ED25519 = {0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70};
  private static final byte[] COMMON_NAME = {0x06, 0x03, 0x55, 0x04, 0x03};
  private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

  private SelfSignedCertificate() {}

  static X509Certificate of(SigningKey key, Instant notBefore) throws GeneralSecurityException {
    byte[] algorithmId;
    String jcaName;
    switch (key.algorithm()) {
      case ES256 -> {
        algorithmId = ECDSA_SHA256;
        jcaName = "SHA256withECDSA";
      }
      case EDDSA -> {
        algorithmId = ED25519;
        jcaName = "Ed25519";
      }
      default -> {
        algorithmId = RSA_SHA256;
        jcaName = "SHA256withRSA";
      }
    }
    byte[] name = tlv(0x30, tlv(0x31, tlv(0x30, COMMON_NAME, tlv(0x0c, key.keyId().getBytes(StandardCharsets.UTF_8)))));
    byte[] validity = tlv(0x30,
        tlv(0x17, UTC_TIME.format(notBefore).getBytes(StandardCharsets.US_ASCII)),
        tlv(0x18, "99991231235959Z".getBytes(StandardCharsets.US_ASCII)));
    byte[] serial = tlv(0x02, new BigInteger(63, new SecureRandom()).add(BigInteger.ONE).toByteArray());
    byte[] version = tlv(0xa0, tlv(0x02, new byte[] {2}));
    byte[] tbs = tlv(0x30, version, serial, algorithmId, name, validity, name, key.publicKey().getEncoded());
    Signature signer = Signature.getInstance(jcaName);
    signer.initSign(key.privateKey());
    signer.update(tbs);
    byte[] signature = signer.sign();
    byte[] bits = new byte[signature.length + 1];
    System.arraycopy(signature, 0, bits, 1, signature.length);
    byte[] der = tlv(0x30, tbs, algorithmId, tlv(0x03, bits));
    return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  private static byte[] tlv(int tag, byte[]... parts) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      content.writeBytes(part);
    }
    int length = content.size();
    ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
    out.write(tag);
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length & 0xff);
    }
    out.writeBytes(content.toByteArray());
    return out.toByteArray();
  }
}
