package dev.openproof.examples.demo;

import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.fulfillment.FulfillmentOutcome;
import dev.openproof.core.fulfillment.FulfillmentResult;
import dev.openproof.core.fulfillment.LicenseFulfillment;
import dev.openproof.core.model.Order;
import dev.openproof.examples.demo.StepTimes.Step;
import dev.openproof.jwt.ProofFiles;
import dev.openproof.jwt.ProofVerifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The work of the demo's pool on one chunk of orders: fulfil them in one batch call (the workflow
 * is thread-safe, and shared), write and verify each proof, then send the mail that is due, over one connection a batch.
 * Keeps nothing of an order once its chunk is done. Thread-safe: the workers of a run share one.
 */
final class DemoWorker {
  /** What one chunk came to; the refusals are printable lines, at most one per order of the chunk. */
  record ChunkReport(int orders, int alreadyDone, int refused, int verified, List<String> refusals, boolean misconfigured) {
    ChunkReport {
      refusals = List.copyOf(refusals);
    }
  }

  private final LicenseFulfillment fulfillment;
  private final MailOutcomes outcomes;
  private final FileInvoicing invoicing;
  private final ProofVerifier verifier;
  private final Path proofDir;
  private final StepTimes times;
  private final CryptoBound.Sample sample;
  /** Set once the mail settings proved wrong: the orders not started yet stay unread. */
  private final AtomicBoolean stopped = new AtomicBoolean();

  DemoWorker(LicenseFulfillment fulfillment, MailOutcomes outcomes, FileInvoicing invoicing, ProofVerifier verifier,
      Path proofDir, StepTimes times, CryptoBound.Sample sample) {
    this.fulfillment = fulfillment;
    this.outcomes = outcomes;
    this.invoicing = invoicing;
    this.verifier = verifier;
    this.proofDir = proofDir;
    this.times = times;
    this.sample = sample;
  }

  void stop() {
    stopped.set(true);
  }

  /**
   * Fulfils a chunk of orders, then sends what mail is due: this chunk's, and any other's that no
   * worker has taken yet (the ledger leases each delivery to one sender).
   */
  ChunkReport fulfil(List<Order> chunk) {
    int orders = 0;
    int alreadyDone = 0;
    int verified = 0;
    List<String> refusals = new ArrayList<>();
    if (!stopped.get()) {
      // The whole chunk in one batch call: claimed together, signed in parallel, recorded in one
      // ledger transaction; an order that fails, fails alone.
      for (FulfillmentOutcome outcome : fulfillment.fulfillAll(chunk)) {
        orders++;
        if (outcome instanceof FulfillmentOutcome.Failed failed) {
          refusals.add("order " + failed.orderId() + " refused: " + failed.reasonCode() + ": "
              + Console.printable(String.valueOf(failed.failure().getMessage())));
          continue;
        }
        FulfillmentResult result = outcome.fulfilled().orElseThrow();
        outcomes.track(result);
        result.invoices().forEach(invoicing::keep); // those a crashed run recorded but did not write
        if (result.replayed()) {
          alreadyDone++;
        }
        ProofRecord proof = result.issuedProof().orElse(null);
        if (proof != null) {
          ProofFiles.write(proofDir, proof.proof(), proof.signedProof());
          times.time(Step.VERIFYING, () -> verifier.verify(proof.signedProof().token()));
          sample.offer(proof.proof());
          verified++;
        }
      }
    }
    boolean misconfigured = !stopped.get() && fulfillment.redeliverPending().misconfigured() > 0;
    if (misconfigured) {
      stop();
    }
    return new ChunkReport(orders, alreadyDone, refusals.size(), verified, refusals, misconfigured);
  }
}
