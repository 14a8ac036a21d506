package dev.openproof.mail;

import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * RFC 2047 encoding of a phrase that the mail API would send as it is. Jakarta Mail leaves ASCII text
 * unencoded, so a display name or subject that itself looks like an encoded-word ({@code
 * =?UTF-8?B?DQo=?=}) would reach the reader raw, and the reader's decoder would turn it into whatever
 * it encodes, a CR LF included. Such a phrase is encoded here, always: decoded once, it reads as the
 * literal text it was.
 */
final class EncodedWords {
  /** The most UTF-8 bytes in one word: 45 bytes are 60 base64 characters, a word of 72 (RFC 2047: 75). */
  private static final int MAX_BYTES_PER_WORD = 45;
  private static final Base64.Encoder BASE64 = Base64.getEncoder();

  private EncodedWords() {}

  /** Whether a decoder could read part of the text as an encoded-word, so that it must be encoded. */
  static boolean needed(String text) {
    return text.contains("=?");
  }

  /** The text as UTF-8 B encoded-words separated by spaces, each within 75 characters, split between code points. */
  static String encode(String text) {
    StringBuilder out = new StringBuilder(text.length() * 2);
    int start = 0;
    while (start < text.length()) {
      int end = start;
      int bytes = 0;
      while (end < text.length()) {
        int cp = text.codePointAt(end);
        int size = utf8Length(cp);
        if (bytes + size > MAX_BYTES_PER_WORD) {
          break;
        }
        bytes += size;
        end += Character.charCount(cp);
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append("=?UTF-8?B?").append(BASE64.encodeToString(text.substring(start, end).getBytes(StandardCharsets.UTF_8))).append("?=");
      start = end;
    }
    return out.toString();
  }

  private static int utf8Length(int cp) {
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }

  /** A mailbox whose display name is sent in the encoded form given, not as the mail API would write it. */
  static final class Mailbox extends InternetAddress {
    private static final long serialVersionUID = 1L;

    Mailbox(String address, String personal) {
      setAddress(address);
      this.personal = personal;
      this.encodedPersonal = encode(personal);
    }
  }
}
