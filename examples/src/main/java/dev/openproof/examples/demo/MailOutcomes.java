package dev.openproof.examples.demo;

import dev.openproof.core.event.FulfillmentEvent;
import dev.openproof.core.fulfillment.FulfillmentResult;
import dev.openproof.core.model.DeliveryId;
import dev.openproof.core.exchange.DeliveryFailure;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.exchange.FailureKind;
import dev.openproof.core.port.ProofLedger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What became of the mail of one run of {@code demo} or {@code issue}: every delivery of a proof the
 * run touched (fulfilled, found fulfilled, or redelivered) that is not delivered at its end, read
 * back from the ledger, and the first failure that says the mail settings are wrong. Feed it the
 * workflow's events ({@link #on}) and each result ({@link #track}). Thread-safe.
 *
 * @since 0.1.0
 */
public final class MailOutcomes {
  private final Set<DeliveryId> open = ConcurrentHashMap.newKeySet();
  private final Set<DeliveryId> attemptedNow = ConcurrentHashMap.newKeySet();
  private final boolean recordsAttempts;
  private volatile @Nullable DeliveryFailure configuration;

  /** Creates an empty record of a run that answers {@link #attemptedNow}. */
  public MailOutcomes() {
    this(true);
  }

  /**
   * Creates an empty record of a run; a long run that never asks {@link #attemptedNow} keeps no id
   * of each delivery it attempted, only of those not delivered.
   */
  MailOutcomes(boolean recordsAttempts) {
    this.recordsAttempts = recordsAttempts;
  }

  /**
   * Takes note of a workflow event.
   *
   * @param event the event
   */
  public void on(FulfillmentEvent event) {
    if (event instanceof FulfillmentEvent.ProofDelivered delivered) {
      if (recordsAttempts) {
        attemptedNow.add(delivered.receipt().deliveryId());
      }
      open.remove(delivered.receipt().deliveryId());
    } else if (event instanceof FulfillmentEvent.DeliveryFailed failed) {
      if (recordsAttempts) {
        attemptedNow.add(failed.deliveryId());
      }
      open.add(failed.deliveryId());
      if (failed.failure().kind() == FailureKind.CONFIGURATION && configuration == null) {
        configuration = failed.failure();
      }
    }
  }

  /**
   * Takes note of an order's result: its first delivery, when not delivered.
   *
   * @param result the result
   */
  public void track(FulfillmentResult result) {
    result.firstDelivery().filter(d -> d.status() != DeliveryStatus.DELIVERED)
        .ifPresent(d -> open.add(d.request().deliveryId()));
  }

  /**
   * Whether a delivery was attempted in this run ({@code false} for every one in a record that does
   * not keep attempts).
   *
   * @param deliveryId the delivery
   * @return {@code true} if this run tried to send it
   */
  public boolean attemptedNow(DeliveryId deliveryId) {
    return attemptedNow.contains(deliveryId);
  }

  /**
   * The first failure of this run that says the mail settings are wrong.
   *
   * @return the failure, or empty
   */
  public Optional<DeliveryFailure> configurationFailure() {
    return Optional.ofNullable(configuration);
  }

  /**
   * The deliveries the run touched that are not delivered, as the ledger holds them now.
   *
   * @param ledger the ledger
   * @return pending and failed deliveries, in no particular order
   */
  public List<DeliveryRecord> undelivered(ProofLedger ledger) {
    List<DeliveryRecord> records = new ArrayList<>();
    for (DeliveryId id : new LinkedHashSet<>(open)) {
      ledger.findDelivery(id).filter(r -> r.status() != DeliveryStatus.DELIVERED).ifPresent(records::add);
    }
    return records;
  }

  /**
   * One line for a delivery that is not delivered: recipient, status, class and the server's reply.
   *
   * @param record the delivery
   * @return the line, printable (control and bidirectional characters escaped)
   */
  public static String describe(DeliveryRecord record) {
    StringBuilder line = new StringBuilder()
        .append(record.request().recipient().email())
        .append(" (license ").append(record.request().proof().licenseNumber()).append("): ")
        .append(record.status());
    record.deliveryFailure().ifPresent(f -> line.append(' ').append(f.kind())
        .append(f.replyCode() > 0 ? " " + f.replyCode() : "").append(": ").append(f.message()));
    if (record.status() == DeliveryStatus.PENDING && record.nextAttemptAt() != null) {
      line.append(record.deliveryFailure().map(f -> f.kind() == FailureKind.CONFIGURATION).orElse(false)
          ? "; sent by the next run with fixed mail settings"
          : "; a rerun from " + record.nextAttemptAt() + " tries again");
    } else if (record.status() == DeliveryStatus.FAILED) {
      line.append("; not retried: correct the address and resend");
    }
    return Console.printable(line.toString());
  }
}
