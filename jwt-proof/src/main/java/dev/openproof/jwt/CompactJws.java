package dev.openproof.jwt;

import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A compact JWS taken apart strictly, before any JSON is read: within the size limit, exactly three
 * non-empty parts, each canonical base64url. The header is left undecoded ({@code null}) when it is
 * exactly a header known to be canonical, whose checks the caller has kept. The token's characters are
 * read once into {@code ascii}, one byte each (a character beyond Latin-1 becomes {@code ?}, outside
 * the alphabet like every byte above 127), so its first two parts are the signing input as they stand.
 */
record CompactJws(String token, byte[] ascii, int headerLength, int signingInputLength, byte @Nullable [] header,
    byte[] payload, byte[] signature) {

  static CompactJws parse(String token, int maxLength) {
    return parse(token, maxLength, null);
  }

  /**
   * Takes a token apart.
   *
   * @param knownHeader an encoded header accepted before, as its ASCII bytes, or {@code null}: when the
   *     token's first part is exactly this text, it is not decoded again
   */
  static CompactJws parse(String token, int maxLength, byte @Nullable [] knownHeader) {
    if (token.length() > maxLength) {
      throw reject(RejectionReason.TOO_LARGE, "the token has " + token.length() + " characters; the limit is " + maxLength);
    }
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    int third = second < 0 ? -1 : token.indexOf('.', second + 1);
    if (third >= 0) {
      int dots = 3;
      for (int i = token.indexOf('.', third + 1); i >= 0 && dots < 5; i = token.indexOf('.', i + 1)) {
        dots++;
      }
      if (dots == 4) {
        throw reject(RejectionReason.ENCRYPTED_TOKEN, "the token has five parts: a JWE, not a signed proof");
      }
      throw reject(RejectionReason.MALFORMED, "a compact JWS has three parts; the token has more");
    }
    if (second < 0) {
      throw reject(RejectionReason.MALFORMED, "a compact JWS has three parts; the token has " + (first < 0 ? 1 : 2));
    }
    if (first == 0 || second == first + 1 || second == token.length() - 1) {
      throw reject(RejectionReason.MALFORMED, "a part of the token is empty");
    }
    byte[] ascii = token.getBytes(StandardCharsets.ISO_8859_1);
    // The known header is base64url only, which no character beyond Latin-1 (read as '?') can match.
    boolean known = knownHeader != null && knownHeader.length == first && Arrays.equals(ascii, 0, first, knownHeader, 0, first);
    byte[] header = known ? null : decode(ascii, 0, first, "header");
    byte[] payload = decode(ascii, first + 1, second, "payload");
    byte[] signature = decode(ascii, second + 1, ascii.length, "signature");
    return new CompactJws(token, ascii, first, second, header, payload, signature);
  }

  /** The header as decoded; only for a token parsed without a known header. */
  byte[] decodedHeader() {
    if (header == null) {
      throw new IllegalStateException("the header was known and not decoded");
    }
    return header;
  }

  /** The first part, as the token has it, in ASCII. */
  byte[] encodedHeader() {
    return Arrays.copyOf(ascii, headerLength);
  }

  /** Whether the key signed this token: the signing input checked where it stands in {@code ascii}. */
  boolean isSignedBy(dev.openproof.jwt.key.VerificationKey key) {
    return key.verify(ascii, 0, signingInputLength, signature);
  }

  private static byte[] decode(byte[] ascii, int from, int to, String part) {
    byte[] bytes = Base64Url.decode(ascii, from, to);
    if (bytes == null) {
      throw reject(RejectionReason.NOT_CANONICAL, "the " + part + " is not canonical base64url (unpadded, no whitespace, only A-Z a-z 0-9 - _)");
    }
    return bytes;
  }

  private static ProofVerificationException reject(RejectionReason reason, String message) {
    return new ProofVerificationException(reason, message);
  }
}
