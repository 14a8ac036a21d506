package dev.openproof.examples.demo;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What one demo run did. Counts are of this run: a second run over the same folder finds every order
 * done and adds nothing.
 *
 * @param orders orders read
 * @param alreadyDone orders found fulfilled by an earlier run
 * @param refused orders refused as invalid or failed
 * @param vendorInvoices invoices of the vendor to distributors issued now
 * @param distributorInvoices invoices of distributors to resellers issued now
 * @param proofs proofs signed now
 * @param mails proofs mailed to customers now
 * @param mailsPending proofs of this run whose mail is pending: failed and waits for a retry, or not yet sent
 * @param mailsFailed proofs of this run whose mail failed for good
 * @param undelivered one printable line per proof of this run not delivered: recipient, class, server reply
 * @param configurationError the mail settings' fault that stopped this run's mail, or {@code null}
 * @param physicalShipments legacy orders recorded with a paper certificate
 * @param verified proofs verified with the published keys (every proof of every order, old and new)
 * @param outboxFiles mails saved in the outbox folder now
 * @param invoicing time spent invoicing
 * @param signing time spent signing
 * @param mail time spent mailing
 * @param verifying time spent verifying
 * @param total the whole run, but for the measurement of the crypto bound
 * @param workers the threads that fulfilled the orders
 * @param boundProofs proofs the crypto bound was measured on ({@code 0}: not measured)
 * @param boundOrdersPerSecond the one-core crypto bound: orders a second one thread could do if an
 *     order cost one ES256 signature and one verification, measured in this run
 * @param memory the process's memory at the end of the run
 * @since 0.1.0
 */
public record DemoSummary(
    int orders,
    int alreadyDone,
    int refused,
    int vendorInvoices,
    int distributorInvoices,
    int proofs,
    int mails,
    int mailsPending,
    int mailsFailed,
    List<String> undelivered,
    @Nullable String configurationError,
    int physicalShipments,
    int verified,
    int outboxFiles,
    Duration invoicing,
    Duration signing,
    Duration mail,
    Duration verifying,
    Duration total,
    int workers,
    int boundProofs,
    double boundOrdersPerSecond,
    ProcessMemory memory) {

  /** Copies the list. */
  public DemoSummary {
    undelivered = List.copyOf(undelivered);
  }

  /**
   * Orders read a second, over the whole run.
   *
   * @return the rate
   */
  public double ordersPerSecond() {
    return orders * 1e9 / Math.max(1, total.toNanos());
  }

  /**
   * The rate over the one-core crypto bound: {@code 1.0} is as fast as one thread that did nothing
   * but sign and verify.
   *
   * @return the ratio, or empty where the bound was not measured
   */
  public java.util.OptionalDouble boundRatio() {
    return boundProofs > 0 && boundOrdersPerSecond > 0
        ? java.util.OptionalDouble.of(ordersPerSecond() / boundOrdersPerSecond) : java.util.OptionalDouble.empty();
  }

  /**
   * The mail settings' fault that stopped this run's mail.
   *
   * @return the fault, or empty
   */
  public Optional<String> mailConfigurationError() {
    return Optional.ofNullable(configurationError);
  }

  /**
   * The summary as the command prints it.
   *
   * @return several lines of text
   */
  public String render() {
    return String.join(System.lineSeparator(),
        String.format(Locale.ROOT, "orders            %d read: %d fulfilled now, %d already done by an earlier run, %d refused",
            orders, orders - alreadyDone - refused, alreadyDone, refused),
        String.format(Locale.ROOT, "invoices          %d vendor -> distributor, %d distributor -> reseller (unchanged process)",
            vendorInvoices, distributorInvoices),
        String.format(Locale.ROOT, "proofs            %d signed, %d verified with jwks.json", proofs, verified),
        String.format(Locale.ROOT,
            "mails             %d sent straight to customers, %d waiting for a retry, %d failed for good, %d saved in outbox/",
            mails, mailsPending, mailsFailed, outboxFiles)
            + undelivered.stream().map(line -> System.lineSeparator() + "  not delivered   " + line).collect(Collectors.joining()),
        String.format(Locale.ROOT, "legacy route      %d paper certificates shipped to distributors (ordered before the cut-over)",
            physicalShipments),
        String.format(Locale.ROOT, "shipments avoided %d paper certificates not printed, not shipped, not lost", proofs),
        String.format(Locale.ROOT, "time              invoicing %s, signing %s, mail %s, verifying %s, total %s",
            millis(invoicing), millis(signing), millis(mail), millis(verifying), millis(total)),
        speed(),
        "memory            " + memory.describe());
  }

  private String speed() {
    String rate = String.format(Locale.ROOT, "speed             %.1f orders/s on %d worker%s", ordersPerSecond(), workers,
        workers == 1 ? "" : "s");
    if (boundRatio().isEmpty()) {
      return rate + "; one-core crypto bound not measured (no proof to sign)";
    }
    return rate + String.format(Locale.ROOT,
        "; one-core crypto bound %.1f orders/s (ES256 sign + verify of %d proofs, one thread); ratio %.2f",
        boundOrdersPerSecond, boundProofs, boundRatio().getAsDouble());
  }

  private static String millis(Duration d) {
    return d.toMillis() >= 10_000 ? String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0) : d.toMillis() + " ms";
  }
}
