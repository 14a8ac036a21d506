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
 * @param total the whole run
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
    Duration total) {

  /** Copies the list. */
  public DemoSummary {
    undelivered = List.copyOf(undelivered);
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
            millis(invoicing), millis(signing), millis(mail), millis(verifying), millis(total)));
  }

  private static String millis(Duration d) {
    return d.toMillis() >= 10_000 ? String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0) : d.toMillis() + " ms";
  }
}
