package dev.openproof.certificate;

import dev.openproof.core.model.SignedProof;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a {@link ProofCertificate} is configured with: the issuer, its site, and whom customers ask. */
record Settings(URI site, String issuer, CertificateContact fallback, Map<String, CertificateContact> byCountry) {
  Settings {
    byCountry = Map.copyOf(byCountry);
  }

  /** The site's address, ending with a slash. */
  private String base() {
    String text = site.toASCIIString();
    return text.endsWith("/") ? text : text + "/";
  }

  String verificationPage() {
    return base() + "verify.html";
  }

  /** The verification page with the token in the fragment, which a browser never sends to a server. */
  String verificationLink(SignedProof signed) {
    return verificationPage() + "#" + signed.token();
  }

  String jwksAddress() {
    return base() + "jwks.json";
  }

  CertificateContact contactFor(@Nullable String country) {
    return country == null ? fallback : byCountry.getOrDefault(country.toUpperCase(Locale.ROOT), fallback);
  }
}
