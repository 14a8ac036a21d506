package dev.openproof.core.model;

import java.util.Objects;

/** Shared invariant checks of the model's records. */
final class Texts {
  private Texts() {}

  /**
   * Returns {@code value} when it is not null and not blank; throws otherwise. A text that starts with
   * a printable ASCII character other than the space (as identifiers and most names do) is not blank,
   * which one comparison tells; any other is asked {@link String#isBlank()}.
   */
  static String requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (!value.isEmpty() && value.charAt(0) > ' ' && value.charAt(0) < 0x7f) {
      return value;
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}
