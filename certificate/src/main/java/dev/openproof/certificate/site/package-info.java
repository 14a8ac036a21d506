/**
 * The static verification site: {@code verify.html}, a self-contained page that checks a proof in the
 * browser, with the issuer's {@code jwks.json} and Status List Tokens beside it, written by {@link
 * dev.openproof.certificate.site.SiteWriter}.
 */
@NullMarked
package dev.openproof.certificate.site;

import org.jspecify.annotations.NullMarked;
