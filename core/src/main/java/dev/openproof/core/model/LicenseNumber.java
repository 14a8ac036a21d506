package dev.openproof.core.model;

/**
 * A license number: decimal digits whose last digit is a Luhn check digit, so that a mistyped number
 * is caught before anyone looks it up.
 *
 * @param value the digits, the check digit last
 * @since 0.1.0
 */
public record LicenseNumber(String value) {
  /** Checks that the value is digits only, at least two of them. */
  public LicenseNumber {
    Texts.requireText(value, "licenseNumber");
    if (value.length() < 2 || !isDigits(value)) {
      throw new IllegalArgumentException("licenseNumber must be at least two decimal digits: " + value);
    }
  }

  /**
   * Builds a license number from its payload digits by appending the Luhn check digit.
   *
   * @param payload the digits without a check digit, at least one
   * @return the license number
   * @throws IllegalArgumentException if {@code payload} is not all decimal digits
   */
  public static LicenseNumber withCheckDigit(String payload) {
    if (payload.isEmpty() || !isDigits(payload)) {
      throw new IllegalArgumentException("payload must be decimal digits: " + payload);
    }
    return new LicenseNumber(payload + luhnDigit(payload));
  }

  /**
   * Parses a license number as it is written, checking its check digit.
   *
   * @param value the digits, the check digit last
   * @return the license number
   * @throws IllegalArgumentException if it is not digits or the check digit does not match
   */
  public static LicenseNumber parse(String value) {
    LicenseNumber number = new LicenseNumber(value);
    if (!number.hasValidCheckDigit()) {
      throw new IllegalArgumentException("licenseNumber has a wrong check digit: " + value);
    }
    return number;
  }

  /**
   * Tells whether the last digit is the Luhn check digit of the others.
   *
   * @return {@code true} if the check digit matches
   */
  public boolean hasValidCheckDigit() {
    int last = value.length() - 1;
    return luhnDigit(value.substring(0, last)) == value.charAt(last) - '0';
  }

  /** Whether every character is a decimal digit {@code 0} to {@code 9} (true for the empty text). */
  private static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int luhnDigit(String payload) {
    int sum = 0;
    boolean twice = true;
    for (int i = payload.length() - 1; i >= 0; i--) {
      int digit = payload.charAt(i) - '0';
      if (twice) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      twice = !twice;
    }
    return (10 - sum % 10) % 10;
  }

  @Override
  public String toString() {
    return value;
  }
}
