package dev.openproof.jdbc;

import dev.openproof.core.port.ProofLedger;
import dev.openproof.core.testing.ProofLedgerContract;
import org.junit.jupiter.api.AfterEach;

/** The ledger contract on an in-memory H2 database. */
class H2ProofLedgerTest extends ProofLedgerContract {
  private TestDatabase database;

  @Override
  protected ProofLedger newLedger() {
    database = TestDatabase.h2();
    return database.newLedger();
  }

  @AfterEach
  void dropDatabase() {
    if (database != null) {
      database.close();
    }
  }
}
