package dev.openproof.certificate.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site's files, and what the writer refuses to write. */
class SiteWriterTest {
  private static final String JWKS = "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\",\"kid\":\"k1\",\"alg\":\"EdDSA\",\"use\":\"sig\"}]}";
  private static final String TOKEN = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiIxIn0.c2ln";

  @TempDir
  Path dir;

  @Test
  void writesThePageTheKeysAndTheStatusLists() throws Exception {
    SiteWriter site = SiteWriter.builder().issuer("https://licensing.example.test").jwks(JWKS)
        .statusList("2", TOKEN + "\n").statusList("1", TOKEN).build();
    assertThat(site.writeTo(dir)).containsExactly(dir.resolve("verify.html"), dir.resolve("jwks.json"),
        dir.resolve("status/1.jwt"), dir.resolve("status/2.jwt"));
    assertThat(Files.readString(dir.resolve("jwks.json"))).isEqualTo(JWKS + "\n");
    assertThat(Files.readString(dir.resolve("status/2.jwt"))).isEqualTo(TOKEN + "\n");
    assertThat(Files.readString(dir.resolve("verify.html"))).isEqualTo(site.page());
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("verify.html", "jwks.json", "status");
    }
  }

  @Test
  void theContentSecurityPolicyHoldsTheHashesOfTheInlineScriptAndStyle() throws Exception {
    String page = SiteWriter.builder().issuer("https://licensing.example.test").jwks(JWKS).build().page();
    Matcher csp = Pattern.compile("content=\"(default-src 'none'; script-src '([^']+)'; style-src '([^']+)'; connect-src 'self';[^\"]*)\"").matcher(page);
    assertThat(csp.find()).as("the page has a strict CSP").isTrue();
    assertThat(csp.group(2)).isEqualTo(sha256(between(page, "<script>", "</script>")));
    assertThat(csp.group(3)).isEqualTo(sha256(between(page, "<style>", "</style>")));
    assertThat(csp.group(1)).contains("base-uri 'none'", "form-action 'none'", "require-trusted-types-for 'script'");
    assertThat(page).doesNotContainPattern("(?i)(src|href)\\s*=").doesNotContain("innerHTML", "eval(", "@SITE@");
  }

  @Test
  void theEmbeddedSiteDataCannotCloseItsScriptElement() {
    String page = SiteWriter.builder().issuer("https://x.test/</script><script>alert(1)</script>").jwks(JWKS).build().page();
    assertThat(page).contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)").doesNotContain("<script>alert");
    assertThat(page).contains("\"keys\":\"{\\\"keys\\\":[{\\\"kty\\\":\\\"OKP\\\"");
    assertThat(SiteWriter.builder().issuer("https://x.test").jwks(JWKS).embedKeys(false).build().page())
        .contains("\"statusBase\":\"https://x.test/status/\",\"keys\":null}");
  }

  @Test
  void listsEveryViolationAtOnce() {
    SiteWriter.Builder builder = SiteWriter.builder().issuer(" ").statusBase("https://x.test/status/")
        .jwks("{\"keys\":[{\"kty\":\"EC\",\"d\":\"secret\"}]}")
        .statusList("../1", TOKEN).statusList("2", "not a token").statusList("2", TOKEN);
    assertThatThrownBy(builder::build).isInstanceOfSatisfying(InvalidSiteException.class, e -> {
      assertThat(e.reasonCode()).isEqualTo("INVALID_SITE");
      assertThat(e.violations()).containsExactly("status list 2: given twice", "issuer: required",
          "status base: must not end with '/'", "jwks: holds a private key; publish public keys only",
          "status list ../1: the name must be 1 to 64 of A-Z a-z 0-9 _ -, starting with a letter or digit",
          "status list 2: the token is not a compact JWS of at most 4194304 characters");
      assertThat(e.getMessage()).doesNotContain("secret");
    });
    assertThatThrownBy(() -> SiteWriter.builder().build()).isInstanceOfSatisfying(InvalidSiteException.class,
        e -> assertThat(e.violations()).containsExactly("issuer: required", "jwks: required"));
  }

  private static String between(String text, String open, String close) {
    int start = text.indexOf(open) + open.length();
    return text.substring(start, text.indexOf(close, start));
  }

  private static String sha256(String text) throws Exception {
    return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
