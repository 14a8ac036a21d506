package dev.openproof.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A certificate authority made in the test, as a company's private CA is: an EC P-256 root that
 * signs server certificates for the names a test asks for. The certificates are written in DER by
 * hand (X.509 v3 with basic constraints, key usage and subject alternative names), so no tool or
 * library beyond the JDK is needed.
 */
final class TestCa {
  private static final byte[] ECDSA_WITH_SHA256 = oid(1, 2, 840, 10045, 4, 3, 2);
  private static final byte[] COMMON_NAME = oid(2, 5, 4, 3);
  private static final byte[] BASIC_CONSTRAINTS = oid(2, 5, 29, 19);
  private static final byte[] KEY_USAGE = oid(2, 5, 29, 15);
  private static final byte[] SUBJECT_ALT_NAME = oid(2, 5, 29, 17);
  private static final byte[] EXT_KEY_USAGE = oid(2, 5, 29, 37);
  private static final byte[] SERVER_AUTH = oid(1, 3, 6, 1, 5, 5, 7, 3, 1);
  private static final AtomicLong SERIALS = new AtomicLong(1);

  private final String name;
  private final KeyPair keys;
  private final X509Certificate certificate;

  private TestCa(String name, KeyPair keys, X509Certificate certificate) {
    this.name = name;
    this.keys = keys;
    this.certificate = certificate;
  }

  /** A new self-signed root. */
  static TestCa create(String name) {
    KeyPair keys = ecKeys();
    byte[] extensions = seq(
        extension(BASIC_CONSTRAINTS, true, seq(tlv(0x01, new byte[] {(byte) 0xff}))),
        extension(KEY_USAGE, true, tlv(0x03, new byte[] {1, 0x06}))); // keyCertSign, cRLSign
    return new TestCa(name, keys, sign(name, name, keys.getPublic().getEncoded(), extensions, keys.getPrivate()));
  }

  /** The root certificate, which a client trusts. */
  X509Certificate certificate() {
    return certificate;
  }

  /** The root certificate in PEM, as a company hands it out. */
  String pem() {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A server's TLS context: a new key and a certificate this CA signs for the DNS names and IP
   * addresses given.
   */
  SSLContext serverContext(List<String> dnsNames, List<InetAddress> addresses) {
    try {
      KeyPair serverKeys = ecKeys();
      ByteArrayOutputStream names = new ByteArrayOutputStream();
      for (String dns : dnsNames) {
        names.writeBytes(tlv(0x82, dns.getBytes(StandardCharsets.US_ASCII)));
      }
      for (InetAddress address : addresses) {
        names.writeBytes(tlv(0x87, address.getAddress()));
      }
      byte[] extensions = seq(
          extension(BASIC_CONSTRAINTS, true, seq()),
          extension(KEY_USAGE, true, tlv(0x03, new byte[] {7, (byte) 0x80})), // digitalSignature
          extension(EXT_KEY_USAGE, false, seq(tlv(0x06, SERVER_AUTH))),
          extension(SUBJECT_ALT_NAME, false, tlv(0x30, names.toByteArray())));
      String subject = dnsNames.isEmpty() ? "server" : dnsNames.get(0);
      X509Certificate server = sign(subject, name, serverKeys.getPublic().getEncoded(), extensions, keys.getPrivate());
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      char[] password = "test".toCharArray();
      store.setKeyEntry("server", serverKeys.getPrivate(), password, new Certificate[] {server, certificate});
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair ecKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate sign(String subject, String issuer, byte[] publicKeyInfo, byte[] extensions,
      PrivateKey signer) {
    try {
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      byte[] algorithm = seq(tlv(0x06, ECDSA_WITH_SHA256));
      byte[] tbs = seq(
          tlv(0xa0, tlv(0x02, new byte[] {2})), // v3
          tlv(0x02, BigInteger.valueOf(SERIALS.getAndIncrement()).toByteArray()),
          algorithm,
          name(issuer),
          seq(time(now.minus(1, ChronoUnit.DAYS)), time(now.plus(1, ChronoUnit.DAYS))),
          name(subject),
          publicKeyInfo,
          tlv(0xa3, extensions));
      Signature signature = Signature.getInstance("SHA256withECDSA");
      signature.initSign(signer);
      signature.update(tbs);
      byte[] value = signature.sign();
      byte[] bits = new byte[value.length + 1];
      System.arraycopy(value, 0, bits, 1, value.length);
      byte[] der = seq(tbs, algorithm, tlv(0x03, bits));
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] name(String commonName) {
    return seq(tlv(0x31, seq(tlv(0x06, COMMON_NAME), tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
  }

  private static byte[] time(Instant instant) {
    String text = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC).format(instant);
    return tlv(0x17, text.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] extension(byte[] oid, boolean critical, byte[] value) {
    return critical
        ? seq(tlv(0x06, oid), tlv(0x01, new byte[] {(byte) 0xff}), tlv(0x04, value))
        : seq(tlv(0x06, oid), tlv(0x04, value));
  }

  private static byte[] seq(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return tlv(0x30, out.toByteArray());
  }

  private static byte[] tlv(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = value.length;
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
    out.writeBytes(value);
    return out.toByteArray();
  }

  /** The content octets of an OBJECT IDENTIFIER. */
  private static byte[] oid(int... arcs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(arcs[0] * 40 + arcs[1]);
    for (int i = 2; i < arcs.length; i++) {
      int arc = arcs[i];
      int shift = 28;
      while (shift > 0 && (arc >>> shift) == 0) {
        shift -= 7;
      }
      for (; shift > 0; shift -= 7) {
        out.write(0x80 | ((arc >>> shift) & 0x7f));
      }
      out.write(arc & 0x7f);
    }
    return out.toByteArray();
  }
}
