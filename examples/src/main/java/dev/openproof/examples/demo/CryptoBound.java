package dev.openproof.examples.demo;

import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.port.ProofSigner;
import dev.openproof.jwt.ProofVerifier;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one-core crypto bound of the demo: how many orders a second one thread could do if an order
 * cost nothing but what no implementation can skip, one ES256 signature of its proof and one
 * verification of the token, timed on a sample of the run's proofs, in the same process.
 */
final class CryptoBound {
  private CryptoBound() {}

  /**
   * The first proofs of a run, at most a given number: what the bound is measured on. Thread-safe.
   */
  static final class Sample {
    private final int capacity;
    private final AtomicInteger size = new AtomicInteger();
    private final ConcurrentLinkedQueue<LicenseProof> proofs = new ConcurrentLinkedQueue<>();

    Sample(int capacity) {
      this.capacity = capacity;
    }

    void offer(LicenseProof proof) {
      if (size.get() < capacity && size.incrementAndGet() <= capacity) {
        proofs.add(proof);
      }
    }

    List<LicenseProof> proofs() {
      return List.copyOf(proofs);
    }
  }

  /** What was measured: proofs signed and verified, and the rate. */
  record Measurement(int proofs, double ordersPerSecond) {}

  /**
   * Signs and verifies each proof of the sample on the calling thread, once as a warm-up and once
   * timed.
   *
   * @return the measurement; a rate of {@code 0} when the sample is empty
   */
  static Measurement measure(List<LicenseProof> sample, ProofSigner signer, ProofVerifier verifier) {
    if (sample.isEmpty()) {
      return new Measurement(0, 0);
    }
    run(sample.subList(0, Math.min(sample.size(), 50)), signer, verifier);
    long start = System.nanoTime();
    run(sample, signer, verifier);
    long nanos = Math.max(1, System.nanoTime() - start);
    return new Measurement(sample.size(), sample.size() * 1e9 / nanos);
  }

  private static void run(List<LicenseProof> sample, ProofSigner signer, ProofVerifier verifier) {
    for (LicenseProof proof : sample) {
      verifier.verify(signer.sign(proof).token());
    }
  }
}
