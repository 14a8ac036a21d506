package dev.openproof.mail;

import java.net.URI;
import java.util.Objects;

/** The addresses on the issuer's site that the mail links to. */
final class SiteAddresses {
  private SiteAddresses() {}

  static URI requireSite(URI site) {
    Objects.requireNonNull(site, "site");
    if (!"https".equalsIgnoreCase(site.getScheme()) || site.getHost() == null || site.getRawQuery() != null
        || site.getRawFragment() != null) {
      throw new IllegalArgumentException("the issuer's site must be an https address with no query or fragment: "
          + HeaderValues.printable(site.toString()));
    }
    return site;
  }

  /** {@code name} under the site, whether or not the site's address ends with a slash. */
  static URI resolve(URI site, String name) {
    String base = site.toASCIIString();
    return URI.create(base.endsWith("/") ? base + name : base + "/" + name);
  }
}
