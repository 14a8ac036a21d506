/**
 * Not API: the HTTP fetch and the cache shared by {@link dev.openproof.jwt.trust.RemoteJwks} and
 * {@link dev.openproof.jwt.status.RemoteStatusList}. Public only because those live in two packages;
 * the types here may change in any release.
 */
@NullMarked
package dev.openproof.jwt.internal;

import org.jspecify.annotations.NullMarked;
