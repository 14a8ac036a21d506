package dev.openproof.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * {@link Texts#requireText(String, String)} answers a text that starts with printable ASCII at once:
 * for every first character (each UTF-16 unit), alone and followed by blanks or letters, it accepts
 * exactly the texts {@link String#isBlank()} says are not blank.
 */
class TextsTest {
  @Test
  void acceptsExactlyTheTextsThatAreNotBlank() {
    int accepted = 0;
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      for (String rest : new String[] {"", " ", "\u2003\t", "a", "\u0416"}) {
        String text = (char) c + rest;
        if (text.isBlank()) {
          assertThatThrownBy(() -> Texts.requireText(text, "name")).isInstanceOf(IllegalArgumentException.class)
              .hasMessage("name must not be blank");
        } else {
          assertThat(Texts.requireText(text, "name")).isSameAs(text);
          accepted++;
        }
      }
    }
    assertThat(accepted).isGreaterThan(5 * 65_000);
    assertThatThrownBy(() -> Texts.requireText("", "name")).isInstanceOf(IllegalArgumentException.class);
  }
}
