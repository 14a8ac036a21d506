package dev.openproof.examples.demo;

import dev.openproof.core.OpenProofException;
import dev.openproof.core.event.FulfillmentEvent;
import dev.openproof.core.fulfillment.FulfillmentResult;
import dev.openproof.core.fulfillment.LicenseFulfillment;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.Order;
import dev.openproof.core.port.ProofDelivery;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.examples.demo.StepTimes.Step;
import dev.openproof.jdbc.JdbcProofLedger;
import dev.openproof.jwt.JwsProofSigner;
import dev.openproof.jwt.ProofVerifier;
import dev.openproof.jwt.key.Jwks;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.KeyRing;
import dev.openproof.jwt.key.SigningKey;
import dev.openproof.jwt.status.StatusListTokenSigner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo of the whole job: the bundled orders (and any generated ones) are invoiced on both legs,
 * proven by signed JWTs mailed straight to each customer, and every proof is verified with the
 * published keys. Everything it keeps is in its folder: {@code keys/}, {@code jwks.json},
 * {@code proofs/}, {@code outbox/}, {@code invoices/}, the signed status lists in {@code status/} and the
 * ledger in {@code ledger/}, so a second
 * run does no order twice and a killed run resumes.
 *
 * @since 0.1.0
 */
public final class DemoRun {
  private static final int MAIL_BATCH = 100;

  private final DemoOptions options;
  private final PrintWriter progress;
  private final StepTimes times = new StepTimes();
  private final AtomicInteger vendorInvoices = new AtomicInteger();
  private final AtomicInteger distributorInvoices = new AtomicInteger();
  private final AtomicInteger proofs = new AtomicInteger();
  private final AtomicInteger mails = new AtomicInteger();
  private final AtomicInteger shipments = new AtomicInteger();
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
    Jwks.write(out.resolve("jwks.json"), keys.publicJwks());
    ProofVerifier verifier = ProofVerifier.builder().trustedKeys(out.resolve("jwks.json"))
        .expectedIssuer(options.issuer()).build();

    try (DemoMail mail = DemoMail.open(options.smtpHost(), options.smtpPort(), options.smtpTls(), outbox);
        JdbcProofLedger ledger = JdbcProofLedger.h2File(out.resolve("ledger"))) {
      ProofDelivery delivery = mail.delivery();
      LicenseFulfillment fulfillment = LicenseFulfillment.builder()
          .signer(times.timedSigner(JwsProofSigner.of(keys, options.issuer())))
          .delivery(times.timedDelivery(delivery))
          .invoicing(times.timedInvoicing(new FileInvoicing(out.resolve("invoices"))))
          .ledger(ledger)
          .listener(this::count)
          .deferDelivery(true) // mail goes out in batches, over one connection each
          .statusLists(ledger.statusLists(IssuerFolder.statusBase(options.issuer())))
          .build();

      // Mail that an earlier, interrupted run left pending goes first.
      int pending = fulfillment.redeliverPending().retrying();
      int orders = 0;
      int alreadyDone = 0;
      int refused = 0;
      int verified = 0;
      List<Order> bundledOrders = DemoOrders.bundled();
      int total = bundledOrders.size() + options.extraOrders();
      Iterator<Order> bundled = bundledOrders.iterator();
      int progressEvery = Math.max(1, Math.min(1000, total / 10));
      Iterator<Order> generated = DemoOrders.generated(options.extraOrders());
      while (bundled.hasNext() || generated.hasNext()) {
        Order order = bundled.hasNext() ? bundled.next() : generated.next();
        orders++;
        FulfillmentResult result;
        try {
          result = fulfillment.fulfill(order);
        } catch (OpenProofException e) {
          refused++;
          progress.println("order " + order.orderId() + " refused: " + e.reasonCode() + ": " + e.getMessage());
          continue;
        }
        if (result.replayed()) {
          alreadyDone++;
        }
        ProofRecord proof = result.issuedProof().orElse(null);
        if (proof != null) {
          writeProof(proofDir, proof);
          times.time(Step.VERIFYING, () -> verifier.verify(proof.signedProof().token()));
          verified++;
        }
        if (orders % MAIL_BATCH == 0) {
          pending += fulfillment.redeliverPending().retrying();
          outboxFiles += mail.drain();
        }
        if (options.extraOrders() > 0 && orders % progressEvery == 0) {
          progress.printf("... %d of %d orders%n", orders, total);
          progress.flush();
        }
      }
      pending += fulfillment.redeliverPending().retrying();
      outboxFiles += mail.drain();
      publishStatus(out, ledger, keys.active());
      return new DemoSummary(orders, alreadyDone, refused, vendorInvoices.get(), distributorInvoices.get(),
          proofs.get(), mails.get(), pending, shipments.get(), verified, outboxFiles,
          times.of(Step.INVOICING), times.of(Step.SIGNING), times.of(Step.MAIL), times.of(Step.VERIFYING),
          java.time.Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /** The status lists, signed, in {@code status/<n>.jwt}: what a partner verifies revocations with. */
  private void publishStatus(Path out, JdbcProofLedger ledger, SigningKey key) throws IOException {
    IssuerFolder.publish(out, ledger.statusLists(IssuerFolder.statusBase(options.issuer())), key, options.issuer());
  }

  private static void writeProof(Path dir, ProofRecord proof) {
    Path file = dir.resolve(proof.proof().licenseNumber().value() + ".jwt");
    try {
      if (!Files.exists(file)) {
        Files.writeString(file, proof.signedProof().token() + "\n", StandardCharsets.US_ASCII);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
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
