package dev.openproof.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.openproof.core.model.DeliveryReceipt;
import dev.openproof.core.exchange.DeliveryException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery through a company's mail relay whose certificate comes from the company's own CA: over
 * STARTTLS, to an in-process server with a certificate from a CA made in the test.
 */
class PrivateCaStartTlsTest {
  private static final TestCa COMPANY_CA = TestCa.create("Example Company Root CA");

  private final StartTlsSmtpServer relay = StartTlsSmtpServer.start(COMPANY_CA.serverContext(
      List.of("relay.example.test"), List.of(InetAddress.getLoopbackAddress())));

  @TempDir
  Path dir;

  @AfterEach
  void stop() {
    relay.close();
  }

  private SmtpSettings.Builder startTls(String host) {
    return Mails.settings(relay.port()).host(host).tls(TlsMode.STARTTLS_REQUIRED);
  }

  private Path companyCaPem() throws Exception {
    return Files.writeString(dir.resolve("company-ca.pem"), COMPANY_CA.pem(), StandardCharsets.US_ASCII);
  }

  @Test
  void aRelayWhoseCaIsTrustedFromAPemFileGetsTheMail() throws Exception {
    SmtpProofDelivery delivery = SmtpProofDelivery.create(startTls("127.0.0.1").trustStore(companyCaPem()).build());

    DeliveryReceipt receipt = delivery.deliver(Mails.russian("d-tls-1"));

    assertThat(receipt.messageId()).isNotBlank();
    assertThat(relay.messages()).singleElement().asString().contains("Message-ID: " + receipt.messageId());
    assertThat(relay.tlsProtocols()).singleElement().asString().startsWith("TLSv1.");
  }

  @Test
  void aPkcs12StoreAndAnSslContextAreTrustSourcesToo() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("company-ca", COMPANY_CA.certificate());
    char[] password = "changeit".toCharArray();
    Path p12 = dir.resolve("company-ca.p12");
    try (var out = Files.newOutputStream(p12)) {
      store.store(out, password);
    }

    SmtpProofDelivery fromFile = SmtpProofDelivery.create(startTls("127.0.0.1").trustStore(p12, password).build());
    SmtpProofDelivery fromContext = SmtpProofDelivery.create(startTls("127.0.0.1")
        .sslContext(TrustSources.context(store)).build());
    fromFile.deliver(Mails.russian("d-tls-2"));
    fromContext.deliver(Mails.russian("d-tls-3"));

    assertThat(relay.messages()).hasSize(2);
  }

  @Test
  void aRelayWhoseCaIsNotTrustedIsRefusedNamingTheCertificateProblem() {
    SmtpProofDelivery delivery = SmtpProofDelivery.create(startTls("127.0.0.1").build());

    DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> delivery.deliver(Mails.russian("d-tls-4")));

    assertThat(e.getMessage()).contains("configuration error", "certificate", "not trusted",
        "unable to find valid certification path", "trustStore");
    assertThat(relay.messages()).isEmpty();
  }

  @Test
  void aHostNameTheCertificateDoesNotNameIsRefused() throws Exception {
    SmtpProofDelivery delivery = SmtpProofDelivery.create(startTls("localhost").trustStore(companyCaPem()).build());

    DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> delivery.deliver(Mails.russian("d-tls-5")));

    assertThat(e.getMessage()).contains("configuration error", "does not name the host 'localhost'",
        "No subject alternative DNS name matching localhost");
    assertThat(relay.messages()).isEmpty();
  }

  @Test
  void aTrustSourceIsRefusedWithoutTlsAndAFileThatIsNoTrustStoreIsNamed() throws Exception {
    Path pem = companyCaPem();
    assertThatThrownBy(() -> Mails.settings(relay.port()).trustStore(pem).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("TLS is NONE");
    Path junk = Files.writeString(dir.resolve("junk.p12"), "not a store");
    assertThatThrownBy(() -> startTls("127.0.0.1").trustStore(junk))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("junk.p12", "neither a PEM file");
    assertThat(startTls("127.0.0.1").trustStore(pem).build().toString()).contains("trust=company-ca.pem (1 certificates)");
  }
}
