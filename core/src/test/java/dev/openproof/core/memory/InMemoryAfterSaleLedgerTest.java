package dev.openproof.core.memory;

import dev.openproof.core.port.ProofLedger;
import dev.openproof.core.testing.AfterSaleLedgerContract;

class InMemoryAfterSaleLedgerTest extends AfterSaleLedgerContract {
  @Override
  protected ProofLedger newLedger() {
    return InMemoryProofLedger.create();
  }
}
