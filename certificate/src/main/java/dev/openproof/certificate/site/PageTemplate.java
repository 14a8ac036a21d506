package dev.openproof.certificate.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * {@code verify.html} as the jar holds it, with its Content-Security-Policy completed: the SHA-256
 * hashes of its one inline script and its style, computed from the text itself so that they never go
 * stale. A site fills in only the data block {@code @SITE@}, which the hashes do not cover.
 */
final class PageTemplate {
  static final String TEXT = hashed(read());

  private PageTemplate() {}

  /** The page with its data block: the JSON of the site, already escaped for an HTML script element. */
  static String page(String siteJson) {
    return TEXT.replace("@SITE@", siteJson);
  }

  private static String hashed(String template) {
    return template
        .replace("@SCRIPT_HASH@", hash(between(template, "<script>", "</script>")))
        .replace("@STYLE_HASH@", hash(between(template, "<style>", "</style>")));
  }

  private static String between(String text, String open, String close) {
    int start = text.indexOf(open);
    int end = text.indexOf(close, start);
    if (start < 0 || end < 0 || text.indexOf(open, end) >= 0) {
      throw new IllegalStateException("verify.html must have exactly one " + open + " element");
    }
    return text.substring(start + open.length(), end);
  }

  private static String hash(String content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK offers no SHA-256", e);
    }
  }

  private static String read() {
    try (InputStream in = PageTemplate.class.getResourceAsStream("verify.html")) {
      if (in == null) {
        throw new IllegalStateException("verify.html is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read verify.html from the jar", e);
    }
  }
}
