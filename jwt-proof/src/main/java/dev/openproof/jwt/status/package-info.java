/**
 * Token Status Lists (draft-ietf-oauth-status-list): the list's encoding, the signed Status List
 * Token the issuer publishes, and the sources a verifier reads it from.
 */
@NullMarked
package dev.openproof.jwt.status;

import org.jspecify.annotations.NullMarked;
