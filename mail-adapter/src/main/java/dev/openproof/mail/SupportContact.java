package dev.openproof.mail;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whom a customer writes to with questions about a proof: a Regional Operations Center of the vendor.
 *
 * @param name the contact's name, such as {@code "Regional Operations Center Europe"}
 * @param email the contact's e-mail address
 * @param phone the contact's phone number, or {@code null}
 * @since 0.1.0
 */
public record SupportContact(String name, String email, @Nullable String phone) {
  /** Checks that name and e-mail are present and hold no line breaks or control characters. */
  public SupportContact {
    requireSingleLine(name, "name");
    requireSingleLine(email, "email");
    if (phone != null) {
      requireSingleLine(phone, "phone");
    }
  }

  /**
   * The phone number, when there is one.
   *
   * @return the phone number, or empty
   */
  public Optional<String> phoneNumber() {
    return Optional.ofNullable(phone);
  }

  private static void requireSingleLine(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank() || HeaderValues.hasControl(value)) {
      throw new IllegalArgumentException(what + " must be one line of text, not blank");
    }
  }
}
