package dev.openproof.core.model;

import java.util.Objects;

/** Shared invariant checks of the model's records. */
final class Texts {
  private Texts() {}

  /** Returns {@code value} when it is not null and not blank; throws otherwise. */
  static String requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}
