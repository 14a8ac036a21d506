package dev.openproof.core.memory;

import dev.openproof.core.port.ProofLedger;
import dev.openproof.core.testing.ProofLedgerContract;

class InMemoryProofLedgerTest extends ProofLedgerContract {
  @Override
  protected ProofLedger newLedger() {
    return InMemoryProofLedger.create();
  }
}
