package dev.openproof.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;

/**
 * Checks and converts mailbox addresses: a dot-atom local part and a domain that {@link IDN} turns
 * into ASCII. A non-ASCII local part passes only when SMTPUTF8 is enabled. Anything else, above all a
 * line break or NUL, is refused with an {@link IllegalArgumentException} that names the problem;
 * nothing is repaired.
 */
final class MailAddresses {
  private static final String ATEXT_SYMBOLS = "!#$%&'*+-/=?^_`{|}~";

  private MailAddresses() {}

  /**
   * The address, its domain in ASCII, with the display name set through the UTF-8 charset API.
   *
   * @param address the address as given
   * @param displayName the name to show, neutralized by {@link HeaderValues#phrase}; may be empty; a
   *     name that looks like an RFC 2047 encoded-word is itself encoded (see {@link EncodedWords})
   * @param smtpUtf8 whether a non-ASCII local part is allowed
   */
  static InternetAddress mailbox(String address, String displayName, boolean smtpUtf8) {
    InternetAddress mailbox = address(address, smtpUtf8);
    String name = HeaderValues.phrase(displayName);
    if (EncodedWords.needed(name)) {
      return new EncodedWords.Mailbox(mailbox.getAddress(), name);
    }
    if (!name.isEmpty()) {
      try {
        mailbox.setPersonal(name, StandardCharsets.UTF_8.name());
      } catch (UnsupportedEncodingException e) {
        throw new IllegalStateException("UTF-8 is always supported", e);
      }
    }
    return mailbox;
  }

  /** The bare address, its domain in ASCII. */
  static InternetAddress address(String address, boolean smtpUtf8) {
    String checked = check(address, smtpUtf8);
    InternetAddress result = new InternetAddress();
    result.setAddress(checked);
    if (isAscii(checked)) {
      try {
        result.validate();
      } catch (AddressException e) {
        throw invalid(address, String.valueOf(e.getMessage()));
      }
    }
    return result;
  }

  /** The address with its domain in ASCII, or an {@link IllegalArgumentException} saying why not. */
  static String check(String address, boolean smtpUtf8) {
    if (address.isEmpty()) {
      throw invalid(address, "it is empty");
    }
    if (HeaderValues.hasControl(address)) {
      throw invalid(address, "it contains a line break, NUL or other control character");
    }
    int at = address.lastIndexOf('@');
    if (at <= 0 || at == address.length() - 1) {
      throw invalid(address, "it is not of the form local-part@domain");
    }
    String local = address.substring(0, at);
    String domain = asciiDomain(address, address.substring(at + 1));
    checkLocalPart(address, local, smtpUtf8);
    String result = local + "@" + domain;
    if (result.getBytes(StandardCharsets.UTF_8).length > 254) {
      throw invalid(address, "it is longer than 254 octets");
    }
    return result;
  }

  private static void checkLocalPart(String address, String local, boolean smtpUtf8) {
    if (local.getBytes(StandardCharsets.UTF_8).length > 64) {
      throw invalid(address, "its local part is longer than 64 octets");
    }
    if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
      throw invalid(address, "its local part has a misplaced dot");
    }
    boolean ascii = true;
    for (int i = 0; i < local.length(); ) {
      int cp = local.codePointAt(i);
      i += Character.charCount(cp);
      if (cp >= 0x80) {
        ascii = false;
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
          throw invalid(address, "its local part contains white space");
        }
      } else if (!(Character.isLetterOrDigit(cp) || cp == '.' || ATEXT_SYMBOLS.indexOf(cp) >= 0)) {
        throw invalid(address, "its local part contains '" + (char) cp + "'");
      }
    }
    if (!ascii && !smtpUtf8) {
      throw invalid(address, "its local part is not ASCII and SMTPUTF8 is not enabled in the settings");
    }
  }

  private static String asciiDomain(String address, String domain) {
    if (domain.startsWith("[")) {
      throw invalid(address, "address literals are not accepted");
    }
    String ascii;
    try {
      ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
    } catch (IllegalArgumentException e) {
      throw invalid(address, "its domain is not a valid internationalized domain name");
    }
    if (ascii.isEmpty() || ascii.length() > 253) {
      throw invalid(address, "its domain is empty or too long");
    }
    for (String label : ascii.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")
          || !label.chars().allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c) || c == '-'))) {
        throw invalid(address, "its domain has an invalid label");
      }
    }
    return ascii;
  }

  private static boolean isAscii(String value) {
    return value.chars().allMatch(c -> c < 0x80);
  }

  private static IllegalArgumentException invalid(String address, String why) {
    return new IllegalArgumentException("invalid e-mail address '" + HeaderValues.printable(address) + "': " + why);
  }
}
