package dev.openproof.core.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.memory.InMemoryStatusLists;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.model.StatusReference;
import dev.openproof.core.port.StatusLists;
import dev.openproof.core.testing.SampleOrders;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A batch gives its proofs their status list places in one step, and falls back to one at a time if that step fails. */
class BatchStatusPlacesTest {
  private final WorkflowFixture fx = new WorkflowFixture();

  /** In-memory lists that count how they are asked for places, and can refuse the batch step. */
  private static final class CountingLists implements StatusLists {
    final InMemoryStatusLists lists = InMemoryStatusLists.create("https://licensing.example.test/status", 8, new Random(3));
    final AtomicInteger singles = new AtomicInteger();
    final List<Integer> batches = new ArrayList<>();
    final boolean refuseBatches;

    CountingLists(boolean refuseBatches) {
      this.refuseBatches = refuseBatches;
    }

    @Override
    public StatusReference allocate(ProofId proofId) {
      singles.incrementAndGet();
      return lists.allocate(proofId);
    }

    @Override
    public synchronized List<StatusReference> allocateAll(List<ProofId> proofIds) {
      batches.add(proofIds.size());
      if (refuseBatches) {
        throw new IllegalStateException("the batch step is down");
      }
      return lists.allocateAll(proofIds);
    }

    @Override
    public Optional<StatusReference> find(ProofId proofId) {
      return lists.find(proofId);
    }

    @Override
    public Optional<ProofStatus> status(ProofId proofId) {
      return lists.status(proofId);
    }

    @Override
    public ProofStatus setStatus(ProofId proofId, ProofStatus status) {
      return lists.setStatus(proofId, status);
    }

    @Override
    public List<String> lists() {
      return lists.lists();
    }

    @Override
    public byte[] statuses(String listUri) {
      return lists.statuses(listUri);
    }
  }

  private static List<Order> numbered(int from, int to) {
    return IntStream.range(from, to).mapToObj(SampleOrders::numbered).toList();
  }

  private List<LicenseProof> fulfilled(CountingLists lists, List<Order> orders) {
    LicenseFulfillment workflow = fx.builder().statusLists(lists).batchSize(10).build();
    return workflow.fulfillAll(orders).stream()
        .map(o -> o.fulfilled().orElseThrow(() -> new AssertionError(o.toString())).issuedProof().orElseThrow().proof())
        .toList();
  }

  @Test
  void eachBatchAsksForItsPlacesOnceAndEachProofCarriesItsOwn() {
    CountingLists lists = new CountingLists(false);
    List<LicenseProof> proofs = fulfilled(lists, numbered(1, 21));
    assertThat(lists.batches).containsExactly(10, 10);
    assertThat(lists.singles).hasValue(0);
    List<StatusReference> refs = proofs.stream().map(p -> p.statusReference().orElseThrow()).toList();
    assertThat(new HashSet<>(refs)).hasSize(20);
    for (LicenseProof proof : proofs) {
      assertThat(lists.find(proof.proofId())).isEqualTo(proof.statusReference());
      assertThat(fx.ledger.findProof(proof.proofId()).orElseThrow().proof().statusReference()).isEqualTo(proof.statusReference());
    }
    assertThat(lists.lists()).hasSize(3);
  }

  @Test
  void whenTheBatchStepFailsEachProofGetsItsPlaceAlone() {
    CountingLists lists = new CountingLists(true);
    List<LicenseProof> proofs = fulfilled(lists, numbered(1, 6));
    assertThat(lists.batches).containsExactly(5);
    assertThat(lists.singles).hasValue(5);
    assertThat(proofs).allSatisfy(p -> assertThat(lists.find(p.proofId())).isEqualTo(p.statusReference()).isPresent());
  }
}
