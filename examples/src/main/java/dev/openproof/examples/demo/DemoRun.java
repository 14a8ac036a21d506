package dev.openproof.examples.demo;

import dev.openproof.core.event.FulfillmentEvent;
import dev.openproof.core.fulfillment.LicenseFulfillment;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.Order;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.port.ProofDelivery;
import dev.openproof.examples.demo.StepTimes.Step;
import dev.openproof.jdbc.JdbcProofLedger;
import dev.openproof.jwt.JwsProofSigner;
import dev.openproof.jwt.ProofVerifier;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.KeyFolder;
import dev.openproof.jwt.key.KeyRing;
import dev.openproof.jwt.key.SigningKey;
import dev.openproof.jwt.status.StatusListTokenSigner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo of the whole job: the bundled orders (and any generated ones) are invoiced on both legs,
 * proven by signed JWTs mailed straight to each customer, and every proof is verified with the
 * published keys. Everything it keeps is in its folder: {@code keys/}, {@code jwks.json},
 * {@code proofs/}, {@code certificates/} (the PDF attached to each mail), {@code outbox/},
 * {@code invoices/}, the signed status lists in {@code status/}, the verification site in
 * {@code site/} and the ledger in {@code ledger/}, so a second
 * run does no order twice and a killed run resumes. The orders are fulfilled by a pool of workers,
 * a chunk at a time, and the summary gives the rate against the one-core crypto bound measured in
 * the same run, and the memory used.
 *
 * @since 0.1.0
 */
public final class DemoRun {
  /** Orders a worker takes at a time; its mail goes out after them, in batches over one connection each. */
  private static final int CHUNK = 100;
  /** Proofs the one-core crypto bound is measured on. */
  private static final int BOUND_SAMPLE = 500;
  /** The most undelivered proofs a summary names one by one. */
  private static final int MAX_LISTED = 50;

  private final DemoOptions options;
  private final PrintWriter progress;
  private final StepTimes times = new StepTimes();
  private final AtomicInteger vendorInvoices = new AtomicInteger();
  private final AtomicInteger distributorInvoices = new AtomicInteger();
  private final AtomicInteger proofs = new AtomicInteger();
  private final AtomicInteger mails = new AtomicInteger();
  private final AtomicInteger shipments = new AtomicInteger();
  private final MailOutcomes outcomes = new MailOutcomes(false); // no id per order for the whole run
  private int outboxFiles;

  private DemoRun(DemoOptions options, PrintWriter progress) {
    this.options = options;
    this.progress = progress;
  }

  /**
   * Runs the demo.
   *
   * @param options what to do
   * @param progress where to print progress lines of a long run
   * @return what was done
   * @throws IOException if the folder cannot be written
   */
  public static DemoSummary run(DemoOptions options, PrintWriter progress) throws IOException {
    return new DemoRun(Objects.requireNonNull(options, "options"), Objects.requireNonNull(progress, "progress")).run();
  }

  private DemoSummary run() throws IOException {
    long start = System.nanoTime();
    Path out = options.out();
    Path proofDir = Files.createDirectories(out.resolve("proofs"));
    Path outbox = Files.createDirectories(out.resolve("outbox"));
    KeyRing keys = KeyFolder.openOrCreate(out.resolve("keys"), JwsAlgorithm.ES256);
    KeyFolder.writePublicJwks(out.resolve(KeyFolder.JWKS), keys);
    ProofVerifier verifier = ProofVerifier.builder().trustedKeys(out.resolve("jwks.json"))
        .expectedIssuer(options.issuer()).build();

    DemoCertificates certificates = DemoCertificates.of(options.issuer(), out.resolve("certificates"));
    FileInvoicing invoicing = new FileInvoicing(out.resolve("invoices"));
    try (DemoMail mail = DemoMail.open(options.smtpHost(), options.smtpPort(), options.smtpTls(), options.smtpTrust(),
            outbox, DemoCertificates.siteOf(options.issuer()), certificates);
        JdbcProofLedger ledger = JdbcProofLedger.h2File(out.resolve("ledger"))) {
      ProofDelivery delivery = mail.delivery();
      LicenseFulfillment fulfillment = LicenseFulfillment.builder()
          .signer(times.timedSigner(JwsProofSigner.of(keys, options.issuer())))
          .delivery(times.timedDelivery(delivery))
          .invoicing(times.timedInvoicing(invoicing))
          .ledger(ledger)
          .listener(this::count)
          .listener(outcomes::on)
          .listener(invoicing::on)
          .deferDelivery(true) // mail goes out in batches, over one connection each
          .statusLists(ledger.statusLists(IssuerFolder.statusBase(options.issuer())))
          .build();

      // Mail that an earlier, interrupted run left pending goes first, through the server given now.
      boolean misconfigured = fulfillment.redeliverPending().misconfigured() > 0;
      List<Order> bundledOrders = DemoOrders.bundled();
      int total = bundledOrders.size() + options.extraOrders();
      CryptoBound.Sample sample = new CryptoBound.Sample(BOUND_SAMPLE);
      DemoWorker worker = new DemoWorker(fulfillment, outcomes, invoicing, verifier, proofDir, times, sample);
      Tally tally = new Tally(total, options.extraOrders() > 0, mail);
      // Wrong mail settings stop the run at once: what is recorded stays pending for a fixed rerun.
      if (!misconfigured) {
        new DemoPool(options.workers(), CHUNK).run(
            DemoOrders.all(bundledOrders, options.extraOrders()), worker::fulfil, tally::add);
        if (!tally.misconfigured) {
          fulfillment.redeliverPending();
        }
      }
      outboxFiles += mail.drain();
      publishStatus(out, ledger, keys.active());
      SiteFolder.create(out, options.issuer());
      List<DeliveryRecord> undelivered = outcomes.undelivered(ledger);
      int failed = (int) undelivered.stream().filter(d -> d.status() == DeliveryStatus.FAILED).count();
      java.time.Duration elapsed = java.time.Duration.ofNanos(System.nanoTime() - start);
      ProcessMemory memory = ProcessMemory.now();
      CryptoBound.Measurement bound = CryptoBound.measure(sample.proofs(), JwsProofSigner.of(keys, options.issuer()), verifier);
      return new DemoSummary(tally.orders, tally.alreadyDone, tally.refused, vendorInvoices.get(), distributorInvoices.get(),
          proofs.get(), mails.get(), undelivered.size() - failed, failed,
          undelivered.stream().limit(MAX_LISTED).map(MailOutcomes::describe).toList(),
          outcomes.configurationFailure().map(f -> Console.printable(f.message())).orElse(null),
          shipments.get(), tally.verified, outboxFiles,
          times.of(Step.INVOICING), times.of(Step.SIGNING), times.of(Step.MAIL), times.of(Step.VERIFYING),
          elapsed, options.workers(), bound.proofs(), bound.ordersPerSecond(), memory);
    }
  }

  /**
   * The counts of the chunks, taken in the order the orders were read: refusals and progress lines
   * come out as one worker would print them.
   */
  private final class Tally {
    private final int total;
    private final boolean showProgress;
    private final int progressEvery;
    private final long started = System.nanoTime();
    private final DemoMail mail;
    int orders;
    int alreadyDone;
    int refused;
    int verified;
    boolean misconfigured;

    Tally(int total, boolean showProgress, DemoMail mail) {
      this.total = total;
      this.mail = mail;
      this.showProgress = showProgress;
      this.progressEvery = Math.max(1, Math.min(1000, total / 10));
    }

    /** Takes a chunk's report; {@code false} once the mail settings proved wrong. */
    boolean add(DemoWorker.ChunkReport chunk) {
      chunk.refusals().forEach(progress::println);
      int before = orders;
      orders += chunk.orders();
      alreadyDone += chunk.alreadyDone();
      refused += chunk.refused();
      verified += chunk.verified();
      misconfigured |= chunk.misconfigured();
      outboxFiles += mail.drain();
      if (showProgress && orders / progressEvery > before / progressEvery) {
        double seconds = Math.max(1, System.nanoTime() - started) / 1e9;
        for (int n = (before / progressEvery + 1) * progressEvery; n <= orders; n += progressEvery) {
          progress.printf(java.util.Locale.ROOT, "... %d of %d orders (%.0f orders/s, %s)%n", n, total, orders / seconds,
              ProcessMemory.now().describe());
        }
      }
      progress.flush();
      return !misconfigured;
    }
  }

  /** The status lists, signed, in {@code status/<n>.jwt}: what a partner verifies revocations with. */
  private void publishStatus(Path out, JdbcProofLedger ledger, SigningKey key) throws IOException {
    IssuerFolder.publish(out, ledger.statusLists(IssuerFolder.statusBase(options.issuer())), key, options.issuer());
  }

  private void count(FulfillmentEvent event) {
    if (event instanceof FulfillmentEvent.InvoiceIssued issued) {
      (issued.invoice().leg() == InvoiceLeg.VENDOR_TO_DISTRIBUTOR ? vendorInvoices : distributorInvoices).incrementAndGet();
    } else if (event instanceof FulfillmentEvent.ProofIssued) {
      proofs.incrementAndGet();
    } else if (event instanceof FulfillmentEvent.ProofDelivered) {
      mails.incrementAndGet();
    } else if (event instanceof FulfillmentEvent.PhysicalShipmentRecorded) {
      shipments.incrementAndGet();
    }
  }
}
