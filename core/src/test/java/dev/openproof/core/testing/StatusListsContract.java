package dev.openproof.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.model.StatusListLayout;
import dev.openproof.core.model.StatusReference;
import dev.openproof.core.port.StatusLists;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StatusLists} must do, run against each implementation: extend it and say how to
 * make empty lists of a {@link StatusListLayout}.
 */
public abstract class StatusListsContract {
  /** The base URI of the lists under test. */
  protected static final String BASE = "https://licensing.example.test/status";

  /**
   * Empty lists, on a fresh store.
   *
   * @param layout the lists' layout
   * @param random the source of indexes
   * @return the lists
   */
  protected abstract StatusLists lists(StatusListLayout layout, RandomGenerator random);

  @Test
  void placesAreNeverReusedAndAFullListStartsTheNextAtTheLayoutsUri() {
    StatusListLayout layout = new StatusListLayout(BASE, 16);
    StatusLists lists = lists(layout, new Random(7));
    Set<Long> first = new HashSet<>();
    for (int i = 0; i < 16; i++) {
      StatusReference ref = lists.allocate(ProofId.of("p" + i));
      assertThat(ref.uri()).isEqualTo(layout.uri(1));
      assertThat(ref.index()).isBetween(0L, 15L);
      first.add(ref.index());
    }
    assertThat(first).hasSize(16);
    assertThat(lists.allocate(ProofId.of("p16")).uri()).isEqualTo(layout.uri(2));
    assertThat(lists.lists()).containsExactly(layout.uri(1), layout.uri(2));
    assertThat(lists.lists()).allSatisfy(uri -> assertThat(layout.number(uri)).isPresent());
  }

  @Test
  void aBatchFillsTheCurrentListStartsTheNextAndKeepsKnownPlaces() {
    StatusListLayout layout = new StatusListLayout(BASE, 8);
    StatusLists lists = lists(layout, new Random(11));
    StatusReference known = lists.allocate(ProofId.of("p0"));
    lists.allocate(ProofId.of("p1"));
    lists.allocate(ProofId.of("p2"));
    List<ProofId> batch = new ArrayList<>();
    batch.add(ProofId.of("p1"));
    for (int i = 3; i < 13; i++) {
      batch.add(ProofId.of("p" + i));
    }
    batch.add(ProofId.of("p5"));
    batch.add(ProofId.of("p0"));
    List<StatusReference> refs = lists.allocateAll(batch);
    assertThat(refs).hasSize(batch.size());
    assertThat(refs.get(0)).isEqualTo(lists.find(ProofId.of("p1")).orElseThrow());
    assertThat(refs.get(batch.size() - 2)).isEqualTo(refs.get(3));
    assertThat(refs.get(batch.size() - 1)).isEqualTo(known);
    for (int k = 0; k < batch.size(); k++) {
      assertThat(lists.find(batch.get(k))).contains(refs.get(k));
      assertThat(lists.status(batch.get(k))).contains(ProofStatus.VALID);
    }
    Set<StatusReference> places = new HashSet<>();
    for (int i = 0; i < 13; i++) {
      places.add(lists.find(ProofId.of("p" + i)).orElseThrow());
    }
    assertThat(places).hasSize(13).allMatch(ref -> ref.index() >= 0 && ref.index() < 8);
    assertThat(places).filteredOn(ref -> ref.uri().equals(layout.uri(1))).hasSize(8);
    assertThat(places).filteredOn(ref -> ref.uri().equals(layout.uri(2))).hasSize(5);
    assertThat(lists.lists()).containsExactly(layout.uri(1), layout.uri(2));
    // the second list counted the batch's five: three more fill it, the next one starts the third
    assertThat(lists.allocateAll(List.of(ProofId.of("q0"), ProofId.of("q1"), ProofId.of("q2"))))
        .extracting(StatusReference::uri).containsOnly(layout.uri(2));
    assertThat(lists.allocate(ProofId.of("q3")).uri()).isEqualTo(layout.uri(3));
    assertThat(lists.allocateAll(List.of())).isEmpty();
  }

  @Test
  void aBatchSpanningSeveralListsStartsEachInTurn() {
    StatusListLayout layout = new StatusListLayout(BASE, 4);
    StatusLists lists = lists(layout, new Random(5));
    List<ProofId> batch = IntStream.range(0, 10).mapToObj(i -> ProofId.of("p" + i)).toList();
    List<StatusReference> refs = lists.allocateAll(batch);
    assertThat(refs).extracting(StatusReference::uri).containsExactly(layout.uri(1), layout.uri(1), layout.uri(1),
        layout.uri(1), layout.uri(2), layout.uri(2), layout.uri(2), layout.uri(2), layout.uri(3), layout.uri(3));
    assertThat(new HashSet<>(refs)).hasSize(10);
    assertThat(lists.lists()).containsExactly(layout.uri(1), layout.uri(2), layout.uri(3));
    assertThat(lists.setStatus(batch.get(9), ProofStatus.INVALID)).isEqualTo(ProofStatus.INVALID);
    assertThat(lists.statuses(layout.uri(3))[(int) refs.get(9).index()]).isEqualTo((byte) 1);
  }

  @Test
  void aBatchFillsAListToItsLastFreeIndex() {
    StatusListLayout layout = new StatusListLayout(BASE, 32);
    StatusLists lists = lists(layout, new Random(13));
    List<StatusReference> refs = lists.allocateAll(IntStream.range(0, 32).mapToObj(i -> ProofId.of("p" + i)).toList());
    assertThat(refs).extracting(StatusReference::uri).containsOnly(layout.uri(1));
    assertThat(refs).extracting(StatusReference::index).containsExactlyInAnyOrderElementsOf(
        IntStream.range(0, 32).asLongStream().boxed().toList());
    assertThat(lists.allocate(ProofId.of("p32")).uri()).isEqualTo(layout.uri(2));
  }

  @Test
  void indexesAreChosenAtRandomNotInOrder() {
    StatusLists lists = lists(new StatusListLayout(BASE, 1 << 17), new Random(1));
    long[] indexes = IntStream.range(0, 20).mapToLong(i -> lists.allocate(ProofId.of("p" + i)).index()).toArray();
    assertThat(indexes).isNotEqualTo(IntStream.range(0, 20).asLongStream().toArray());
    assertThat(java.util.Arrays.stream(indexes).distinct().count()).isEqualTo(20);
  }

  @Test
  void aProofKeepsItsPlaceAndStartsValid() {
    StatusLists lists = lists(new StatusListLayout(BASE, 64), new Random(3));
    assertThat(lists.publishes()).isTrue();
    StatusReference ref = lists.allocate(ProofId.of("p"));
    assertThat(lists.allocate(ProofId.of("p"))).isEqualTo(ref);
    assertThat(lists.find(ProofId.of("p"))).contains(ref);
    assertThat(lists.status(ProofId.of("p"))).contains(ProofStatus.VALID);
    assertThat(lists.find(ProofId.of("other"))).isEmpty();
    assertThat(lists.status(ProofId.of("other"))).isEmpty();
  }

  @Test
  void suspensionTogglesAndInvalidIsFinal() {
    StatusLists lists = lists(new StatusListLayout(BASE, 64), new Random(3));
    ProofId proof = ProofId.of("p");
    StatusReference ref = lists.allocate(proof);
    assertThat(lists.setStatus(proof, ProofStatus.SUSPENDED)).isEqualTo(ProofStatus.SUSPENDED);
    assertThat(lists.statuses(ref.uri())[(int) ref.index()]).isEqualTo((byte) 2);
    assertThat(lists.setStatus(proof, ProofStatus.VALID)).isEqualTo(ProofStatus.VALID);
    assertThat(lists.setStatus(proof, ProofStatus.INVALID)).isEqualTo(ProofStatus.INVALID);
    assertThat(lists.setStatus(proof, ProofStatus.VALID)).isEqualTo(ProofStatus.INVALID);
    byte[] statuses = lists.statuses(ref.uri());
    assertThat(statuses).hasSize(64);
    assertThat(statuses[(int) ref.index()]).isEqualTo((byte) 1);
    assertThat(IntStream.range(0, 64).filter(i -> statuses[i] != 0).count()).isEqualTo(1);
  }

  @Test
  void unknownProofsAndListsAreRefused() {
    StatusLists lists = lists(new StatusListLayout(BASE, 64), new Random(3));
    lists.allocate(ProofId.of("p"));
    assertThatThrownBy(() -> lists.setStatus(ProofId.of("nope"), ProofStatus.INVALID)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> lists.statuses(BASE + "/9")).isInstanceOf(IllegalArgumentException.class);
  }
}
