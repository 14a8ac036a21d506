package dev.openproof.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StatusListLayoutTest {
  private final StatusListLayout layout = new StatusListLayout("https://licensing.example.test/status", 4);

  @Test
  void listNIsAtTheBaseSlashNAndItsNumberReadsBack() {
    assertThat(layout.uri(1)).isEqualTo("https://licensing.example.test/status/1");
    assertThat(layout.number(layout.uri(12))).isEqualTo(OptionalInt.of(12));
    assertThat(layout.number("https://licensing.example.test/status/")).isEmpty();
    assertThat(layout.number("https://licensing.example.test/status/01")).isEmpty();
    assertThat(layout.number("https://licensing.example.test/status/1/x")).isEmpty();
    assertThat(layout.number("https://elsewhere.test/status/1")).isEmpty();
    assertThatThrownBy(() -> layout.uri(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFreeIndexIsFoundEvenWhenRandomTriesMissAndAFullListIsRefused() {
    BitSet used = new BitSet();
    used.set(0, 3);
    assertThat(layout.chooseFreeIndex(new Random(1), new Taken(used))).isEqualTo(3);
    used.set(3);
    assertThatThrownBy(() -> layout.chooseFreeIndex(new Random(1), new Taken(used))).isInstanceOf(IllegalStateException.class);
    assertThat(layout.full(3)).isFalse();
    assertThat(layout.full(4)).isTrue();
  }

  @Test
  void aBlankOrSlashEndedBaseOrABadCapacityIsRefused() {
    assertThatThrownBy(() -> new StatusListLayout(" ", 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StatusListLayout("https://x.test/status/", 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StatusListLayout("https://x.test/status", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StatusListLayout("https://x.test/status", StatusListLayout.MAX_CAPACITY + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private record Taken(BitSet used) implements StatusListLayout.TakenIndexes<RuntimeException> {
    @Override
    public boolean isTaken(int index) {
      return used.get(index);
    }

    @Override
    public BitSet all() {
      return used;
    }
  }
}
