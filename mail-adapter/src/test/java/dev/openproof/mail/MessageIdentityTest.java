package dev.openproof.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.openproof.core.model.DeliveryId;
import dev.openproof.core.exchange.DeliveryRequest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MessageIdentityTest {
  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL = GreenMailServers.smtp();

  @Test
  void aRetryOfTheSameDeliveryCarriesTheSameMessageId() throws Exception {
    SmtpProofDelivery delivery = Mails.delivery(GREEN_MAIL.getSmtp().getPort());
    DeliveryRequest request = Mails.russian("d-identity-1");

    delivery.deliver(request);
    delivery.deliver(request);

    MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID()).isEqualTo("<d-identity-1@" + Mails.DOMAIN + ">");
  }

  @Test
  void aResendHasItsOwnMessageIdAndReferencesTheFirst() throws Exception {
    SmtpProofDelivery delivery = Mails.delivery(GREEN_MAIL.getSmtp().getPort());
    DeliveryRequest first = Mails.russian("d-identity-2");
    DeliveryRequest resend = Mails.resend(first, "d-identity-2-resend");

    String firstId = delivery.deliver(first).messageId();
    String resendId = delivery.deliver(resend).messageId();

    MimeMessage again = GREEN_MAIL.getReceivedMessages()[1];
    assertThat(resendId).isNotEqualTo(firstId).isEqualTo(again.getMessageID());
    assertThat(again.getHeader("In-Reply-To")).containsExactly(firstId);
    assertThat(again.getHeader("References")).containsExactly(firstId);
    assertThat(again.getSubject()).startsWith("Копия");
    assertThat(GREEN_MAIL.getReceivedMessages()[0].getHeader("In-Reply-To")).isNull();
  }

  @Test
  void anyDeliveryIdBecomesAValidDistinctMessageId() {
    assertThat(MessageIds.ofDelivery(DeliveryId.of("a.b"), "x.test")).isEqualTo("<a=2Eb@x.test>");
    assertThat(MessageIds.ofDelivery(DeliveryId.of("a=2Eb"), "x.test")).isEqualTo("<a=3D2Eb@x.test>");
    assertThat(MessageIds.ofDelivery(DeliveryId.of("<x>\r\nBcc: y@z"), "x.test"))
        .isEqualTo("<=3Cx=3E=0D=0ABcc=3A=20y=40z@x.test>")
        .matches("<[A-Za-z0-9_=-]+@x\\.test>");
    assertThat(MessageIds.ofNotice("a", "x.test")).isNotEqualTo(MessageIds.ofDelivery(DeliveryId.of("notice.a"), "x.test"));
  }
}
