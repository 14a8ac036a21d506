package dev.openproof.core.testing;

import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.SignedProof;
import dev.openproof.core.port.ProofSigner;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A signer for tests of the workflow: it makes a token of the right shape from the proof's id and
 * license number, with a fake signature, and counts its calls. Not a signature of any kind.
 */
public final class FakeSigner implements ProofSigner {
  private final AtomicInteger calls = new AtomicInteger();

  @Override
  public SignedProof sign(LicenseProof proof) {
    calls.incrementAndGet();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"FAKE\",\"typ\":\"license-proof+jwt\"}".getBytes(StandardCharsets.UTF_8));
    String payload = b64.encodeToString(
        ("{\"jti\":\"" + proof.proofId() + "\",\"license_number\":\"" + proof.licenseNumber() + "\"}")
            .getBytes(StandardCharsets.UTF_8));
    return new SignedProof(proof.proofId(), header + "." + payload + ".c2lnbmF0dXJl", "FAKE", "fake-key");
  }

  /** How many proofs were signed. */
  public int calls() {
    return calls.get();
  }
}
