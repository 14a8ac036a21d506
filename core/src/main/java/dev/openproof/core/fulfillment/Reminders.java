package dev.openproof.core.fulfillment;

import dev.openproof.core.event.FulfillmentEvent;
import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.Recipient;
import dev.openproof.core.exchange.CustomerNotice;
import dev.openproof.core.exchange.DeliveryException;
import dev.openproof.core.exchange.ProofRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Renewal reminders: each proof in force whose subscription term or Software Assurance ends within
 * one of the configured numbers of days gets one reminder per end date and number of days, the
 * nearest number that applies; recorded in the ledger before it is sent, so that no restart and no
 * second instance sends it again, and forgotten again when it could not be sent. Thread-safe.
 */
final class Reminders {
  private static final System.Logger LOG = System.getLogger(Reminders.class.getName());

  private final AfterSale steps;
  private final FulfillmentSettings settings;

  Reminders(AfterSale steps) {
    this.steps = steps;
    this.settings = steps.settings();
  }

  ReminderReport remind(Instant now) {
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    List<Integer> days = settings.afterSale().reminderDays();
    int farthest = days.get(0);
    int sent = 0;
    int copies = 0;
    int failed = 0;
    for (ProofRecord proof : settings.ledger().findProofsEnding(today, today.plusDays(farthest))) {
      if (proof.revoked().isPresent()) {
        continue;
      }
      TreeSet<LocalDate> ends = new TreeSet<>();
      proof.proof().entitlements().forEach(e -> {
        if (e.ends() != null && !e.ends().isBefore(today) && !e.ends().isAfter(today.plusDays(farthest))) {
          ends.add(e.ends());
        }
      });
      for (LocalDate end : ends) {
        long left = ChronoUnit.DAYS.between(today, end);
        int threshold = days.stream().filter(n -> left <= n).reduce((a, b) -> b).orElseThrow();
        String reminder = "END-" + end + "-" + threshold;
        if (!settings.ledger().recordReminder(proof.proof().proofId(), reminder, now)) {
          continue;
        }
        List<Entitlement> ending = proof.proof().entitlements().stream().filter(e -> end.equals(e.ends())).toList();
        String noticeId = "remind-" + proof.proof().proofId().value() + "-" + reminder;
        try {
          String messageId = settings.afterSale().notices().send(notice(noticeId, proof.recipient(), false, proof, ending, end, left));
          sent++;
          steps.publish(new FulfillmentEvent.ReminderSent(proof.proof().orderId(), proof.proof().proofId(), reminder, messageId, now));
        } catch (DeliveryException e) {
          settings.ledger().forgetReminder(proof.proof().proofId(), reminder);
          LOG.log(System.Logger.Level.WARNING, "reminder {0} of proof {1} was not sent and is tried again later: {2}",
              reminder, proof.proof().proofId(), e.getMessage());
          failed++;
          continue;
        }
        Optional<Recipient> reseller = settings.afterSale().resellerCopies().flatMap(c -> c.contactOf(proof.proof().reseller()));
        if (reseller.isPresent()) {
          try {
            settings.afterSale().notices().send(notice(noticeId + "-reseller", reseller.get(), true, proof, ending, end, left));
            copies++;
          } catch (DeliveryException e) {
            // The customer has its reminder; the reseller's copy is not worth mailing the customer twice.
            LOG.log(System.Logger.Level.WARNING, "the reseller's copy of reminder {0} of proof {1} was not sent: {2}",
                reminder, proof.proof().proofId(), e.getMessage());
            failed++;
          }
        }
      }
    }
    return new ReminderReport(sent, copies, failed);
  }

  private static CustomerNotice.RenewalReminder notice(String id, Recipient to, boolean copy, ProofRecord proof,
      List<Entitlement> ending, LocalDate end, long left) {
    return new CustomerNotice.RenewalReminder(id, to, copy, proof.proof().customer(), proof.proof().reseller(),
        proof.proof().licenseNumber(), proof.proof().orderId(), ending, end, left);
  }
}
