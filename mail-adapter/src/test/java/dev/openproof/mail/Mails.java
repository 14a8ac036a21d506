package dev.openproof.mail;

import dev.openproof.core.model.DeliveryId;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.Recipient;
import dev.openproof.core.exchange.DeliveryKind;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.testing.SampleOrders;
import dev.openproof.core.testing.SampleProofs;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/** Settings, requests and message readers shared by the tests. */
final class Mails {
  static final Instant NOW = Instant.parse("2020-08-15T10:05:00Z");
  static final String DOMAIN = "proofs.vendor.example.test";

  private Mails() {}

  /** Settings for a plain SMTP server on 127.0.0.1, with short timeouts. */
  static SmtpSettings.Builder settings(int port) {
    return SmtpSettings.builder()
        .host("127.0.0.1")
        .port(port)
        .tls(TlsMode.NONE)
        .from("licensing@vendor.example.test", "Vendor Licensing")
        .envelopeSender("bounces@vendor.example.test")
        .messageIdDomain(DOMAIN)
        .heloName("client.example.test")
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(2))
        .writeTimeout(Duration.ofSeconds(2))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static SmtpProofDelivery delivery(int port) {
    return SmtpProofDelivery.create(settings(port).build());
  }

  /** The first delivery of the Russian sample order's proof. */
  static DeliveryRequest russian(String deliveryId) {
    Order order = SampleOrders.russian();
    LicenseProof proof = SampleProofs.proof(order, "proof-" + deliveryId, NOW);
    return SampleProofs.firstDelivery(order, proof, deliveryId);
  }

  /** The first delivery of the German subscription's proof. */
  static DeliveryRequest german(String deliveryId) {
    Order order = SampleOrders.germanSubscription();
    LicenseProof proof = SampleProofs.proof(order, "proof-" + deliveryId, NOW);
    return SampleProofs.firstDelivery(order, proof, deliveryId);
  }

  /** The numbered sample's first delivery. */
  static DeliveryRequest numbered(int n) {
    Order order = SampleOrders.numbered(n);
    LicenseProof proof = SampleProofs.proof(order, "proof-gen-" + n, NOW);
    return SampleProofs.firstDelivery(order, proof, "delivery-gen-" + n);
  }

  /** The request with another recipient. */
  static DeliveryRequest to(DeliveryRequest request, String name, String email, Locale language) {
    return new DeliveryRequest(request.deliveryId(), request.kind(), request.resendOf(),
        new Recipient(name, email, language), request.proof(), request.signedProof());
  }

  /** A resend of the request. */
  static DeliveryRequest resend(DeliveryRequest first, String deliveryId) {
    return new DeliveryRequest(DeliveryId.of(deliveryId), DeliveryKind.RESEND, first.deliveryId(),
        first.recipient(), first.proof(), first.signedProof());
  }

  /** The first body part of the given MIME type found in the part, depth first. */
  static BodyPart find(Part part, String mimeType) {
    try {
      if (part.getContent() instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          if (child.isMimeType(mimeType)) {
            return child;
          }
          if (child.isMimeType("multipart/*")) {
            BodyPart found = find(child, mimeType);
            if (found != null) {
              return found;
            }
          }
        }
      }
      return null;
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(Part part, String mimeType) {
    try {
      return (String) find(part, mimeType).getContent();
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String bytes(Part part) {
    try (InputStream in = part.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
