package dev.openproof.service;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Request bodies read with a bound: refused past the limit before they are all read. */
final class Bodies {
  private Bodies() {}

  /**
   * The body as UTF-8 text.
   *
   * @param request the request
   * @param maxBytes the limit
   * @return the text
   * @throws ApiErrors.TooLarge past the limit, declared or read
   * @throws IOException if the body cannot be read
   */
  static String read(HttpServletRequest request, int maxBytes) throws IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      throw new ApiErrors.TooLarge(maxBytes);
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(maxBytes + 1);
      if (body.length > maxBytes) {
        throw new ApiErrors.TooLarge(maxBytes);
      }
      return new String(body, StandardCharsets.UTF_8);
    }
  }
}
