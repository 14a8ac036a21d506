package dev.openproof.certificate.site;

import dev.openproof.certificate.site.Chromium.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One issuer, its site on a static web server and one Chromium session, shared by every test class
 * that asks for it (started once, closed when the run ends), so that the browser suite stays short.
 */
final class SharedPage implements AutoCloseable {
  final TestIssuer issuer = new TestIssuer();
  final Path site;
  final StaticSite server;
  final Chromium browser;

  private SharedPage() throws IOException {
    site = Files.createTempDirectory("openproof-site");
    issuer.writeSite(site, false);
    server = new StaticSite(site);
    browser = new Chromium();
  }

  /** Opens the page on a token, as a scanned QR code does. */
  Verdict check(String token) {
    return browser.open(server.url("verify.html") + "#" + token);
  }

  /** Opens the page in a language, on a token. */
  Verdict check(String token, String lang) {
    return browser.open(server.url("verify.html") + "?lang=" + lang + "#" + token);
  }

  /** Writes the site anew, after a revocation or a suspension, as {@code openproof revoke} does. */
  void refresh() {
    try {
      issuer.writeSite(site, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the Java verifier says of the token with this site's lists. */
  String javaVerdict(String token) {
    return issuer.javaVerdict(token, site);
  }

  @Override
  public void close() throws IOException {
    try (browser; server; Stream<Path> files = Files.walk(site)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** Resolves a {@link SharedPage} parameter with the one instance of the run. */
  static final class Extension implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == SharedPage.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context.getRoot().getStore(ExtensionContext.Namespace.create(SharedPage.class))
          .computeIfAbsent(SharedPage.class, type -> {
            try {
              return new SharedPage();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }, SharedPage.class);
    }
  }
}
