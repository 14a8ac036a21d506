package dev.openproof.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.openproof.core.fulfillment.FulfillmentResult;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.testing.SampleOrders;
import dev.openproof.jwt.VerifiedProof;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.KeyRing;
import dev.openproof.jwt.key.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's embedding example runs, and the README shows exactly its code. */
class EmbeddingExampleTest {

  @Test
  void theExampleMailsAProofThatThePartnerSideVerifies() throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try {
      SigningKey key = SigningKey.generate(JwsAlgorithm.ES256);
      FulfillmentResult result = EmbeddingExample.fulfill(EmbeddingExample.order(), key, "127.0.0.1", smtp.getSmtp().getPort());
      assertThat(result.deliveryStatus()).contains(DeliveryStatus.DELIVERED);
      assertThat(smtp.getReceivedMessages()).singleElement()
          .satisfies(m -> assertThat(((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress())
              .isEqualTo("it@acme.example"));
      VerifiedProof verified = EmbeddingExample.verify(result.issuedProof().orElseThrow().signedProof().token(), KeyRing.of(key));
      assertThat(verified.proof()).isEqualTo(result.issuedProof().orElseThrow().proof());
      assertThat(verified.issuer()).isEqualTo("https://licensing.example.com");
    } finally {
      smtp.stop();
    }
  }

  @Test
  void theReadmeShowsTheExampleAsItCompiles() throws Exception {
    String source = Files.readString(Path.of("src/main/java/dev/openproof/examples/EmbeddingExample.java"));
    String readme = Files.readString(Path.of("../README.md"));
    for (String part : new String[] {"order", "fulfill", "verify"}) {
      Matcher m = Pattern.compile("// README:" + part + ":begin\\n(.*?)\\s*// README:" + part + ":end", Pattern.DOTALL).matcher(source);
      assertThat(m.find()).as(part).isTrue();
      String code = m.group(1).stripIndent().strip();
      assertThat(readme).as("README.md shows the %s part of EmbeddingExample.java", part).contains(code);
    }
  }
}
