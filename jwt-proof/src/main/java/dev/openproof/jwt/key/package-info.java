/**
 * Signing keys and their public JWK Sets: generation, the key ring that keeps retired keys for
 * verification, files (private JWK, PKCS#8 PEM, PKCS#12), and the {@link
 * dev.openproof.jwt.key.ContentSigner} interface an HSM or cloud KMS implements.
 */
@NullMarked
package dev.openproof.jwt.key;

import org.jspecify.annotations.NullMarked;
