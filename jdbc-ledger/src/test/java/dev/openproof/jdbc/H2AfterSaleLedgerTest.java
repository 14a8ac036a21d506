package dev.openproof.jdbc;

import dev.openproof.core.port.ProofLedger;
import dev.openproof.core.testing.AfterSaleLedgerContract;
import org.junit.jupiter.api.AfterEach;

/** The after-sale ledger contract on an in-memory H2 database. */
class H2AfterSaleLedgerTest extends AfterSaleLedgerContract {
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
