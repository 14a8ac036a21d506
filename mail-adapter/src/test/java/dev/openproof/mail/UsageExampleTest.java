package dev.openproof.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.openproof.core.model.DeliveryReceipt;
import dev.openproof.core.exchange.DeliveryOutcome;
import dev.openproof.core.exchange.DeliveryRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The usage example of the README, as code that compiles and runs. */
class UsageExampleTest {
  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL = GreenMailServers.smtp();

  @Test
  void theReadmeExampleDeliversAProofAndABatch() {
    int port = GREEN_MAIL.getSmtp().getPort();
    DeliveryRequest request = Mails.russian("d-usage-1");
    List<DeliveryRequest> requests = List.of(Mails.numbered(1), Mails.numbered(2));

    SmtpProofDelivery delivery = SmtpProofDelivery.create(SmtpSettings.builder()
        .host("127.0.0.1").port(port).tls(TlsMode.NONE)           // STARTTLS_REQUIRED by default
        .from("licensing@vendor.example.test", "Vendor Licensing")
        .envelopeSender("bounces@vendor.example.test")
        .readTimeout(Duration.ofSeconds(20))
        .jwksUri(URI.create("https://vendor.example.test/.well-known/jwks.json"))
        .supportDirectory(SupportDirectory.defaults())
        .build());
    DeliveryReceipt receipt = delivery.deliver(request);                // one proof, one connection
    List<DeliveryOutcome> outcomes = delivery.deliverAll(requests);     // a batch, one connection

    assertThat(receipt.messageId()).isEqualTo("<d-usage-1@vendor.example.test>");
    assertThat(outcomes).allMatch(DeliveryOutcome.Delivered.class::isInstance);
    assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(3);
  }
}
