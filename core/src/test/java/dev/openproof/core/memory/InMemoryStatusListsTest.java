package dev.openproof.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.model.StatusReference;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InMemoryStatusListsTest {
  private static final String BASE = "https://licensing.example.test/status";

  @Test
  void indexesAreNeverReusedAndAFullListStartsTheNext() {
    InMemoryStatusLists lists = InMemoryStatusLists.create(BASE, 16, new Random(7));
    Set<Long> first = new HashSet<>();
    for (int i = 0; i < 16; i++) {
      StatusReference ref = lists.allocate(ProofId.of("p" + i));
      assertThat(ref.uri()).isEqualTo(BASE + "/1");
      assertThat(ref.index()).isBetween(0L, 15L);
      first.add(ref.index());
    }
    assertThat(first).hasSize(16);
    StatusReference next = lists.allocate(ProofId.of("p16"));
    assertThat(next.uri()).isEqualTo(BASE + "/2");
    assertThat(lists.lists()).containsExactly(BASE + "/1", BASE + "/2");
  }

  @Test
  void indexesAreChosenAtRandomNotInOrder() {
    InMemoryStatusLists lists = InMemoryStatusLists.create(BASE, 1 << 17, new Random(1));
    long[] indexes = IntStream.range(0, 20).mapToLong(i -> lists.allocate(ProofId.of("p" + i)).index()).toArray();
    assertThat(indexes).isNotEqualTo(IntStream.range(0, 20).asLongStream().toArray());
    assertThat(java.util.Arrays.stream(indexes).distinct().count()).isEqualTo(20);
  }

  @Test
  void aProofKeepsItsPlace() {
    InMemoryStatusLists lists = InMemoryStatusLists.create(BASE, 64, new Random(3));
    StatusReference ref = lists.allocate(ProofId.of("p"));
    assertThat(lists.allocate(ProofId.of("p"))).isEqualTo(ref);
    assertThat(lists.find(ProofId.of("p"))).contains(ref);
    assertThat(lists.status(ProofId.of("p"))).contains(ProofStatus.VALID);
  }

  @Test
  void suspensionTogglesAndInvalidIsFinal() {
    InMemoryStatusLists lists = InMemoryStatusLists.create(BASE, 64, new Random(3));
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
    InMemoryStatusLists lists = InMemoryStatusLists.create(BASE, 64, new Random(3));
    assertThatThrownBy(() -> lists.setStatus(ProofId.of("nope"), ProofStatus.INVALID)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> lists.statuses(BASE + "/9")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InMemoryStatusLists.create(BASE + "/", 64, new Random())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InMemoryStatusLists.create(BASE, 0, new Random())).isInstanceOf(IllegalArgumentException.class);
  }
}
