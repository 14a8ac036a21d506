package dev.openproof.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.model.StatusListLayout;
import dev.openproof.core.port.StatusLists;
import dev.openproof.core.testing.StatusListsContract;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class InMemoryStatusListsTest extends StatusListsContract {

  @Override
  protected StatusLists lists(StatusListLayout layout, RandomGenerator random) {
    return InMemoryStatusLists.create(layout, random);
  }

  @Test
  void aBadLayoutIsRefused() {
    assertThatThrownBy(() -> InMemoryStatusLists.create(BASE + "/", 64, new Random())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InMemoryStatusLists.create(BASE, 0, new Random())).isInstanceOf(IllegalArgumentException.class);
    assertThat(InMemoryStatusLists.create(BASE).layout()).isEqualTo(StatusListLayout.of(BASE));
  }
}
