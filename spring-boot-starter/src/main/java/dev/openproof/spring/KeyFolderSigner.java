package dev.openproof.spring;

import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.SignedProof;
import dev.openproof.core.port.ProofSigner;
import dev.openproof.jwt.JwsProofSigner;
import dev.openproof.jwt.key.KeyRing;

/** Signs with the active key of a key folder as it stands, so that a rotation takes effect at once. */
final class KeyFolderSigner implements ProofSigner {
  private final SigningKeys keys;
  private final String issuer;
  private volatile Current current;

  private record Current(KeyRing ring, JwsProofSigner signer) {}

  KeyFolderSigner(SigningKeys keys, String issuer) {
    this.keys = keys;
    this.issuer = issuer;
    KeyRing ring = keys.ring();
    this.current = new Current(ring, JwsProofSigner.of(ring, issuer));
  }

  @Override
  public SignedProof sign(LicenseProof proof) {
    KeyRing ring = keys.ring();
    Current now = current;
    if (now.ring() != ring) {
      now = new Current(ring, JwsProofSigner.of(ring, issuer));
      current = now;
    }
    return now.signer().sign(proof);
  }

  @Override
  public String toString() {
    return "KeyFolderSigner[" + keys + ", issuer=" + issuer + "]";
  }
}
