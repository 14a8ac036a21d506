package dev.openproof.core.validation;

import java.util.Objects;

/**
 * One broken input rule.
 *
 * @param path where, in the wire contract's names: {@code lines[2].quantity}, {@code customer.email}
 * @param message what is wrong, for example {@code must be at least 1}
 * @since 0.1.0
 */
public record Violation(String path, String message) {
  /** Checks that both parts are present. */
  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** Returns {@code path: message}. */
  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
