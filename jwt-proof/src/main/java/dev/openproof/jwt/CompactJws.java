package dev.openproof.jwt;

import org.jspecify.annotations.Nullable;

/**
 * A compact JWS taken apart strictly, before any JSON is read: within the size limit, exactly three
 * non-empty parts, each canonical base64url. The header is left undecoded ({@code null}) when it is
 * exactly a header known to be canonical, whose checks the caller has kept.
 */
record CompactJws(String token, int headerLength, int signingInputLength, byte @Nullable [] header, byte[] payload, byte[] signature) {

  static CompactJws parse(String token, int maxLength) {
    return parse(token, maxLength, null);
  }

  /**
   * Takes a token apart.
   *
   * @param knownHeader an encoded header accepted before, or {@code null}: when the token's first part
   *     is exactly this text, it is not decoded again
   */
  static CompactJws parse(String token, int maxLength, @Nullable String knownHeader) {
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
    boolean known = knownHeader != null && knownHeader.length() == first && token.startsWith(knownHeader);
    byte[] header = known ? null : decode(token, 0, first, "header");
    byte[] payload = decode(token, first + 1, second, "payload");
    byte[] signature = decode(token, second + 1, token.length(), "signature");
    return new CompactJws(token, first, second, header, payload, signature);
  }

  /** The header as decoded; only for a token parsed without a known header. */
  byte[] decodedHeader() {
    if (header == null) {
      throw new IllegalStateException("the header was known and not decoded");
    }
    return header;
  }

  /** The first part, as the token has it. */
  String encodedHeader() {
    return token.substring(0, headerLength);
  }

  /** The JWS signing input: the first two parts and the dot between them, as ASCII (checked base64url). */
  byte[] signingInput() {
    byte[] ascii = new byte[signingInputLength];
    for (int i = 0; i < ascii.length; i++) {
      ascii[i] = (byte) token.charAt(i);
    }
    return ascii;
  }

  private static byte[] decode(String token, int from, int to, String part) {
    byte[] bytes = Base64Url.decode(token, from, to);
    if (bytes == null) {
      throw reject(RejectionReason.NOT_CANONICAL, "the " + part + " is not canonical base64url (unpadded, no whitespace, only A-Z a-z 0-9 - _)");
    }
    return bytes;
  }

  private static ProofVerificationException reject(RejectionReason reason, String message) {
    return new ProofVerificationException(reason, message);
  }
}
