/**
 * Where a verifier finds the keys it trusts: a JWK Set in memory or in a file, or one fetched from a
 * URL with caching, a rate limit and a size limit.
 */
@NullMarked
package dev.openproof.jwt.trust;

import org.jspecify.annotations.NullMarked;
