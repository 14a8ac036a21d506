package dev.openproof.core.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.openproof.core.memory.InMemoryStatusLists;
import dev.openproof.core.exchange.SigningException;
import dev.openproof.core.testing.SampleOrders;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A retry does not waste a status index: one proof id, and one place, per order. */
class StatusIndexOncePerOrderTest {
  private static final int CAPACITY = 16;

  private final WorkflowFixture fx = new WorkflowFixture();
  private final InMemoryStatusLists lists =
      InMemoryStatusLists.create("https://licensing.example.test/status", CAPACITY, new Random(7));
  private final LicenseFulfillment workflow = fx.builder().statusLists(lists).build();

  @Test
  void attemptsThatFailAtTheSignerTakeNoIndexOfTheirOwn() {
    fx.signerFailures.set(2);
    assertThat(catchThrowable(() -> workflow.fulfill(SampleOrders.russian()))).isInstanceOf(SigningException.class);
    assertThat(catchThrowable(() -> workflow.fulfill(SampleOrders.russian()))).isInstanceOf(SigningException.class);
    var first = workflow.fulfill(SampleOrders.russian()).issuedProof().orElseThrow().proof();

    for (int n = 1; n < CAPACITY; n++) {
      workflow.fulfill(SampleOrders.numbered(n));
    }

    // Sixteen proofs in a list of sixteen: the failed attempts used none of its places.
    assertThat(lists.lists()).hasSize(1);
    assertThat(lists.find(first.proofId())).isEqualTo(first.statusReference());
  }
}
