package dev.openproof.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * Reads the certificates an SMTP connection trusts: a PEM file of CA certificates or a PKCS#12 trust
 * store, at most {@value #MAX_BYTES} bytes, and makes the {@link SSLContext} that trusts them and
 * nothing else.
 */
final class TrustSources {
  static final int MAX_BYTES = 1 << 20;
  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

  private TrustSources() {}

  /** A PEM file of certificates, or a PKCS#12 store opened with the password (may be null). */
  static KeyStore read(Path file, char @Nullable [] password) {
    byte[] bytes = readBounded(file);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    KeyStore store = text.contains("-----BEGIN ") ? pem(file, text) : pkcs12(file, bytes, password);
    if (trustedCount(store) == 0) {
      throw new IllegalArgumentException("the trust store " + file + " holds no trusted certificate"
          + (password == null && !text.contains("-----BEGIN ") ? " that can be read without its password" : ""));
    }
    return store;
  }

  /** A TLS context whose only trust anchors are the store's certificates. */
  static SSLContext context(KeyStore store) {
    try {
      TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the trust store cannot be used for TLS: " + e.getMessage(), e);
    }
  }

  /** How many trusted certificate entries the store holds. */
  static int trustedCount(KeyStore store) {
    try {
      int count = 0;
      for (String alias : Collections.list(store.aliases())) {
        if (store.isCertificateEntry(alias)) {
          count++;
        }
      }
      return count;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the trust store cannot be read: " + e.getMessage(), e);
    }
  }

  private static byte[] readBounded(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new IllegalArgumentException("the trust store " + file + " is larger than " + MAX_BYTES + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("the trust store " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static KeyStore pem(Path file, String text) {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      List<Certificate> certificates = new ArrayList<>();
      Matcher m = PEM.matcher(text);
      while (m.find()) {
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        certificates.add(factory.generateCertificate(new ByteArrayInputStream(der)));
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < certificates.size(); i++) {
        store.setCertificateEntry("trusted-" + i, certificates.get(i));
      }
      return store;
    } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("the trust store " + file + " is not a valid PEM file of certificates: "
          + e.getMessage(), e);
    }
  }

  private static KeyStore pkcs12(Path file, byte[] bytes, char @Nullable [] password) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(bytes), password);
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("the trust store " + file + " is neither a PEM file of certificates nor a"
          + " PKCS#12 store that opens with the password given: " + e.getMessage(), e);
    }
  }
}
