package dev.openproof.certificate;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whom the certificate names for questions about the license: the vendor's regional support, such as
 * a Regional Operations Center.
 *
 * @param name the contact's name
 * @param email the contact's e-mail address
 * @param phone the contact's phone number, or {@code null}
 * @since 0.1.0
 */
public record CertificateContact(String name, String email, @Nullable String phone) {
  /** Checks that name and e-mail are one line of text each, and the phone too when present. */
  public CertificateContact {
    requireLine(name, "name");
    requireLine(email, "email");
    if (phone != null) {
      requireLine(phone, "phone");
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

  private static void requireLine(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank() || value.length() > 200 || value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(what + " must be one line of 1 to 200 characters");
    }
  }
}
