/**
 * License proofs as signed JWTs: {@link dev.openproof.jwt.JwsProofSigner} issues them, {@link
 * dev.openproof.jwt.ProofVerifier} checks them against a trusted JWK Set and returns the decoded
 * proof or a {@link dev.openproof.jwt.ProofVerificationException} with a stable reason code. Keys live
 * in {@code dev.openproof.jwt.key}, trusted key sources in {@code dev.openproof.jwt.trust}.
 */
@NullMarked
package dev.openproof.jwt;

import org.jspecify.annotations.NullMarked;
