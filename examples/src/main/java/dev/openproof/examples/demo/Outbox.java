package dev.openproof.examples.demo;

import dev.openproof.core.model.DeliveryReceipt;
import dev.openproof.core.port.CustomerNotices;
import dev.openproof.core.exchange.DeliveryOutcome;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.port.ProofDelivery;
import dev.openproof.mail.SmtpProofDelivery;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The demo's outbox folder: one {@code .eml} file per mail, named after its Message-ID. */
final class Outbox {
  private static final System.Logger LOG = System.getLogger(Outbox.class.getName());

  private Outbox() {}

  /** A file name for a Message-ID: {@code <a1b2@mail.example>} becomes {@code a1b2_mail.example.eml}. */
  static String fileName(String messageId) {
    String bare = messageId == null ? "unnamed" : messageId.replaceAll("[<>]", "");
    return bare.replaceAll("[^A-Za-z0-9._-]", "_") + ".eml";
  }

  /**
   * A delivery that, after each successful send through {@code smtp}, saves a copy of the message it
   * sent in {@code outbox}: for a real server, whose mailbox the demo cannot read.
   */
  static ProofDelivery copying(SmtpProofDelivery smtp, Path outbox) {
    return new ProofDelivery() {
      @Override
      public DeliveryReceipt deliver(DeliveryRequest request) {
        DeliveryReceipt receipt = smtp.deliver(request);
        save(request, receipt);
        return receipt;
      }

      @Override
      public List<DeliveryOutcome> deliverAll(List<DeliveryRequest> requests) {
        List<DeliveryOutcome> outcomes = smtp.deliverAll(requests);
        for (DeliveryOutcome outcome : outcomes) {
          if (outcome instanceof DeliveryOutcome.Delivered delivered) {
            save(delivered.request(), delivered.receipt());
          }
        }
        return outcomes;
      }

      private void save(DeliveryRequest request, DeliveryReceipt receipt) {
        try (OutputStream out = Files.newOutputStream(outbox.resolve(fileName(receipt.messageId())))) {
          smtp.writeMessage(request, out);
        } catch (IOException e) {
          // The mail went out; failing now would send it again. Say so and go on.
          LOG.log(System.Logger.Level.WARNING, "the copy of " + receipt.messageId() + " was not saved: " + e.getMessage());
        }
      }
    };
  }

  /** Notices sent through {@code smtp}, each saved in {@code outbox} after it was sent. */
  static CustomerNotices copying(SmtpProofDelivery smtp, Path outbox, CustomerNotices sender) {
    return notice -> {
      String messageId = sender.send(notice);
      try (OutputStream out = Files.newOutputStream(outbox.resolve(fileName(messageId)))) {
        smtp.writeMessage(notice, out);
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "the copy of " + messageId + " was not saved: " + e.getMessage());
      }
      return messageId;
    };
  }
}
